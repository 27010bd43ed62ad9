import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadWorkflowAudit, timelineRows, type TWorkflowAudit } from '../../api/audit/workflow-audit';
import type { TStreamState } from '../../domain/stream/state.types';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { outageSwitch } from './helpers/faults';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

// A server of its own that suggests continue-as-new after a few dozen events, so a short stream rolls over mid-way.
const SUGGEST_AFTER_EVENTS = 40;

describe('a long stream history', () => {
  let env: TestWorkflowEnvironment;
  let harness: Harness;
  const outage = outageSwitch();

  beforeAll(async () => {
    const cli = await ensureTemporalCli();
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli.path },
        searchAttributes: LIVEOPS_SEARCH_ATTRIBUTES,
        extraArgs: [
          '--dynamic-config-value',
          `limit.historyCount.suggestContinueAsNew=${SUGGEST_AFTER_EVENTS}`,
        ],
      },
    });
    harness = await createHarness({ temporalAddress: env.address, workerDb: (db) => outage.wrap(db) });
  });

  afterAll(async () => {
    outage.down = false;
    await harness?.close();
    await env?.teardown();
  });

  it('continues as new when the server suggests it, carrying the state, and each run replays', async () => {
    const handle = await startStream(harness, { startInSeconds: 12 });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    const rolled = await waitForState(handle, (s) =>
      s.timeline.entries.some((e) => e.type === 'ContinuedAsNew'),
    );
    expect((await act(handle, 'end-early', people.manager, { reason: 'rolled over: finish' })).phase).toBe(
      'tail',
    );
    const ended = await stateOf(handle);
    // What was decided before the rollover is still there after it.
    expect(ended.script.revisions[0]!.decision?.decision).toBe('approved_with_findings');
    expect(ended.checklist.signedBy).toBe(people.ops.id);
    expect(ended.version).toBeGreaterThan(rolled.version);

    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBeGreaterThanOrEqual(2);

    // Auditors rebuild every run: the later ones from the state they carried, which must be what the events say.
    const { audit, live } = await auditCaughtUp(handle);
    expect(audit.runs.length).toBeGreaterThanOrEqual(2);
    expect(audit.folded.runs.map((run) => run.problems)).toEqual(audit.runs.map(() => []));
    expect(audit.folded.runs.slice(1).map((run) => run.carriedStateMatches)).toEqual(
      audit.runs.slice(1).map(() => true),
    );
    expect(audit.folded.checkpoints.at(-1)?.state).toEqual(live);
    await handle.terminate('test finished');
  });

  it('rebuilds every event a run carried unshipped into the next (the database down across the rollover)', async () => {
    const handle = await startStream(harness, { startInSeconds: 12 });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    const rollovers = (s: TStreamState) =>
      s.timeline.entries.filter((e) => e.type === 'ContinuedAsNew').length;
    const before = rollovers(await stateOf(handle));
    outage.down = true;
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    await waitForState(handle, (s) => rollovers(s) > before, 90_000);
    await act(handle, 'extend', people.manager, { minutes: 30, reason: 'after the rollover' });
    outage.down = false;

    const { audit, live } = await auditCaughtUp(handle);
    // The rollover did carry events the database had not acknowledged...
    const carried = audit.runs.slice(1).flatMap((run) => {
      const input = run.decoded.startInput as { carried?: { shipper?: { pending?: unknown[] } } };
      return input.carried?.shipper?.pending ?? [];
    });
    expect(carried.length).toBeGreaterThan(0);
    // ...and every event is on the timeline once, in order, each state the fold of the events before it.
    expect(timelineRows(audit).map((row) => row.seq)).toEqual(
      Array.from({ length: live.version }, (_v, index) => index + 1),
    );
    expect(audit.folded.runs.map((run) => run.problems)).toEqual(audit.runs.map(() => []));
    expect(audit.folded.runs.slice(1).map((run) => run.carriedStateMatches)).toEqual(
      audit.runs.slice(1).map(() => true),
    );
    expect(audit.folded.checkpoints.at(-1)?.state).toEqual(live);
    await handle.terminate('test finished');
  });

  /**
   * The audit and the live state at the same version: the stream moves on by itself (tail, review, another
   * rollover), so the two are read again until they agree or the deadline passes.
   */
  async function auditCaughtUp(
    handle: Parameters<typeof stateOf>[0],
  ): Promise<{ audit: TWorkflowAudit; live: TStreamState }> {
    let live = await stateOf(handle);
    let audit = await loadWorkflowAudit(harness.client, handle.workflowId);
    const deadline = Date.now() + 30_000;
    while (
      (audit.folded.checkpoints.at(-1)?.state as TStreamState).version !== live.version &&
      Date.now() < deadline
    ) {
      audit = await loadWorkflowAudit(harness.client, handle.workflowId);
      live = await stateOf(handle);
    }
    return { audit, live };
  }
});
