import type { TCampaignEvent } from '../../domain/campaign/events.types';
import { campaignListColumns } from '../../domain/campaign/list-columns';
import { campaignPendingItems, type TCampaignPendingItem } from '../../domain/campaign/pending-items';
import { applyCampaignEvent, replayCampaign } from '../../domain/campaign/reducer';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { defineProjector, idsAsLogins } from './define-projector';

/** The campaign read model: CampaignRecord (board and calendar columns, the state) and its PendingItem rows. */
export const createCampaignProjector = defineProjector<TCampaignState, TCampaignEvent, TCampaignPendingItem>({
  kind: 'campaign',
  table: (db) => db.campaignRecord,
  replay: (events: readonly TCampaignEvent[]) => replayCampaign(events),
  apply: applyCampaignEvent,
  versionOf: (state: TCampaignState) => state.version,
  updatedAt: (state) => state.updatedAt,
  identity: (state) => ({
    workflowId: state.campaignId,
    title: state.plan.name,
    timeZone: state.plan.timeZone,
  }),
  items: campaignPendingItems,
  actorKeys: idsAsLogins,
  columns: (state, _items, now) => campaignListColumns(state, now),
});
