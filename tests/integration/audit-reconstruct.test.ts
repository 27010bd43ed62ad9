import request from 'supertest';
import type { TStreamState } from '../../domain/stream/state.types';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
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

jest.setTimeout(240_000);

interface Observation {
  label: string;
  at: string;
  state: TStreamState;
}

describe('point-in-time reconstruction rebuilds what the workflow held', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture();
  });
  afterAll(async () => f?.close());

  /**
   * The live state at a quiet moment: every event up to its version is in the database (so the activity that shipped
   * it was scheduled before `at`), and a second query after `at` still sees the same version (nothing newer existed).
   */
  async function observe(handle: StreamHandle, label: string): Promise<Observation> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const state = await stateOf(handle);
      const shipped = await f.harness.db.workflowEvent.count({ where: { workflowId: handle.workflowId } });
      if (shipped >= state.version) {
        const at = new Date().toISOString();
        if ((await stateOf(handle)).version === state.version) return { label, at, state };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no quiet moment to observe ${label}`);
  }

  const stateAt = async (id: string, query: string) =>
    (
      await request(f.app)
        .get(`/api/audit/workflows/${id}/state?${query}`)
        .set(bearer(f.users.auditor))
        .expect(200)
    ).body as { state: TStreamState; historyEventId: number; runId: string; view: { phase: string } };

  it('equals the states observed live at several moments, and the Query result at the last event', async () => {
    const handle = await startStream(f.harness, { startInSeconds: 12 });
    const observed: Observation[] = [];
    await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    observed.push(await observe(handle, 'scanned'));
    await act(handle, 'pause', people.manager, { reason: 'waiting for the brand' });
    observed.push(await observe(handle, 'paused'));
    await act(handle, 'resume', people.manager, {});
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    observed.push(await observe(handle, 'preheat'));
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'extend', people.manager, { minutes: 30, reason: 'sold out: more stock' });
    observed.push(await observe(handle, 'extended'));
    await act(handle, 'end-early', people.manager, { reason: 'done' });
    await waitForState(handle, (s) => s.review.reportId !== undefined, 60_000);
    observed.push(await observe(handle, 'review'));

    for (const { label, at, state } of observed) {
      const rebuilt = await stateAt(handle.workflowId, `at=${encodeURIComponent(at)}`);
      expect({ label, state: rebuilt.state }).toEqual({ label, state });
      expect(rebuilt.view.phase).toBe(state.phase);
    }
    expect(observed.map((o) => o.state.phase)).toEqual([
      'compliance',
      'compliance',
      'preheat',
      'burst',
      'review',
    ]);
    expect(observed[1]!.state.schedule.pausedAt).toBeDefined();

    // By history event id: the last event of the run equals the workflow's own Query answer.
    const live = (await observe(handle, 'last')).state;
    const last = await stateAt(handle.workflowId, '');
    expect(last.state).toEqual(live);
    expect(await stateOf(handle)).toEqual(last.state);
    // And one event before the shipment of the latest events, the state is older: steps are real points in time.
    const earlier = await stateAt(handle.workflowId, `eventId=${last.historyEventId - 1}`);
    expect(earlier.state.version).toBeLessThan(live.version);
    await handle.terminate('test finished');
  });
});
