import { setHandler } from '@temporalio/workflow';
import {
  CAMPAIGN_ACTIONS,
  validateCampaignAction,
  type TCampaignActionDef,
} from '../../domain/campaign/actions';
import { campaignNextDeadline } from '../../domain/campaign/deadlines';
import { isChildPhaseNews } from '../../domain/campaign/streams';
import { campaignPendingItems } from '../../domain/campaign/pending-items';
import { summarizeCampaignEvent } from '../../domain/campaign/timeline-summary';
import { registerActionUpdates, type TActionResult } from '../engine/action-updates';
import { nowIso } from '../engine/clock';
import type { CampaignRun } from './campaign-run';
import { CAMPAIGN_UPDATES, campaignStateQuery, childPhaseSignal } from './messages';

export function registerCampaignHandlers(run: CampaignRun): void {
  setHandler(campaignStateQuery, () => run.state);
  setHandler(childPhaseSignal, ({ key, phase, version }) => {
    const stream = run.state.streams[key];
    // Only its own streams, and only news: a late, repeated or older report changes nothing.
    if (stream === undefined || !isChildPhaseNews(stream, phase, version)) return;
    if (!run.emitIf({ type: 'ChildPhaseChanged', key, phase, ...(version === undefined ? {} : { version }) }))
      return;
    if (phase === 'blocked')
      run.emitIf({
        type: 'AlertRaised',
        ruleId: `stream_blocked:${key}`,
        message:
          `stream ${key} "${stream.plan.title}" is blocked before its slot ${stream.plan.scheduledStart}`.slice(
            0,
            500,
          ),
        values: {},
        notified: [],
      });
  });
  registerActionUpdates<TCampaignActionDef>(
    'campaign',
    CAMPAIGN_ACTIONS,
    CAMPAIGN_UPDATES,
    (def, { actor, input }) => validateCampaignAction(def, run.state, input, actor, { now: nowIso() }),
    (def, parsed, actor): TActionResult => {
      const events = def
        .events(run.state, parsed, actor, { now: nowIso() })
        .map((draft) => ({ seq: run.state.version + 1, event: run.emit(draft, actor) }));
      const now = nowIso();
      const next = campaignNextDeadline(run.state, now);
      return {
        action: def.name,
        version: run.state.version,
        phase: run.state.phase,
        paused: run.isPaused,
        events: events.map(({ event, seq }) => ({
          seq,
          type: event.type,
          summary: summarizeCampaignEvent(event),
        })),
        pendingItems: campaignPendingItems(run.state, now).length,
        ...(next === undefined ? {} : { nextDeadline: { kind: next.kind, at: next.at } }),
      };
    },
  );
}
