import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { historyJson, type HistoryJsonWriter } from './history-json';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface EventGroupSize {
  /** Event type, with the activity, Update or signal it belongs to: where the bytes come from. */
  group: string;
  events: number;
  protobufBytes: number;
}

export interface HistorySize {
  runs: number;
  events: number;
  protobufBytes: number;
  /** What `historyToJSON` (@temporalio/common/lib/proto-utils) writes: the format replay tools read. */
  jsonBytes: number;
  jsonWriter: HistoryJsonWriter;
  largestGroups: EventGroupSize[];
}

const LARGEST_GROUPS_SHOWN = 8;

/**
 * The event history of a workflow across every run of its continue-as-new chain (each run's first event names the
 * run before it), sized as Temporal stores it (protobuf) and as auditors download it (JSON).
 */
export async function measureHistory(client: Client, workflowId: string): Promise<HistorySize> {
  const runs: temporal.api.history.v1.IHistory[] = [];
  let runId: string | undefined;
  do {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    runId = started?.continuedExecutionRunId || undefined;
  } while (runId !== undefined);

  const groups = new Map<string, EventGroupSize>();
  let events = 0;
  let protobufBytes = 0;
  let jsonBytes = 0;
  let jsonWriter: HistoryJsonWriter = 'historyToJSON';
  for (const history of runs) {
    protobufBytes += temporal.api.history.v1.History.encode(history).finish().length;
    const written = historyJson(history);
    jsonBytes += Buffer.byteLength(written.json);
    jsonWriter = written.writer;
    const names = eventNames(history.events ?? []);
    for (const event of history.events ?? []) {
      events++;
      const group = names(event);
      const entry = groups.get(group) ?? { group, events: 0, protobufBytes: 0 };
      entry.events++;
      entry.protobufBytes += temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
      groups.set(group, entry);
    }
  }
  return {
    runs: runs.length,
    events,
    protobufBytes,
    jsonBytes,
    jsonWriter,
    largestGroups: [...groups.values()]
      .sort((a, b) => b.protobufBytes - a.protobufBytes)
      .slice(0, LARGEST_GROUPS_SHOWN),
  };
}

/** Names an event by its type and, where the history says, the activity, Update or signal it carries. */
function eventNames(events: readonly HistoryEvent[]): (event: HistoryEvent) => string {
  const activityBySchedule = new Map<string, string>();
  const updateById = new Map<string, string>();
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (scheduled) activityBySchedule.set(String(event.eventId), scheduled);
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted?.meta?.updateId && accepted.input?.name)
      updateById.set(accepted.meta.updateId, accepted.input.name);
  }
  return (event) => {
    const type = eventTypeName(event.eventType);
    const detail =
      event.activityTaskScheduledEventAttributes?.activityType?.name ??
      activityBySchedule.get(String(event.activityTaskCompletedEventAttributes?.scheduledEventId ?? '')) ??
      activityBySchedule.get(String(event.activityTaskStartedEventAttributes?.scheduledEventId ?? '')) ??
      activityBySchedule.get(String(event.activityTaskFailedEventAttributes?.scheduledEventId ?? '')) ??
      event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
      updateById.get(event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId ?? '') ??
      event.workflowExecutionSignaledEventAttributes?.signalName ??
      undefined;
    return detail ? `${type}(${detail})` : type;
  };
}

/** EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> ActivityTaskScheduled */
function eventTypeName(type: HistoryEvent['eventType']): string {
  const name = typeof type === 'number' ? temporal.api.enums.v1.EventType[type] : String(type);
  return (name ?? 'Unknown')
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, _separator: string, letter: string) => letter.toUpperCase());
}
