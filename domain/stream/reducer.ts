import { SYSTEM_ACTOR, type TActor } from '../shared/actor.types';
import { reducerFor, replayWith, timelineEntryOf } from '../engine/reducer';
import { applyEventPayload } from './apply-event';
import type { TCampaignLink, TStreamEvent, TStreamEventOf } from './events.types';
import type { TStreamPlan } from './plan.types';
import type { TProductState, TStreamState } from './state.types';
import { summarizeEvent } from './timeline-summary';
import { streamPhaseAfter } from './transitions';
import type { TStreamPhase } from './phases';

export { RECENT_ALERTS_LIMIT } from './apply-event';
/**
 * The latest entries kept in state, for a glance; the whole timeline is in the database (WorkflowEvent rows, shipped
 * by the projection) and in Temporal history. Small, because every cached workflow holds its state in memory.
 */
export const TIMELINE_LIMIT = 30;

/** The stream state is a pure fold over its events; see apply-event.ts for what each event does. */
export function initialStreamState(
  streamId: string,
  plan: TStreamPlan,
  at: string,
  actor: TActor = SYSTEM_ACTOR,
  campaign?: TCampaignLink,
): TStreamState {
  const planned: TStreamEventOf<'StreamPlanned'> = {
    type: 'StreamPlanned',
    at,
    actor,
    streamId,
    plan,
    ...(campaign === undefined ? {} : { campaign }),
  };
  const products: Record<string, TProductState> = {};
  // Whoever submits the plan submits its lineup (for a campaign's stream: the person who wrote it into the campaign).
  for (const product of plan.products)
    products[product.sku] = { sku: product.sku, dropped: false, submittedBy: actor.id };
  return {
    streamId,
    ...(campaign === undefined ? {} : { campaign }),
    phase: 'draft',
    phaseEnteredAt: { draft: at },
    plan,
    createdAt: at,
    updatedAt: at,
    schedule: {
      scheduledStart: plan.scheduledStart,
      plannedDurationSeconds: plan.plannedDurationMinutes * 60,
      extensionSeconds: 0,
      pausedTotalSeconds: 0,
      pauses: [],
    },
    script: { currentRevision: 0, revisions: [] },
    products,
    checklist: { items: [] },
    approvalNotices: {},
    incidents: [],
    alerts: { total: 0, lastFiredAt: {}, recent: [] },
    metrics: { batches: 0, points: 0, batchesOutsideLive: 0, sources: {}, latest: {} },
    review: { failures: 0 },
    assignedReviewers: [],
    version: 1,
    timeline: { entries: [timelineEntry(planned, 1)], totalCount: 1 },
  };
}

export const timelineEntry = (event: TStreamEvent, seq: number) =>
  timelineEntryOf(event, seq, summarizeEvent);

/**
 * Returns a new state; the input state is never mutated (workflow queries may hold on to it). The phase follows the
 * transition table: an event that cannot happen in the current phase throws INVALID_PHASE.
 */
export const applyStreamEvent = reducerFor<TStreamPhase, TStreamEvent['type'], TStreamEvent, TStreamState>({
  phaseAfter: streamPhaseAfter,
  applyPayload: applyEventPayload,
  summarize: summarizeEvent,
  timelineLimit: TIMELINE_LIMIT,
});

/** Rebuilds a stream from its full history; the first event must be StreamPlanned. */
export const replayStream = replayWith<TStreamEvent, TStreamEventOf<'StreamPlanned'>, TStreamState>(
  'stream',
  'StreamPlanned',
  (first) => initialStreamState(first.streamId, first.plan, first.at, first.actor, first.campaign),
  applyStreamEvent,
);
