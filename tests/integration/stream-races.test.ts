import type { Activities } from '../../activities';
import { createHarness, type Harness } from './helpers/harness';
import { holdActivity, latch } from './helpers/faults';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

/**
 * A person's action that lands while a phase loop is inside an awaited activity wins: the loop re-reads the state
 * after the await and drops what the activity produced if it can no longer happen (the transition table says so).
 * Each test holds one real activity at a latch, acts, then lets the activity finish.
 */
describe('human actions win over what a loop was waiting for', () => {
  const held = new Map<string, ReturnType<typeof latch>>();
  const harnesses = new Map<keyof Activities, Promise<Harness>>();
  const harnessHolding = (name: keyof Activities) => {
    if (!harnesses.has(name))
      harnesses.set(name, createHarness({ wrapActivities: holdActivity(name, held) }));
    return harnesses.get(name)!;
  };
  afterAll(async () => {
    for (const harness of harnesses.values()) await (await harness).close();
  });

  it('a cancel during the script scan: the stream is cancelled, the late scan result is not applied', async () => {
    const harness = await harnessHolding('scanScriptRevision');
    const gate = latch();
    held.set('*', gate);
    const handle = await startStream(harness, { startInSeconds: 600 });
    await gate.entered;
    const result = await act(handle, 'cancel', people.manager, { reason: 'brand pulled out' });
    expect(result.phase).toBe('cancelled');
    gate.open();
    const final = await handle.result();
    expect(final.phase).toBe('cancelled');
    expect(final.script.revisions[0]!.findings).toBeUndefined();
    expect(final.timeline.entries.map((e) => e.type)).not.toContain('ScriptScanned');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  it('a cancel during the document check: cancelled, no check recorded after it', async () => {
    const harness = await harnessHolding('checkProducts');
    const gate = latch();
    held.set('*', gate);
    const handle = await startStream(harness, { startInSeconds: 600 });
    await gate.entered;
    await act(handle, 'cancel', people.manager, { reason: 'lineup changed' });
    gate.open();
    const final = await handle.result();
    expect(final.phase).toBe('cancelled');
    expect(final.productsCheckedAt).toBeUndefined();
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  it('an advance during the live snapshot pull: the stream moves to tail once, by the manager', async () => {
    const harness = await harnessHolding('pullLiveMetrics');
    const handle = await startStream(harness, {
      startInSeconds: 10,
      edit: (p) => ({ ...p, plannedDurationMinutes: 30 }),
    });
    const gate = latch();
    held.set(handle.workflowId, gate);
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    await gate.entered;
    const advanced = await act(handle, 'advance', people.manager, {
      from: 'burst',
      to: 'tail',
      reason: 'sold out',
    });
    expect(advanced.phase).toBe('tail');
    gate.open();
    const review = await waitForPhase(handle, 'review', 30_000);
    const intoTail = review.timeline.entries.filter(
      (e) => e.type === 'AdvancedNow' || (e.type === 'PhaseEntered' && e.summary.includes('tail')),
    );
    expect(intoTail.map((e) => [e.type, e.actorId])).toEqual([['AdvancedNow', people.manager.id]]);
    await handle.terminate('test finished');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  it('a cancel while a notification hangs: the stream is cancelled at once, the message still goes out later', async () => {
    const harness = await harnessHolding('sendNotification');
    const handle = await startStream(harness, { startInSeconds: 600 });
    const gate = latch();
    held.set(handle.workflowId, gate);
    await gate.entered; // the first message (the reviewer's "waiting for you") is stuck at the provider
    const cancelled = await act(handle, 'cancel', people.manager, { reason: 'plan withdrawn' });
    expect(cancelled.phase).toBe('cancelled');
    expect((await stateOf(handle)).phase).toBe('cancelled');
    gate.open();
    await handle.result();
    const sent = await harness.db.notification.findMany({ where: { workflowId: handle.workflowId } });
    expect(sent.map((n) => n.template)).toEqual(expect.arrayContaining(['gate_waiting', 'stream_cancelled']));
  });

  it('a cancel while blocked in the gates loop waits for nothing: reminders and the block stay consistent', async () => {
    const harness = await harnessHolding('sendNotification');
    const handle = await startStream(harness, { startInSeconds: 8 });
    await waitForPhase(handle, 'blocked', 30_000);
    await act(handle, 'cancel', people.manager, { reason: 'gave up' });
    const final = await waitForState(handle, (s) => s.phase === 'cancelled');
    const types = final.timeline.entries.map((e) => e.type);
    expect(types.lastIndexOf('StreamBlocked')).toBeLessThan(types.indexOf('Cancelled'));
    await handle.result();
  });
});
