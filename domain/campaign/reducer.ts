import { SYSTEM_ACTOR, type TActor } from '../shared/actor.types';
import { reducerFor, replayWith, timelineEntryOf } from '../engine/reducer';
import { applyCampaignPayload, authorOf } from './apply-event';
import type { TCampaignEvent, TCampaignEventOf } from './events.types';
import type { TCampaignPlan } from './plan.schema';
import type { TCampaignState, TCampaignStream, TCampaignTimelineEntry } from './state.types';
import { childWorkflowId, sortedStreamKeys } from './streams';
import { summarizeCampaignEvent } from './timeline-summary';
import { campaignPhaseAfter } from './transitions';
import type { TCampaignPhase } from './phases';

/** The latest entries kept in state; the whole timeline is in the event store and in Temporal history. */
export const CAMPAIGN_TIMELINE_LIMIT = 30;

const timelineEntry = (event: TCampaignEvent, seq: number): TCampaignTimelineEntry =>
  timelineEntryOf(event, seq, summarizeCampaignEvent);

export function initialCampaignState(
  campaignId: string,
  plan: TCampaignPlan,
  at: string,
  actor: TActor = SYSTEM_ACTOR,
): TCampaignState {
  const planned: TCampaignEventOf<'CampaignPlanned'> = {
    type: 'CampaignPlanned',
    at,
    actor,
    campaignId,
    plan,
    submittedBy: actor.id,
  };
  const { streams: entries, ...rest } = plan;
  const streams: Record<string, TCampaignStream> = {};
  for (const entry of entries)
    streams[entry.key] = {
      ...entry,
      workflowId: childWorkflowId(campaignId, entry.key),
      status: 'planned',
      pausedByCampaign: false,
      author: authorOf(actor),
    };
  return {
    campaignId,
    phase: 'approval',
    phaseEnteredAt: { approval: at },
    plan: rest,
    submittedBy: actor.id,
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    planRevision: 1,
    windows: plan.windows,
    pause: { pausedTotalSeconds: 0, pauses: [] },
    extensions: [],
    streams,
    streamOrder: sortedStreamKeys(streams),
    kpis: { totals: {}, rollups: 0 },
    alerts: { total: 0, lastFiredAt: {}, recent: [] },
    steering: {},
    approvalNotices: {},
    review: { failures: 0 },
    version: 1,
    timeline: { entries: [timelineEntry(planned, 1)], totalCount: 1 },
  };
}

/** A new state (never mutating the input); the phase follows the transition table or the event is refused. */
export const applyCampaignEvent = reducerFor<
  TCampaignPhase,
  TCampaignEvent['type'],
  TCampaignEvent,
  TCampaignState
>({
  phaseAfter: campaignPhaseAfter,
  applyPayload: applyCampaignPayload,
  summarize: summarizeCampaignEvent,
  timelineLimit: CAMPAIGN_TIMELINE_LIMIT,
});

/** Rebuilds a campaign from its full history (auditors, the read model); the first event must be CampaignPlanned. */
export const replayCampaign = replayWith<TCampaignEvent, TCampaignEventOf<'CampaignPlanned'>, TCampaignState>(
  'campaign',
  'CampaignPlanned',
  (first) => initialCampaignState(first.campaignId, first.plan, first.at, first.actor),
  applyCampaignEvent,
);
