import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { DomainError } from '../../domain/shared/errors';
import type { TAuditRun, TShipment } from '../../domain/audit/reconstruct';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

/** The activity every workflow ships its domain events with (workflows/engine/event-shipper.ts). */
export const SHIPPING_ACTIVITY = 'recordWorkflowEvents';

/** One history event as a person reads it in a list: id, time, type and the name of what it is about. */
export interface THistoryEventLine {
  eventId: number;
  eventTime: string;
  eventType: string;
  detail?: string;
}

export interface TDecodedRun extends TAuditRun {
  workflowId: string;
  workflowType: string;
  /** The run this one continued from (continue-as-new), if any. */
  continuedFromRunId?: string;
  events: THistoryEventLine[];
}

/** EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> ActivityTaskScheduled, as the Temporal UI names them. */
export function eventTypeName(type: number | null | undefined): string {
  const name = EventType[type ?? 0] ?? 'EVENT_TYPE_UNSPECIFIED';
  return name
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
}

/**
 * A history event's time as an ISO instant (milliseconds). Seconds arrive as a Long from the server and as a plain
 * number from historyFromJSON, so the SDK's own helper (Long only) cannot read both.
 */
function instantOf(time: { seconds?: unknown; nanos?: number | null } | null | undefined): string {
  const seconds = time?.seconds as { toNumber?: () => number } | number | string | null | undefined;
  const whole = typeof seconds === 'object' && seconds?.toNumber ? seconds.toNumber() : Number(seconds ?? 0);
  return new Date(whole * 1000 + Math.floor((time?.nanos ?? 0) / 1e6)).toISOString();
}

const decode = (payloads: Payloads, index = 0): unknown => {
  const payload = payloads?.payloads?.[index];
  return payload === undefined ? undefined : defaultPayloadConverter.fromPayload(payload);
};

function detailOf(event: HistoryEvent): string | undefined {
  return (
    event.activityTaskScheduledEventAttributes?.activityType?.name ??
    event.workflowExecutionSignaledEventAttributes?.signalName ??
    event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
    event.timerStartedEventAttributes?.timerId ??
    event.markerRecordedEventAttributes?.markerName ??
    event.workflowExecutionStartedEventAttributes?.workflowType?.name ??
    undefined
  );
}

/**
 * The domain events a continued run was started with, still unshipped (workflows/engine: every kind carries its
 * shipper as `carried.shipper.pending`), as shipments of the run's first history event: they are in its history from
 * the start, and folded there, whenever (or whether) the run ships them again.
 */
function carriedShipments(startInput: unknown, started: THistoryEventLine): TShipment[] {
  const pending = (startInput as { carried?: { shipper?: { pending?: unknown } } } | null | undefined)
    ?.carried?.shipper?.pending;
  if (!Array.isArray(pending)) return [];
  return pending.flatMap((entry: unknown) => {
    const { seq, event } = (entry ?? {}) as { seq?: unknown; event?: unknown };
    return typeof seq === 'number' && event !== undefined
      ? [{ historyEventId: started.eventId, eventTime: started.eventTime, fromSeq: seq, events: [event] }]
      : [];
  });
}

/**
 * Reads what auditing needs from one run's history, in the form `fetchHistory` or `historyFromJSON` gives: who started
 * it with what, and every domain event shipped in it (the input of each `recordWorkflowEvents` it scheduled).
 */
export function decodeRun(workflowId: string, history: History): TDecodedRun {
  const events = history.events ?? [];
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  if (!started)
    throw new DomainError('INVALID_INPUT', `${workflowId}: a history starts with WorkflowExecutionStarted`, {
      issues: [{ path: ['events', 0], message: 'not WorkflowExecutionStarted', code: 'custom' }],
    });
  const startInput = decode(started.input);
  const shipments: TShipment[] = [];
  const lines: THistoryEventLine[] = [];
  for (const event of events) {
    const eventId = Number(event.eventId);
    const eventTime = instantOf(event.eventTime);
    const detail = detailOf(event);
    lines.push({
      eventId,
      eventTime,
      eventType: eventTypeName(event.eventType),
      ...(detail ? { detail } : {}),
    });
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== SHIPPING_ACTIVITY) continue;
    const input = decode(scheduled.input) as { fromSeq?: unknown; events?: unknown } | undefined;
    if (typeof input?.fromSeq !== 'number' || !Array.isArray(input.events)) continue;
    shipments.push({ historyEventId: eventId, eventTime, fromSeq: input.fromSeq, events: input.events });
  }
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return {
    workflowId,
    runId: started.originalExecutionRunId ?? '',
    workflowType: started.workflowType?.name ?? '',
    ...(started.continuedExecutionRunId ? { continuedFromRunId: started.continuedExecutionRunId } : {}),
    startInput,
    startTime: first.eventTime,
    shipments: [...carriedShipments(startInput, first), ...shipments],
    lastEventId: last.eventId,
    lastEventTime: last.eventTime,
    events: lines,
  };
}

/**
 * A history does not name its workflow, but liveops workflows ship their events with their id (the input of
 * `recordWorkflowEvents`), so a history file on its own still says whose it is.
 */
export function workflowIdInHistory(history: History): string | undefined {
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== SHIPPING_ACTIVITY) continue;
    const input = decode(scheduled.input) as { workflowId?: unknown } | undefined;
    if (typeof input?.workflowId === 'string') return input.workflowId;
  }
  return undefined;
}
