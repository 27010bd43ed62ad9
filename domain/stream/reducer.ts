import { SYSTEM_ACTOR, type TActor } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { laterOf } from '../shared/time';
import { applyEventPayload } from './apply-event';
import type { TCampaignLink, TStreamEvent, TStreamEventOf } from './events.types';
import type { TStreamPlan } from './plan.types';
import type { TProductState, TStreamState } from './state.types';
import { summarizeEvent } from './timeline-summary';
import { streamPhaseAfter } from './transitions';

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

export function timelineEntry(event: TStreamEvent, seq: number) {
  return {
    seq,
    type: event.type,
    at: event.at,
    actorId: event.actor.id,
    ...(event.actor.name === undefined ? {} : { actorName: event.actor.name }),
    summary: summarizeEvent(event),
  };
}

/**
 * Returns a new state; the input state is never mutated (workflow queries may hold on to it). The phase follows the
 * transition table: an event that cannot happen in the current phase throws INVALID_PHASE.
 */
export function applyStreamEvent(state: TStreamState, event: TStreamEvent): TStreamState {
  const phase = streamPhaseAfter(state.phase, event);
  const next = applyEventPayload(state, event);
  const seq = state.version + 1;
  const entries = [...state.timeline.entries, timelineEntry(event, seq)];
  return {
    ...next,
    ...(phase === state.phase
      ? {}
      : { phase, phaseEnteredAt: { ...next.phaseEnteredAt, [phase]: event.at } }),
    updatedAt: laterOf(state.updatedAt, event.at),
    version: seq,
    timeline: {
      entries: entries.length > TIMELINE_LIMIT ? entries.slice(-TIMELINE_LIMIT) : entries,
      totalCount: seq,
    },
  };
}

/** Rebuilds a stream from its full history; the first event must be StreamPlanned. */
export function replayStream(events: readonly TStreamEvent[]): TStreamState {
  const [first, ...rest] = events;
  if (first === undefined || first.type !== 'StreamPlanned')
    throw new DomainError('INVALID_INPUT', 'A stream history starts with StreamPlanned');
  return rest.reduce(
    applyStreamEvent,
    initialStreamState(first.streamId, first.plan, first.at, first.actor, first.campaign),
  );
}
