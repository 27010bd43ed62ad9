import { storeMetricPoints } from '../../activities/analytics/metric-store';
import { rollupTotals } from '../../domain/campaign/kpis';
import type { TStreamKpis } from '../../domain/campaign/events.types';
import { streamKpis } from '../../activities/campaigns/campaign-streams';
import { streamStateQuery } from '../../workflows/stream/messages';
import type { StreamHandle } from './helpers/streams';
import { act, passGates, people, waitForPhase, waitForState } from './helpers/streams';
import {
  approvePlan,
  approver,
  campaignAct,
  campaignPlanInput,
  campaignState,
  startCampaign,
  waitForCampaign,
  waitForCampaignPhase,
  type CampaignHandle,
} from './helpers/campaigns';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { waitUntil } from './helpers/wait';

jest.setTimeout(300_000);

describe('a campaign on the real server', () => {
  let ready: Promise<Harness> | undefined;
  const harness = () => (ready ??= createHarness());
  const recorded: string[] = [];
  afterAll(async () => {
    const h = await harness();
    // Every history a test recorded (campaigns and their streams, every run) replays against today's code.
    expect(await replayAllRuns(h.client, recorded)).toBeGreaterThanOrEqual(recorded.length);
    await h.close();
  });

  const streamHandle = async (campaign: CampaignHandle, key: string): Promise<StreamHandle> => {
    const state = await waitForCampaign(campaign, (s) => s.streams[key]?.status === 'started');
    return (await harness()).client.workflow.getHandle(state.streams[key]!.workflowId) as StreamHandle;
  };

  it.concurrent(
    'three streams: approval (never by its submitter), every window passed unattended, the rollup is the sum of the streams, review signed off',
    async () => {
      const h = await harness();
      const plan = campaignPlanInput({
        preheatIn: 20,
        burstIn: 30,
        burstEndIn: 110,
        tailEndIn: 114,
        streams: [
          { key: 'day-1', startIn: 40 },
          { key: 'day-2', startIn: 41 },
          { key: 'day-3', startIn: 42 },
        ],
      });
      // A manager submits it: they cannot approve it themselves; another manager can.
      const campaign = await startCampaign(h, plan, people.manager);
      recorded.push(campaign.workflowId);
      await expect(approvePlan(campaign, people.manager)).rejects.toMatchObject({
        cause: { type: 'SELF_APPROVAL' },
      });
      await approvePlan(campaign, approver);
      await waitForCampaignPhase(campaign, 'scheduled', 10_000).catch(() => undefined);

      // The streams start as children in time for their gates; the reviewer passes them as for any stream.
      const streams = await Promise.all(
        ['day-1', 'day-2', 'day-3'].map((key) => streamHandle(campaign, key)),
      );
      recorded.push(...streams.map((s) => s.workflowId));
      await Promise.all(streams.map((s) => passGates(s)));
      const linked = await streams[0]!.query(streamStateQuery);
      expect(linked.campaign).toMatchObject({ id: campaign.workflowId, key: 'day-1' });

      const burst = await waitForCampaignPhase(campaign, 'burst', 90_000);
      expect(burst.timeline.entries.map((e) => e.type)).toEqual(expect.arrayContaining(['PhaseEntered']));
      // Sales pushed for each stream while it is live.
      await Promise.all(streams.map((s) => waitForPhase(s, 'burst', 90_000)));
      const sales: Record<string, { gmv: number; orders: number; new_followers: number }> = {
        'day-1': { gmv: 120.5, orders: 3, new_followers: 7 },
        'day-2': { gmv: 300, orders: 5, new_followers: 2 },
        'day-3': { gmv: 80, orders: 1, new_followers: 0 },
      };
      for (const [index, key] of ['day-1', 'day-2', 'day-3'].entries()) {
        const streamId = streams[index]!.workflowId;
        const ts = new Date().toISOString();
        await storeMetricPoints(
          h.db,
          Object.entries(sales[key]!).map(([metric, value]) => ({
            streamId,
            metric: metric as 'gmv',
            ts,
            value,
          })),
          'pushed',
        );
      }
      const rolled = await waitForCampaign(campaign, (s) => s.kpis.totals.gmv === 500.5, 30_000);
      expect(rolled.kpis.totals.orders).toBe(9);
      expect(rolled.kpis.totals.new_followers).toBe(9);
      expect(rolled.kpis.totals.roi).toBeCloseTo(500.5 / 500, 6);
      // Each stream's contribution is what its own review computes from the same store.
      const own: Record<string, TStreamKpis> = {};
      for (const [index, key] of ['day-1', 'day-2', 'day-3'].entries())
        own[key] = await streamKpis(h.db, streams[index]!.workflowId);
      expect(rolled.kpis.totals).toEqual(rollupTotals(own, 500));

      // Tail and review come by themselves at the window boundaries.
      const review = await waitForCampaign(campaign, (s) => s.review.reportId !== undefined, 120_000);
      expect(review.phase).toBe('review');
      const phases = review.timeline.entries.filter((e) => e.type === 'PhaseEntered').map((e) => e.summary);
      expect(phases.join(' ')).toContain('review');
      const report = await h.db.report.findUniqueOrThrow({ where: { id: review.review.reportId! } });
      expect(JSON.parse(report.json)).toMatchObject({ totals: { gmv: 500.5, orders: 9 } });
      await campaignAct(campaign, 'sign-review', approver, { reportId: review.review.reportId });
      const done = await campaign.result();
      expect(done.phase).toBe('completed');
      for (const s of streams)
        await act(s, 'end-early', people.manager, { reason: 'test over' }).catch(() => undefined);
    },
  );

  it.concurrent(
    'extending the burst moves the later slots and the tail; cancelling stops every stream and tells the team',
    async () => {
      const h = await harness();
      const plan = campaignPlanInput({
        preheatIn: 20,
        burstIn: 30,
        burstEndIn: 430,
        tailEndIn: 440,
        streams: [
          { key: 'early', room: 'A', startIn: 40 },
          { key: 'late', room: 'A', startIn: 180 },
          // Its start (minus the time its gates need) is far enough away that the campaign has not started it yet.
          { key: 'later', room: 'B', startIn: 330, minutes: 1 },
        ],
      });
      const campaign = await startCampaign(h, plan);
      recorded.push(campaign.workflowId);
      await approvePlan(campaign);
      const early = await streamHandle(campaign, 'early');
      const late = await streamHandle(campaign, 'late');
      recorded.push(early.workflowId, late.workflowId);
      await passGates(early);
      await waitForPhase(early, 'burst', 90_000);
      const before = await waitForCampaign(
        campaign,
        (s) => s.phase === 'burst' && s.streams.early?.phase === 'burst',
      );
      expect(before.streams.later?.status).toBe('planned');

      await campaignAct(campaign, 'extend-burst', people.manager, {
        minutes: 30,
        reason: '延长 30 分钟：爆款补货',
      });
      const after = await campaignState(campaign);
      const moved = (s: typeof after, key: string) => Date.parse(s.streams[key]!.plan.scheduledStart);
      expect(Date.parse(after.windows.burstEnd) - Date.parse(before.windows.burstEnd)).toBe(30 * 60_000);
      expect(Date.parse(after.windows.tailEnd) - Date.parse(before.windows.tailEnd)).toBe(30 * 60_000);
      expect(moved(after, 'late') - moved(before, 'late')).toBe(30 * 60_000);
      expect(moved(after, 'later') - moved(before, 'later')).toBe(30 * 60_000);
      // The live stream runs longer; the started one before its live is rescheduled by its own action.
      const liveState = await waitForState(early, (s) => s.schedule.extensionSeconds === 1800);
      expect(
        liveState.timeline.entries.some(
          (e) => e.type === 'StreamExtended' && e.actorId === `campaign:${campaign.workflowId}`,
        ),
      ).toBe(true);
      const lateState = await waitForState(
        late,
        (s) => Date.parse(s.schedule.scheduledStart) === moved(after, 'late'),
      );
      expect(lateState.phase).toBe('compliance');

      await campaignAct(campaign, 'cancel', people.manager, { reason: '品牌方撤回 brand pulled out' });
      const cancelled = await campaign.result();
      expect(cancelled.phase).toBe('cancelled');
      // Live: ended early (its sales keep their review); before live: cancelled with the campaign's reason.
      const earlyEnd = await waitForState(early, (s) => s.phase === 'tail' || s.phase === 'review');
      expect(earlyEnd.schedule.endedEarly?.reason).toContain('brand pulled out');
      const lateEnd = await late.result();
      expect(lateEnd.phase).toBe('cancelled');
      const told = await h.db.notification.findMany({
        where: { workflowId: campaign.workflowId, template: 'campaign_cancelled' },
      });
      expect(told.length).toBeGreaterThan(0);
      expect(told.map((n) => n.recipient)).toEqual(
        expect.arrayContaining([people.manager.id, 'host@example.com']),
      );
    },
  );

  it.concurrent(
    'pause and resume: every window and every stream not started yet moves by the pause',
    async () => {
      const h = await harness();
      const plan = campaignPlanInput({
        preheatIn: 300,
        burstIn: 600,
        burstEndIn: 900,
        tailEndIn: 1000,
        streams: [{ key: 'far', startIn: 700 }],
      });
      const campaign = await startCampaign(h, plan);
      recorded.push(campaign.workflowId);
      await approvePlan(campaign);
      const before = await waitForCampaignPhase(campaign, 'scheduled');
      const paused = await campaignAct(campaign, 'pause', people.manager, {
        reason: '等品牌方确认 waiting for the brand',
      });
      // A pause long enough to see everything move by it: the campaign's own record of when it paused decides when.
      const pausedAt = Date.parse((await campaignState(campaign)).pause.pausedAt!);
      await waitUntil(() => Date.now() >= pausedAt + 1_500);
      expect(paused.paused).toBe(true);
      await campaignAct(campaign, 'resume', people.manager, {});
      const after = await campaignState(campaign);
      const pausedSeconds = after.pause.pauses.at(-1)!.seconds!;
      expect(pausedSeconds).toBeGreaterThanOrEqual(1);
      for (const key of ['preheatStart', 'burstStart', 'burstEnd', 'tailEnd'] as const)
        expect(Date.parse(after.windows[key]) - Date.parse(before.windows[key])).toBe(pausedSeconds * 1000);
      expect(
        Date.parse(after.streams.far!.plan.scheduledStart) -
          Date.parse(before.streams.far!.plan.scheduledStart),
      ).toBe(pausedSeconds * 1000);
      await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
      expect((await campaign.result()).phase).toBe('cancelled');
    },
  );

  const pushSales = async (streamId: string, gmv: number) =>
    storeMetricPoints(
      (await harness()).db,
      [{ streamId, metric: 'gmv', ts: new Date().toISOString(), value: gmv }],
      'pushed',
    );

  it.concurrent(
    'every goal met during the burst: the burst ends early, with the numbers on the timeline',
    async () => {
      const h = await harness();
      const plan = campaignPlanInput({
        preheatIn: 20,
        burstIn: 30,
        burstEndIn: 430,
        tailEndIn: 440,
        streams: [{ key: 'hero', startIn: 40 }],
        extra: { goals: { gmv: 100 }, rules: { endBurstWhenGoalsMet: true } },
      });
      const campaign = await startCampaign(h, plan);
      recorded.push(campaign.workflowId);
      await approvePlan(campaign);
      const hero = await streamHandle(campaign, 'hero');
      recorded.push(hero.workflowId);
      await passGates(hero);
      await waitForPhase(hero, 'burst', 90_000);
      await waitForCampaignPhase(campaign, 'burst');
      await pushSales(hero.workflowId, 150);
      const tail = await waitForCampaignPhase(campaign, 'tail', 30_000);
      expect(Date.parse(tail.phaseEnteredAt.tail!)).toBeLessThan(Date.parse(tail.windows.burstEnd));
      const step = tail.timeline.entries.find((e) => e.type === 'PhaseEntered' && e.summary.includes('goal'));
      expect(step?.summary).toContain('gmv 150');
      expect(tail.steering.goalsMetAt).toBeDefined();
      await campaignAct(campaign, 'advance', people.manager, { from: 'tail', reason: 'test over' });
      const review = await waitForCampaign(campaign, (s) => s.review.reportId !== undefined);
      await campaignAct(campaign, 'sign-review', people.manager, { reportId: review.review.reportId });
      expect((await campaign.result()).phase).toBe('completed');
      await act(hero, 'end-early', people.manager, { reason: 'test over' }).catch(() => undefined);
    },
  );

  it.concurrent(
    "ROI under the floor: the manager is asked; unanswered, the plan's default pauses the streams not on air, and releasing resumes them",
    async () => {
      const h = await harness();
      const plan = campaignPlanInput({
        preheatIn: 20,
        burstIn: 30,
        burstEndIn: 530,
        tailEndIn: 540,
        streams: [
          // Live through the minute under the floor and the minute to answer; 'soon' starts before the answer is due.
          { key: 'now', startIn: 40, minutes: 4 },
          { key: 'soon', startIn: 300 },
          { key: 'later', startIn: 430 },
        ],
        extra: {
          goals: { roiFloor: 2 },
          budget: 1000,
          // The floors of every plan (domain/shared/timing-floors.ts): a minute under the floor, a minute to answer.
          rules: { roiFloor: { forSeconds: 60, confirmWithinSeconds: 60, onNoAnswer: 'pause_remaining' } },
        },
      });
      const campaign = await startCampaign(h, plan);
      recorded.push(campaign.workflowId);
      await approvePlan(campaign);
      const now = await streamHandle(campaign, 'now');
      recorded.push(now.workflowId);
      // Its gates first: 'soon' starts two minutes later, and 'now' is blocked if its gates wait for that.
      await passGates(now);
      await waitForPhase(now, 'burst', 90_000);
      await waitForCampaign(campaign, (s) => s.phase === 'burst' && s.streams.now?.phase === 'burst');
      await pushSales(now.workflowId, 10);
      const asked = await waitForCampaign(campaign, (s) => s.steering.confirmation !== undefined, 120_000);
      expect(asked.steering.confirmation!.roi).toBeLessThan(2);
      const decided = await waitForCampaign(campaign, (s) => s.steering.lastDecision !== undefined, 120_000);
      expect(decided.steering.lastDecision).toMatchObject({ decision: 'pause_remaining', timedOut: true });
      expect(decided.streams.later?.status).toBe('held');
      expect(decided.streams.now?.pausedByCampaign).toBe(false);
      const soon = await streamHandle(campaign, 'soon');
      recorded.push(soon.workflowId);
      const paused = await waitForState(soon, (s) => s.schedule.pausedAt !== undefined);
      expect(paused.timeline.entries.find((e) => e.type === 'Paused')?.actorId).toBe(
        `campaign:${campaign.workflowId}`,
      );

      await campaignAct(campaign, 'release-streams', people.manager, {});
      const released = await campaignState(campaign);
      expect(released.streams.later?.status).toBe('planned');
      await waitForState(soon, (s) => s.schedule.pausedAt === undefined);
      await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
      expect((await campaign.result()).phase).toBe('cancelled');
    },
  );
});
