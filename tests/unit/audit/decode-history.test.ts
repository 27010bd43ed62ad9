import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { decodeRun, SHIPPING_ACTIVITY } from '../../../api/audit/decode-history';
import { foldRuns } from '../../../domain/audit/reconstruct';
import { STREAM_AUDIT_KIND } from '../../../domain/stream/audit-kind';
import { replayStream } from '../../../domain/stream/reducer';
import { at, events } from './audit-fixtures';

const base64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');
/** A payload in Temporal's JSON, as history files carry it. */
function payloads(value: unknown) {
  const { metadata, data } = defaultPayloadConverter.toPayload(value);
  const encoded = Object.entries(metadata ?? {}).map(([key, bytes]) => [key, base64(bytes)]);
  return { payloads: [{ metadata: Object.fromEntries(encoded), data: base64(data) }] };
}

/** A run's history file (Temporal JSON): started with `input`, then one shipment per `[minute, fromSeq, count]`. */
function history(
  runId: string,
  input: unknown,
  minute: number,
  shipped: Array<[number, number, number]>,
): History {
  const started = {
    eventId: '1',
    eventTime: at(minute),
    eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
    workflowExecutionStartedEventAttributes: {
      workflowType: { name: 'streamWorkflow' },
      originalExecutionRunId: runId,
      input: payloads(input),
    },
  };
  const shipments = shipped.map(([when, fromSeq, count], index) => ({
    eventId: String(5 + index),
    eventTime: at(when),
    eventType: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED',
    activityTaskScheduledEventAttributes: {
      activityType: { name: SHIPPING_ACTIVITY },
      input: payloads({
        kind: 'stream',
        workflowId: 's1',
        fromSeq,
        events: events.slice(fromSeq - 1, fromSeq - 1 + count),
      }),
    },
  }));
  return historyFromJSON({ events: [started, ...shipments] });
}

describe('decoding a run for the audit fold', () => {
  it('folds the events a continued run was started with, at its first history event, before it ships them', () => {
    // Run 1 shipped seq 1-2, then continued as new with seq 3-4 unacknowledged (the database was down).
    const first = decodeRun('s1', history('r1', {}, 0, [[0, 1, 2]]));
    const carried = {
      state: replayStream(events.slice(0, 4)),
      shipper: { pending: [3, 4].map((seq) => ({ seq, event: events[seq - 1] })), needsSnapshot: false },
    };
    // Run 2 has not shipped them yet (its activity still waits for the database), only its own seq 5 later.
    const second = decodeRun('s1', history('r2', { carried }, 10, []));
    expect(second.shipments).toEqual([
      { historyEventId: 1, eventTime: at(10), fromSeq: 3, events: [events[2]] },
      { historyEventId: 1, eventTime: at(10), fromSeq: 4, events: [events[3]] },
    ]);
    const folded = foldRuns(STREAM_AUDIT_KIND, [first, second]);
    expect(folded.runs[1]).toMatchObject({
      carriedStateMatches: true,
      firstSeq: 3,
      lastSeq: 4,
      problems: [],
    });
    expect(folded.checkpoints.flatMap((c) => (c.seq === undefined ? [] : [c.seq]))).toEqual([1, 2, 3, 4]);
  });
});
