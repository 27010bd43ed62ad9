import { checkpointAt, foldRuns, type TAuditRun } from '../../../domain/audit/reconstruct';
import { STREAM_AUDIT_KIND } from '../../../domain/stream/audit-kind';
import { replayStream } from '../../../domain/stream/reducer';
import { at, events } from './audit-fixtures';

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
    expect(folded.checkpoints.map((c) => c.historyEventId)).toEqual([1, 5, 5, 9, 20, 20]);
    expect(checkpointAt(folded, { at: at(8) })?.historyEventId).toBe(9);
    expect(checkpointAt(folded, { at: at(30) })?.state).toEqual(replayStream(events));
  });

  /** One checkpoint per event, each the fold of every event up to it: what "a fold of every event" means. */
  function expectEveryEventFolded(folded: ReturnType<typeof foldRuns>) {
    const stepped = folded.checkpoints.filter((c) => c.seq !== undefined);
    expect(stepped.map((c) => c.seq)).toEqual(events.map((_e, index) => index + 1));
    for (const c of stepped) expect(c.state).toEqual(replayStream(events.slice(0, c.seq)));
  }

  it('folds the events a continued run carried unshipped, and checks its carried state against them', () => {
    const carried = replayStream(events.slice(0, 4));
    // Run 1 shipped seq 1-2 only; seq 3-4 were carried unshipped and run 2 ships them, then seq 5.
    const first = run('r1', [shipment(5, 0, 1, 2)]);
    const second = run('r2', [shipment(5, 9, 3, 3)], { carried: { state: carried } });
    const honest = foldRuns(STREAM_AUDIT_KIND, [first, second]);
    expect(honest.runs[1]).toMatchObject({
      carriedStateMatches: true,
      firstSeq: 3,
      lastSeq: 5,
      problems: [],
    });
    expectEveryEventFolded(honest);
    expect(honest.checkpoints.at(-1)!.state).toEqual(replayStream(events));
    // A carried state that says what the events do not (someone edited the start input) is flagged.
    const forged = { ...carried, cancelledReason: 'nothing happened' };
    const caught = foldRuns(STREAM_AUDIT_KIND, [
      first,
      run('r2', [shipment(5, 9, 3, 3)], { carried: { state: forged } }),
    ]);
    expect(caught.runs[1]!.carriedStateMatches).toBe(false);
    // So is one that holds events no history shows (run 2 never shipped seq 3-4).
    const unseen = foldRuns(STREAM_AUDIT_KIND, [
      first,
      run('r2', [shipment(5, 9, 5, 1)], { carried: { state: carried } }),
    ]);
    expect(unseen.runs[1]!.carriedStateMatches).toBe(false);
    expect(unseen.runs[1]!.problems).toEqual(['event 5 shipped at history event 5, but 3 is next']);
  });

  it('folds events carried in the start input at the run start (history event 1), before the run ships them', () => {
    const carried = replayStream(events.slice(0, 4));
    const pending = shipment(1, 9, 3, 2);
    const folded = foldRuns(STREAM_AUDIT_KIND, [
      run('r1', [shipment(5, 0, 1, 2)]),
      run('r2', [pending, shipment(7, 9, 3, 3)], { carried: { state: carried } }),
    ]);
    expect(folded.runs[1]).toMatchObject({
      carriedStateMatches: true,
      firstSeq: 3,
      lastSeq: 5,
      problems: [],
    });
    expectEveryEventFolded(folded);
    expect(checkpointAt(folded, { runId: 'r2', eventId: 1 })?.state).toEqual(carried);
  });

  it('gives the state at an instant by when each event happened, not when its batch was shipped', () => {
    // The database was down from minute 1 to minute 30: seq 3-5 (minutes 5, 9, 12) were shipped at minute 30.
    const folded = foldRuns(STREAM_AUDIT_KIND, [run('r1', [shipment(5, 0, 1, 2), shipment(20, 30, 3, 3)])]);
    expect(checkpointAt(folded, { at: at(10) })?.state).toEqual(replayStream(events.slice(0, 4)));
    expect(checkpointAt(folded, { at: at(6) })?.state).toEqual(replayStream(events.slice(0, 3)));
    // By history event, a point is what had been shipped by then.
    expect(checkpointAt(folded, { eventId: 19 })?.state).toEqual(replayStream(events.slice(0, 2)));
  });

  it('reports an event shipped twice with different content', () => {
    const altered = { ...events[2]!, reason: 'another reason' };
    const folded = foldRuns(STREAM_AUDIT_KIND, [
      run('r1', [
        shipment(5, 0, 1, 3),
        { historyEventId: 9, eventTime: at(6), fromSeq: 3, events: [altered, events[3]] },
      ]),
    ]);
    expect(folded.runs[0]!.problems).toEqual([
      'event 3 shipped again at history event 9 with different content',
    ]);
    expect(folded.runs[0]!.lastSeq).toBe(4);
  });

  it('reports a gap rather than folding past it', () => {
    const folded = foldRuns(STREAM_AUDIT_KIND, [run('r1', [shipment(5, 0, 1, 2), shipment(9, 12, 5, 1)])]);
    expect(folded.runs[0]!.problems).toEqual(['event 5 shipped at history event 9, but 3 is next']);
    expect(folded.runs[0]!.lastSeq).toBe(2);
    // The next run cannot be checked against events nobody has: it starts again from what it carried, and says so.
    const next = foldRuns(STREAM_AUDIT_KIND, [
      run('r1', [shipment(5, 0, 1, 2), shipment(9, 12, 5, 1)]),
      run('r2', [], { carried: { state: replayStream(events) } }),
    ]);
    expect(next.runs[1]).toEqual({
      runId: 'r2',
      problems: ['starts from its carried state (event 5): the events before it have a gap'],
    });
    expect(next.checkpoints.at(-1)!.state).toEqual(replayStream(events));
  });
});
