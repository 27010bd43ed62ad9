import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { storeMetricPoints } from '../../activities/analytics/metric-store';
import {
  approvePlan,
  campaignAct,
  campaignPlanInput,
  startCampaign,
  waitForCampaign,
} from './helpers/campaigns';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, waitForPhase, type StreamHandle } from './helpers/streams';

jest.setTimeout(240_000);

// A server of its own that suggests continue-as-new after a few dozen events, so a campaign rolls over several times.
const SUGGEST_AFTER_EVENTS = 40;

describe('a long campaign history', () => {
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

  it('continues as new when suggested, carrying every piece of state, and completes; each run replays', async () => {
    const plan = campaignPlanInput({
      preheatIn: 3,
      burstIn: 6,
      burstEndIn: 75,
      tailEndIn: 79,
      streams: [{ key: 'only', startIn: 8 }],
    });
    const campaign = await startCampaign(harness, plan);
    await approvePlan(campaign);
    const state = await waitForCampaign(campaign, (s) => s.streams.only?.status === 'started');
    const stream = harness.client.workflow.getHandle(state.streams.only!.workflowId) as StreamHandle;
    await passGates(stream);
    await waitForPhase(stream, 'burst', 30_000);
    await campaignAct(campaign, 'extend-burst', people.manager, {
      minutes: 1,
      reason: 'sold out: restocked',
    });
    // The rollups of the burst fill the history: the campaign rolls over on the server's suggestion. The numbers
    // arrive as a series (a point a second); the last one is what the campaign must end up with.
    const first = Date.now();
    await storeMetricPoints(
      harness.db,
      [10, 20, 30, 40, 50, 60].map((gmv, i) => ({
        streamId: stream.workflowId,
        metric: 'gmv' as const,
        ts: new Date(first + i * 1000).toISOString(),
        value: gmv,
      })),
      'pushed',
    );
    const rolled = await waitForCampaign(campaign, (s) =>
      s.timeline.entries.some((e) => e.type === 'ContinuedAsNew'),
    );
    const latest = await waitForCampaign(campaign, (s) => s.kpis.totals.gmv === 60);
    // What happened before the rollover is all still there after it.
    expect(latest.approval?.decision).toBe('approved');
    expect(latest.extensions).toHaveLength(1);
    expect(latest.streams.only?.status).toBe('started');
    expect(latest.streams.only?.workflowId).toBe(stream.workflowId);
    expect(latest.version).toBeGreaterThanOrEqual(rolled.version);
    expect(latest.timeline.totalCount).toBe(latest.version);

    await act(stream, 'end-early', people.manager, { reason: 'test over' });
    // The windows would pass by themselves; the manager moves on now to keep the test short.
    await campaignAct(campaign, 'advance', people.manager, { from: 'burst', reason: 'test over' });
    await waitForCampaign(campaign, (s) => s.phase === 'tail');
    await campaignAct(campaign, 'advance', people.manager, { from: 'tail', reason: 'test over' });
    const review = await waitForCampaign(campaign, (s) => s.review.reportId !== undefined, 120_000);
    await campaignAct(campaign, 'sign-review', people.manager, { reportId: review.review.reportId });
    const done = await campaign.result();
    expect(done.phase).toBe('completed');
    expect(done.kpis.totals.gmv).toBe(60);

    const { executions } = await harness.client.workflowService.listWorkflowExecutions({
      namespace: 'default',
      query: `WorkflowId = '${campaign.workflowId}'`,
    });
    expect((executions ?? []).length).toBeGreaterThanOrEqual(2);
    expect(
      await replayAllRuns(harness.client, [campaign.workflowId, stream.workflowId]),
    ).toBeGreaterThanOrEqual(3);
    // Every event reached the read model once, in order, across the runs.
    const rows = await harness.db.workflowEvent.findMany({
      where: { workflowId: campaign.workflowId },
      orderBy: { seq: 'asc' },
    });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBe(done.version);
  });
});
