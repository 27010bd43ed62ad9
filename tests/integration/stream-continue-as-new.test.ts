import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadWorkflowAudit } from '../../api/audit/workflow-audit';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

// A server of its own that suggests continue-as-new after a few dozen events, so a short stream rolls over mid-way.
const SUGGEST_AFTER_EVENTS = 40;

describe('a long stream history', () => {
  let env: TestWorkflowEnvironment;
  let harness: Harness;

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
    harness = await createHarness({ temporalAddress: env.address });
  });

  afterAll(async () => {
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
    // The stream moves on by itself (tail, review, another rollover): compare a state and a fold of the same version.
    let live = await stateOf(handle);
    let audit = await loadWorkflowAudit(harness.client, handle.workflowId);
    const deadline = Date.now() + 30_000;
    while (
      (audit.folded.checkpoints.at(-1)?.state as typeof live).version !== live.version &&
      Date.now() < deadline
    ) {
      audit = await loadWorkflowAudit(harness.client, handle.workflowId);
      live = await stateOf(handle);
    }
    expect(audit.runs.length).toBeGreaterThanOrEqual(2);
    expect(audit.folded.runs.map((run) => run.problems)).toEqual(audit.runs.map(() => []));
    expect(audit.folded.runs.slice(1).map((run) => run.carriedStateMatches)).toEqual(
      audit.runs.slice(1).map(() => true),
    );
    expect(audit.folded.checkpoints.at(-1)?.state).toEqual(live);
    await handle.terminate('test finished');
  });
});
