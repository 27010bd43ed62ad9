import type { TAuditKind, TShippedEvent } from './audit-kind.types';
import { sameJson } from './same-json';

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
   * A continued run starts from the state its predecessor carried: true when the predecessor's events plus the ones
   * it had not shipped yet give exactly that state, so a carried state cannot say what the events do not.
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
 * Folds every run of one workflow, oldest first, with the kind's reducer: from seq 1 in the first run, from the
 * carried state in each later run. An event shipped twice (a retried batch, events carried unshipped into the next
 * run) is applied once; a gap stops the run's fold and is reported, never papered over.
 */
export function foldRuns<TState>(
  kind: TAuditKind<TState>,
  runs: readonly TAuditRun[],
): TFoldedHistory<TState> {
  const checkpoints: Array<TCheckpoint<TState>> = [];
  const checks: TRunCheck[] = [];
  let previous: TState | undefined;
  runs.forEach((run, runIndex) => {
    const check: TRunCheck = { runId: run.runId, problems: [] };
    checks.push(check);
    const carried = runIndex === 0 ? undefined : kind.carriedState(run.startInput);
    const events = shippedEvents(run);
    if (runIndex > 0 && carried === undefined) check.problems.push('a continued run without a carried state');
    if (carried !== undefined && previous !== undefined) {
      let replayed: TState = previous;
      for (const { seq, event } of events)
        if (seq === kind.versionOf(replayed) + 1 && seq <= kind.versionOf(carried))
          replayed = kind.apply(replayed, event);
      check.carriedStateMatches = sameJson(replayed, carried);
    }
    let state = carried ?? (runIndex === 0 ? undefined : previous);
    const at = { runId: run.runId, runIndex };
    checkpoints.push({ ...at, historyEventId: 1, eventTime: run.startTime, state });
    for (const { seq, event, historyEventId, eventTime } of events) {
      const version = state === undefined ? 0 : kind.versionOf(state);
      if (seq <= version) continue;
      if (seq !== version + 1) {
        check.problems.push(
          `event ${seq} shipped at history event ${historyEventId}, but ${version + 1} is next`,
        );
        break;
      }
      const phaseBefore = state === undefined ? undefined : kind.phaseOf(state);
      state = state === undefined ? kind.initial(event) : kind.apply(state, event);
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
    }
    previous = state;
  });
  return { checkpoints, runs: checks };
}

export type TPointInTime = { runId?: string; eventId: number } | { at: string };

/**
 * The state as of a point: after every event shipped at or before history event `eventId` of the run (the last run
 * when none is named), or at or before instant `at`. Undefined when the point lies before anything was shipped.
 */
export function checkpointAt<TState>(
  folded: TFoldedHistory<TState>,
  point: TPointInTime,
): TCheckpoint<TState> | undefined {
  const { checkpoints } = folded;
  if ('at' in point) {
    const limit = Date.parse(point.at);
    return checkpoints.filter((c) => Date.parse(c.eventTime) <= limit).at(-1);
  }
  const runId = point.runId ?? checkpoints.at(-1)?.runId;
  return checkpoints.filter((c) => c.runId === runId && c.historyEventId <= point.eventId).at(-1);
}
