import { checkpointAt, foldRuns, type TAuditRun } from '../../../domain/audit/reconstruct';
import { STREAM_AUDIT_KIND } from '../../../domain/stream/audit-kind';
import type { TStreamEvent } from '../../../domain/stream/events.types';
import { replayStream } from '../../../domain/stream/reducer';
import { CREATED_AT, manager, plan, planner } from '../domain/stream-fixtures';

const at = (minutes: number) => new Date(Date.parse(CREATED_AT) + minutes * 60_000).toISOString();
const events: TStreamEvent[] = [
  { type: 'StreamPlanned', at: at(0), actor: planner, streamId: 's1', plan },
  {
    type: 'ScriptSubmitted',
    at: at(0),
    actor: planner,
    revision: 1,
    segments: plan.script,
    submittedBy: planner.id,
  },
  { type: 'Paused', at: at(5), actor: manager, reason: 'brand' },
  { type: 'Resumed', at: at(9), actor: manager, pausedSeconds: 240 },
  { type: 'Cancelled', at: at(12), actor: manager, reason: 'host ill' },
];
const shipment = (historyEventId: number, minutes: number, fromSeq: number, count: number) => ({
  historyEventId,
  eventTime: at(minutes),
  fromSeq,
  events: events.slice(fromSeq - 1, fromSeq - 1 + count),
});
const run = (runId: string, shipments: TAuditRun['shipments'], startInput: unknown = {}): TAuditRun => ({
  runId,
  startInput,
  startTime: shipments[0]?.eventTime ?? at(0),
  shipments,
  lastEventId: 99,
  lastEventTime: at(30),
});

describe('folding shipped events into states', () => {
  it('applies a batch shipped twice (a retry) once, and gives the state at any history event or instant', () => {
    const folded = foldRuns(STREAM_AUDIT_KIND, [
      run('r1', [shipment(5, 0, 1, 2), shipment(9, 5, 3, 1), shipment(12, 5, 3, 1), shipment(20, 12, 4, 2)]),
    ]);
    expect(folded.runs[0]).toMatchObject({ firstSeq: 1, lastSeq: 5, problems: [] });
    expect(folded.checkpoints.at(-1)!.state).toEqual(replayStream(events));
    expect(checkpointAt(folded, { eventId: 4 })?.state).toBeUndefined();
    expect(
      (checkpointAt(folded, { eventId: 11 })?.state as { schedule: { pausedAt?: string } }).schedule.pausedAt,
    ).toBe(at(5));
    // The retried batch (history event 12) changed nothing, so it is no step of its own.
    expect(checkpointAt(folded, { at: at(11) })?.historyEventId).toBe(9);
    expect(checkpointAt(folded, { at: at(30) })?.state).toEqual(replayStream(events));
  });

  it('starts a continued run from its carried state and checks that state against the events', () => {
    const carried = replayStream(events.slice(0, 4));
    // Run 1 shipped seq 1-2 only; seq 3-4 were carried unshipped and run 2 ships them again, then seq 5.
    const first = run('r1', [shipment(5, 0, 1, 2)]);
    const second = run('r2', [shipment(5, 9, 3, 3)], { carried: { state: carried } });
    const honest = foldRuns(STREAM_AUDIT_KIND, [first, second]);
    expect(honest.runs[1]).toMatchObject({
      carriedStateMatches: true,
      firstSeq: 5,
      lastSeq: 5,
      problems: [],
    });
    expect(honest.checkpoints.at(-1)!.state).toEqual(replayStream(events));
    // A carried state that says what the events do not (someone edited the start input) is flagged.
    const forged = { ...carried, cancelledReason: 'nothing happened' };
    const caught = foldRuns(STREAM_AUDIT_KIND, [
      first,
      run('r2', [shipment(5, 9, 3, 3)], { carried: { state: forged } }),
    ]);
    expect(caught.runs[1]!.carriedStateMatches).toBe(false);
  });

  it('reports a gap rather than folding past it', () => {
    const folded = foldRuns(STREAM_AUDIT_KIND, [run('r1', [shipment(5, 0, 1, 2), shipment(9, 12, 5, 1)])]);
    expect(folded.runs[0]!.problems).toEqual(['event 5 shipped at history event 9, but 3 is next']);
    expect(folded.runs[0]!.lastSeq).toBe(2);
  });
});
