import type { TAuditKind, TShippedEvent } from './audit-kind.types';
import { canonicalJson, sameJson } from './same-json';

/** One `recordWorkflowEvents` call in a run's history: the events it carried and the history event that scheduled it. */
export interface TShipment {
  historyEventId: number;
  eventTime: string;
  fromSeq: number;
  events: unknown[];
}

/** What reconstruction reads from one run's history (api/audit/decode-history.ts makes it from the Temporal JSON). */
export interface TAuditRun {
  runId: string;
  startInput: unknown;
  startTime: string;
  shipments: TShipment[];
  lastEventId: number;
  lastEventTime: string;
}

/** A point of the timeline: the state right after the history event `historyEventId` of run `runId`. */
export interface TCheckpoint<TState> {
  runId: string;
  runIndex: number;
  historyEventId: number;
  /** When the history event happened (a point in time uses the domain event's own `at` instead). */
  eventTime: string;
  /** The domain event applied here; undefined at the start of a run (the carried state, or nothing yet). */
  seq?: number;
  event?: TShippedEvent;
  phaseBefore?: string;
  /** Undefined before the first event of the first run was shipped. */
  state: TState | undefined;
}

export interface TRunCheck {
  runId: string;
  /** Domain events first applied in this run (seq range), none when it shipped nothing new. */
  firstSeq?: number;
  lastSeq?: number;
  /**
   * A continued run starts from the state its predecessor carried: true when the events before it (shipped by the
   * earlier runs, or carried unshipped and shipped by this one) fold to exactly that state, so a carried state cannot
   * say what the events do not. Undefined when a gap before the run left nothing to compare with.
   */
  carriedStateMatches?: boolean;
  problems: string[];
}

export interface TFoldedHistory<TState> {
  checkpoints: Array<TCheckpoint<TState>>;
  runs: TRunCheck[];
}

function shippedEvents(run: TAuditRun) {
  return [...run.shipments]
    .sort((a, b) => a.historyEventId - b.historyEventId)
    .flatMap((shipment) =>
      shipment.events.map((event, index) => ({
        seq: shipment.fromSeq + index,
        event: event as TShippedEvent,
        historyEventId: shipment.historyEventId,
        eventTime: shipment.eventTime,
      })),
    );
}

/**
 * Folds every domain event of every run, oldest first, with the kind's reducer: one checkpoint per event, whichever
 * run shipped it (events a run carried unshipped into the next are shipped there, and folded there). An event shipped
 * twice (a retried batch, a carried batch) is applied once, and reported if its content differs. A continued run's
 * carried state is checked against the fold, never used in its place: only after a gap, which stops a run's fold and
 * is reported, does the next run start again from what it carried (and says so).
 */
export function foldRuns<TState>(
  kind: TAuditKind<TState>,
  runs: readonly TAuditRun[],
): TFoldedHistory<TState> {
  const checkpoints: Array<TCheckpoint<TState>> = [];
  const checks: TRunCheck[] = [];
  const applied = new Map<number, string>();
  let state: TState | undefined;
  let gapBefore = false;
  const versionOf = (value: TState | undefined) => (value === undefined ? 0 : kind.versionOf(value));
  runs.forEach((run, runIndex) => {
    const check: TRunCheck = { runId: run.runId, problems: [] };
    checks.push(check);
    const carried = runIndex === 0 ? undefined : kind.carriedState(run.startInput);
    if (runIndex > 0 && carried === undefined) check.problems.push('a continued run without a carried state');
    let toCompare = carried;
    if (carried !== undefined && gapBefore) {
      check.problems.push(
        `starts from its carried state (event ${kind.versionOf(carried)}): the events before it have a gap`,
      );
      state = carried;
      toCompare = undefined;
      gapBefore = false;
    }
    const compareCarried = () => {
      if (toCompare === undefined || versionOf(state) < kind.versionOf(toCompare)) return;
      check.carriedStateMatches = sameJson(state, toCompare);
      toCompare = undefined;
    };
    const at = { runId: run.runId, runIndex };
    checkpoints.push({ ...at, historyEventId: 1, eventTime: run.startTime, state });
    compareCarried();
    for (const { seq, event, historyEventId, eventTime } of shippedEvents(run)) {
      const version = versionOf(state);
      if (seq <= version) {
        const before = applied.get(seq);
        if (before !== undefined && before !== canonicalJson(event))
          check.problems.push(
            `event ${seq} shipped again at history event ${historyEventId} with different content`,
          );
        continue;
      }
      if (seq !== version + 1) {
        check.problems.push(
          `event ${seq} shipped at history event ${historyEventId}, but ${version + 1} is next`,
        );
        gapBefore = true;
        break;
      }
      const phaseBefore = state === undefined ? undefined : kind.phaseOf(state);
      state = state === undefined ? kind.initial(event) : kind.apply(state, event);
      applied.set(seq, canonicalJson(event));
      check.firstSeq ??= seq;
      check.lastSeq = seq;
      checkpoints.push({
        ...at,
        historyEventId,
        eventTime,
        seq,
        event,
        ...(phaseBefore === undefined ? {} : { phaseBefore }),
        state,
      });
      compareCarried();
    }
    // The run carried more than its history and its predecessors' show.
    if (toCompare !== undefined) check.carriedStateMatches = false;
  });
  return { checkpoints, runs: checks };
}

export type TPointInTime = { runId?: string; eventId: number } | { at: string };

/**
 * The state as of a point: after every event shipped at or before history event `eventId` of the run (the last run
 * when none is named), or after every event that happened at or before instant `at` (its own time: a batch shipped
 * late, after a database outage or into the next run, still happened when it happened). Undefined when the point lies
 * before the first event.
 */
export function checkpointAt<TState>(
  folded: TFoldedHistory<TState>,
  point: TPointInTime,
): TCheckpoint<TState> | undefined {
  const { checkpoints } = folded;
  if ('at' in point) {
    const limit = Date.parse(point.at);
    // Checkpoints run in seq order and events in time order, so the last one by then holds everything before it.
    return checkpoints.filter((c) => Date.parse(c.event?.at ?? c.eventTime) <= limit).at(-1);
  }
  const runId = point.runId ?? checkpoints.at(-1)?.runId;
  return checkpoints.filter((c) => c.runId === runId && c.historyEventId <= point.eventId).at(-1);
}
