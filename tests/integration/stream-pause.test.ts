import { pendingItems, streamDeadlines } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import {
  act,
  passGates,
  people,
  startStream,
  stateOf,
  waitForPhase,
  waitForState,
  type StreamHandle,
} from './helpers/streams';

jest.setTimeout(180_000);

/** Pauses for at least `ms` of real time, then resumes; answers what the workflow recorded for the pause. */
async function pauseFor(handle: StreamHandle, ms: number): Promise<{ seconds: number; state: TStreamState }> {
  const started = Date.now();
  await act(handle, 'pause', people.manager, { reason: 'waiting for the brand' });
  await waitForState(handle, () => Date.now() - started >= ms);
  await act(handle, 'resume', people.manager, {});
  const state = await stateOf(handle);
  return { seconds: state.schedule.pauses.at(-1)!.seconds!, state };
}
const shift = (before: string | undefined, after: string | undefined) =>
  (Date.parse(after ?? '') - Date.parse(before ?? '')) / 1000;

/** On the real server, each phase's pause does what PAUSE_POLICY (and the stream page's banner) says. */
describe('pause, phase by phase', () => {
  let ready: Promise<Harness> | undefined;
  const harness = () => (ready ??= createHarness());
  const done: StreamHandle[] = [];
  afterAll(async () => {
    const h = await harness();
    expect(
      await replayAllRuns(
        h.client,
        done.map((d) => d.workflowId),
      ),
    ).toBeGreaterThanOrEqual(done.length);
    await h.close();
  });

  it.concurrent(
    'compliance: the approval due time moves by the pause; the gate cutoff does not',
    async () => {
      const handle = await startStream(await harness(), { startInSeconds: 600 });
      const before = await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
      const { seconds, state } = await pauseFor(handle, 1500);
      const item = (s: TStreamState) => pendingItems(s).find((p) => p.key === 'script:r1')?.dueAt;
      expect(shift(item(before), item(state))).toBeCloseTo(seconds, 2);
      expect(streamDeadlines(state).gateCutoff).toBe(streamDeadlines(before).gateCutoff);
      await act(handle, 'cancel', people.manager, { reason: 'test finished' });
      await handle.result();
      done.push(handle);
    },
  );

  it.concurrent(
    'compliance, gates passed: the start of preheat passes while paused, preheat begins only when resumed',
    async () => {
      const handle = await startStream(await harness(), {
        startInSeconds: 30,
        timing: { preheatLeadSeconds: 20 },
      });
      const passed = await passGates(handle);
      await act(handle, 'pause', people.manager, { reason: 'waiting for the brand' });
      const preheatStart = Date.parse(streamDeadlines(passed).preheatStart);
      const stillWaiting = await waitForState(handle, () => Date.now() > preheatStart + 3_000);
      expect(stillWaiting.phase).toBe('compliance');
      await act(handle, 'resume', people.manager, {});
      const preheat = await waitForPhase(handle, 'preheat', 10_000);
      expect(Date.parse(preheat.phaseEnteredAt.preheat!)).toBeGreaterThan(preheatStart + 3_000);
      await act(handle, 'cancel', people.manager, { reason: 'test finished' });
      await handle.result();
      done.push(handle);
    },
  );

  it.concurrent(
    'preheat: the start passes while paused, the stream goes live only when resumed',
    async () => {
      const handle = await startStream(await harness(), { startInSeconds: 12 });
      await passGates(handle);
      const preheat = await waitForPhase(handle, 'preheat', 30_000);
      const scheduled = Date.parse(preheat.schedule.scheduledStart);
      await act(handle, 'pause', people.manager, { reason: 'host is late' });
      // Past the announced start, still in preheat: going live waits for the resume.
      const stillWaiting = await waitForState(handle, () => Date.now() > scheduled + 3_000);
      expect(stillWaiting.phase).toBe('preheat');
      await act(handle, 'resume', people.manager, { reason: 'host arrived' });
      const live = await waitForPhase(handle, 'burst', 10_000);
      expect(Date.parse(live.phaseEnteredAt.burst!)).toBeGreaterThan(scheduled + 3_000);
      // The announced start and the checklist due time did not move.
      expect(live.schedule.scheduledStart).toBe(preheat.schedule.scheduledStart);
      expect(streamDeadlines(live).checklistDue).toBe(streamDeadlines(preheat).checklistDue);
      await act(handle, 'end-early', people.manager, { reason: 'test finished' });
      done.push(handle);
    },
  );

  it.concurrent('tail: the tail end moves by the pause', async () => {
    const handle = await startStream(await harness(), {
      startInSeconds: 10,
      timing: { tailDurationSeconds: 120 },
    });
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const tail = await waitForPhase(handle, 'tail');
    const { seconds, state } = await pauseFor(handle, 1500);
    expect(shift(streamDeadlines(tail).tailEnd, streamDeadlines(state).tailEnd)).toBeCloseTo(seconds, 2);
    expect(streamDeadlines(state).liveEnd).toBe(streamDeadlines(tail).liveEnd);
    await handle.terminate('test finished');
    done.push(handle);
  });

  it.concurrent('review: the sign-off due time moves by the pause', async () => {
    const handle = await startStream(await harness(), { startInSeconds: 10 });
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const review = await waitForState(
      handle,
      (s) => s.phase === 'review' && s.review.reportId !== undefined,
      60_000,
    );
    const due = (s: TStreamState) => pendingItems(s).find((p) => p.kind === 'review_signoff')?.dueAt;
    const { seconds, state } = await pauseFor(handle, 1500);
    expect(shift(due(review), due(state))).toBeCloseTo(seconds, 2);
    await handle.terminate('test finished');
    done.push(handle);
  });
});
