import { streamStateQuery } from '../../workflows/stream/messages';
import {
  approvePlan,
  campaignAct,
  campaignPlanInput,
  campaignState,
  startCampaign,
  waitForCampaign,
  type CampaignHandle,
} from './helpers/campaigns';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { people, type StreamHandle } from './helpers/streams';
import { heldChildStartsQuery, releaseChildStartSignal } from './fixtures/held-child-starts/interceptors';

jest.setTimeout(180_000);

/**
 * A campaign starts its due streams one `await startChild` at a time. Whatever a manager does while one start is in
 * flight (cancel the campaign, take that stream out, pause) holds for that stream and for every start after it. The
 * worker here holds each child start at Temporal's edge (fixtures/held-child-starts) until the test lets it go.
 */
describe('child starts and the actions that land while one is in flight', () => {
  const interceptorModules = [require.resolve('./fixtures/held-child-starts/interceptors')];
  let ready: Promise<Harness> | undefined;
  const harness = () => (ready ??= createHarness({ workflowInterceptorModules: interceptorModules }));
  const recorded: string[] = [];
  afterAll(async () => {
    const h = await harness();
    expect(await replayAllRuns(h.client, recorded, { interceptorModules })).toBeGreaterThanOrEqual(
      recorded.length,
    );
    await h.close();
  });

  /** Two streams in two rooms at the same slot: both due in the same pass of the campaign's loop. */
  async function campaignWithTwoDueStreams(): Promise<CampaignHandle> {
    const h = await harness();
    const plan = campaignPlanInput({
      preheatIn: 300,
      burstIn: 400,
      burstEndIn: 900,
      tailEndIn: 1000,
      streams: [
        { key: 'first', room: 'A', startIn: 420 },
        { key: 'second', room: 'B', startIn: 420 },
      ],
      // The campaign starts each stream this long before its slot (time for its gates): at once, here.
      streamTiming: { approvalSlaSeconds: 600 },
    });
    const campaign = await startCampaign(h, plan);
    recorded.push(campaign.workflowId);
    await approvePlan(campaign);
    return campaign;
  }

  /** The first (or the named) child start the campaign awaits, held at Temporal's edge. */
  async function heldStart(campaign: CampaignHandle, workflowId?: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const held = await campaign.query(heldChildStartsQuery);
      const found = workflowId === undefined ? held[0] : held.find((id) => id === workflowId);
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no child start ${workflowId ?? ''} was held`);
  }

  /** The child workflows the campaign asked the server to start (recorded with the task that decided it). */
  async function initiatedChildren(campaign: CampaignHandle): Promise<string[]> {
    const history = await campaign.fetchHistory();
    return (history.events ?? []).flatMap((event) => {
      const id = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      return id ? [id] : [];
    });
  }

  const child = async (workflowId: string) =>
    (await harness()).client.workflow.getHandle(workflowId) as StreamHandle;

  it.concurrent(
    'a cancel during a start: the stream that was starting is cancelled too, and no later one starts',
    async () => {
      const campaign = await campaignWithTwoDueStreams();
      const starting = await heldStart(campaign);
      recorded.push(starting);
      const result = await campaignAct(campaign, 'cancel', people.manager, { reason: '品牌方撤回' });
      expect(result.phase).toBe('cancelled');
      await campaign.signal(releaseChildStartSignal, starting);
      const final = await campaign.result();
      expect(final.phase).toBe('cancelled');
      // The stream whose start was in flight hears of the cancellation like every other one.
      const stopped = await (await child(starting)).result();
      expect(stopped.phase).toBe('cancelled');
      expect(stopped.cancelledReason).toContain('品牌方撤回');
      // The other stream was never started: the campaign asked the server for one child only.
      const other = Object.values(final.streams).find((s) => s.workflowId !== starting)!;
      expect(other.status).toBe('planned');
      expect(await initiatedChildren(campaign)).toEqual([starting]);
    },
  );

  it.concurrent('taking the starting stream out: it stays out, and is cancelled', async () => {
    const campaign = await campaignWithTwoDueStreams();
    const starting = await heldStart(campaign);
    recorded.push(starting);
    const key = Object.values((await campaignState(campaign)).streams).find(
      (s) => s.workflowId === starting,
    )!.key;
    await campaignAct(campaign, 'cancel-stream', people.manager, { key, reason: '主播请假 host ill' });
    await campaign.signal(releaseChildStartSignal, starting);
    const stopped = await (await child(starting)).result();
    expect(stopped.phase).toBe('cancelled');
    const state = await waitForCampaign(campaign, (s) => s.streams[key]?.startedAt !== undefined);
    expect(state.streams[key]!.status).toBe('dropped');
    // The other stream was not touched: it starts as planned.
    const otherId = Object.values(state.streams).find((s) => s.key !== key)!.workflowId;
    recorded.push(await heldStart(campaign, otherId));
    await campaign.signal(releaseChildStartSignal, otherId);
    await waitForCampaign(campaign, (s) => s.streams[otherId.split('--')[1]!]?.status === 'started');
    await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
    expect((await campaign.result()).phase).toBe('cancelled');
  });

  it.concurrent('a pause during a start: no later stream starts until the campaign resumes', async () => {
    const campaign = await campaignWithTwoDueStreams();
    const starting = await heldStart(campaign);
    recorded.push(starting);
    await campaignAct(campaign, 'pause', people.manager, { reason: '等品牌方确认' });
    await campaign.signal(releaseChildStartSignal, starting);
    const paused = await waitForCampaign(campaign, (s) =>
      Object.values(s.streams).some((x) => x.workflowId === starting && x.status === 'started'),
    );
    // The task that recorded the start moved on to the next due stream: paused, it did not start it.
    const other = Object.values(paused.streams).find((s) => s.workflowId !== starting)!;
    expect(other.status).toBe('planned');
    expect(await initiatedChildren(campaign)).toEqual([starting]);
    await campaignAct(campaign, 'resume', people.manager, {});
    recorded.push(await heldStart(campaign, other.workflowId));
    await campaign.signal(releaseChildStartSignal, other.workflowId);
    await waitForCampaign(campaign, (s) => s.streams[other.key]!.status === 'started');
    const linked = await (await child(other.workflowId)).query(streamStateQuery);
    expect(linked.campaign?.key).toBe(other.key);
    await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
    expect((await campaign.result()).phase).toBe('cancelled');
  });
});
