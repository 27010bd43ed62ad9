import type { TActor } from '../../domain/shared/actor.types';
import { streamStateQuery } from '../../workflows/stream/messages';
import {
  approvePlan,
  approver,
  campaignAct,
  campaignPlanInput,
  campaignState,
  startCampaign,
  waitForCampaign,
  type CampaignHandle,
  type StreamSlot,
} from './helpers/campaigns';
import type { ReconcileResult } from '../../activities/reconcile/closed-workflows';
import { createHarness, uniqueId, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, waitForPhase, waitForState, type StreamHandle } from './helpers/streams';
import { waitUntil } from './helpers/wait';

jest.setTimeout(240_000);

/**
 * Where a campaign meets its streams: what the campaign knows of a stream never goes back to an older phase, the burst
 * ending early leaves no stream behind, the person who wrote a stream's plan is its submitter, and a cancellation
 * through Temporal is a cancellation the streams and the team hear of.
 */
describe('a campaign and its streams', () => {
  // The read model of a stream in `lagging` gets nothing (its projections wait) while the stream moves on; the
  // campaign's rollups are counted per stream they read.
  const lagging = new Set<string>();
  const rollupsStarted = new Map<string, number>();
  // Commands from the campaign to a stream in `commandsHeld` wait (the stream moves on before it hears them).
  const commandsHeld = new Set<string>();
  let ready: Promise<Harness> | undefined;
  const harness = () =>
    (ready ??= createHarness({
      wrapActivities: (activities) => ({
        ...activities,
        async recordWorkflowEvents(input) {
          await waitUntil(() => !lagging.has(input.workflowId), { timeoutMs: 600_000 });
          return activities.recordWorkflowEvents(input);
        },
        async commandStream(input) {
          await waitUntil(() => !commandsHeld.has(input.workflowId), { timeoutMs: 600_000 });
          return activities.commandStream(input);
        },
        async rollupCampaign(input) {
          for (const { workflowId } of input.streams)
            rollupsStarted.set(workflowId, (rollupsStarted.get(workflowId) ?? 0) + 1);
          return activities.rollupCampaign(input);
        },
      }),
    }));
  const recorded: string[] = [];
  afterAll(async () => {
    const h = await harness();
    lagging.clear();
    commandsHeld.clear();
    expect(await replayAllRuns(h.client, recorded)).toBeGreaterThanOrEqual(recorded.length);
    await h.close();
  });

  /** A campaign whose burst opens half a minute from now and lasts a quarter of an hour. */
  const burstSoon = (streams: StreamSlot[]) =>
    campaignPlanInput({ preheatIn: 20, burstIn: 30, burstEndIn: 900, tailEndIn: 1000, streams });
  /** One whose burst opens in minutes; its streams start early, with ten minutes for their gates. */
  const burstLater = (streams: StreamSlot[]) =>
    campaignPlanInput({
      preheatIn: 300,
      burstIn: 400,
      burstEndIn: 900,
      tailEndIn: 1000,
      streams,
      streamTiming: { approvalSlaSeconds: 600 },
    });

  async function streamOf(campaign: CampaignHandle, key: string): Promise<StreamHandle> {
    const state = await waitForCampaign(campaign, (s) => s.streams[key]?.status === 'started');
    const handle = (await harness()).client.workflow.getHandle(
      state.streams[key]!.workflowId,
    ) as StreamHandle;
    recorded.push(handle.workflowId);
    return handle;
  }

  async function started(plan: Record<string, unknown>, createdBy?: TActor): Promise<CampaignHandle> {
    const campaign = await startCampaign(await harness(), plan, createdBy);
    recorded.push(campaign.workflowId);
    await approvePlan(campaign, createdBy?.id === people.manager.id ? approver : people.manager);
    return campaign;
  }

  it.concurrent(
    'the burst ended by a manager: streams not started never start, one not live yet is cancelled, the live one runs on',
    async () => {
      // Each stream starts 180 s before its slot (its gates' time): 'live' and 'pre' at once, 'later' not in this test.
      const campaign = await started(
        burstSoon([
          { key: 'live', room: 'A', startIn: 45, minutes: 10 },
          { key: 'pre', room: 'B', startIn: 150 },
          { key: 'later', room: 'C', startIn: 700 },
        ]),
      );
      const live = await streamOf(campaign, 'live');
      const pre = await streamOf(campaign, 'pre');
      await passGates(live);
      await waitForPhase(live, 'burst', 90_000);
      await waitForCampaign(campaign, (s) => s.phase === 'burst' && s.streams.live?.phase === 'burst');

      await campaignAct(campaign, 'advance', people.manager, {
        from: 'burst',
        reason: '提前收官 wrap up early',
      });
      const tail = await campaignState(campaign);
      expect(tail.phase).toBe('tail');
      expect(tail.streams.later).toMatchObject({ status: 'dropped' });
      expect(tail.timeline.entries.map((e) => e.type)).toContain('UnairedStreamsStopped');
      // Started, not live yet: cancelled by the campaign.
      const preEnd = await pre.result();
      expect(preEnd.phase).toBe('cancelled');
      // Live: it runs its course (no end-early from the campaign).
      const liveNow = await live.query(streamStateQuery);
      expect(liveNow.phase).toBe('burst');
      expect(liveNow.schedule.endedEarly).toBeUndefined();
      await act(live, 'end-early', people.manager, { reason: 'test over' });
      await campaignAct(campaign, 'advance', people.manager, { from: 'tail', reason: 'test over' });
    },
  );

  it.concurrent(
    'the read model lags a live stream: the campaign keeps the phase the stream told it, and its cancel ends the stream early',
    async () => {
      const h = await harness();
      const campaign = await started(burstSoon([{ key: 'hero', startIn: 60, minutes: 10 }]));
      const hero = await streamOf(campaign, 'hero');
      await passGates(hero);
      await waitForPhase(hero, 'preheat', 30_000);
      await waitUntil(
        async () =>
          (await h.db.streamRecord.findUnique({ where: { id: hero.workflowId } }))?.phase === 'preheat',
        { what: 'the read model to show preheat' },
      );
      // From here the stream's projections wait: the read model says preheat while the stream goes live.
      lagging.add(hero.workflowId);
      await waitForPhase(hero, 'burst', 90_000);
      await waitForCampaign(campaign, (s) => s.streams.hero?.phase === 'burst');
      // Two rollups read the lagging row (the third starts once the second's result is in); neither moves it back.
      const rollupsBefore = rollupsStarted.get(hero.workflowId) ?? 0;
      await waitUntil(() => (rollupsStarted.get(hero.workflowId) ?? 0) >= rollupsBefore + 3, {
        timeoutMs: 60_000,
        what: 'three rollups',
      });
      expect((await h.db.streamRecord.findUnique({ where: { id: hero.workflowId } }))?.phase).toBe('preheat');
      const after = await campaignState(campaign);
      expect(after.streams.hero?.phase).toBe('burst');
      const heroPhases = after.timeline.entries
        .filter((e) => e.type === 'ChildPhaseChanged' && e.summary.startsWith('stream hero'))
        .map((e) => e.summary);
      expect(heroPhases.at(-1)).toBe('stream hero is burst');

      await campaignAct(campaign, 'cancel', people.manager, { reason: '品牌方撤回 brand pulled out' });
      const ended = await waitForState(hero, (s) => s.schedule.endedEarly !== undefined, 60_000);
      lagging.delete(hero.workflowId);
      expect(ended.schedule.endedEarly?.reason).toContain('brand pulled out');
      const final = await campaign.result();
      expect(final.timeline.entries.map((e) => e.type)).not.toContain('ChildCommandFailed');
    },
  );

  it.concurrent(
    "a stream goes live before the campaign's new slot reaches it: it refuses, the campaign keeps its slot and tells the managers",
    async () => {
      const h = await harness();
      const campaign = await started(burstSoon([{ key: 'hero', startIn: 60, minutes: 10 }]));
      const hero = await streamOf(campaign, 'hero');
      await passGates(hero);
      const before = await waitForCampaign(
        campaign,
        (s) => s.phase === 'burst' && s.streams.hero?.phase === 'preheat',
        90_000,
      );
      const slot = before.streams.hero!.plan.scheduledStart;
      commandsHeld.add(hero.workflowId);
      await campaignAct(campaign, 'extend-burst', people.manager, { minutes: 30, reason: '延长 30 分钟' });
      // The campaign moved the slot and sent the stream its reschedule; the stream goes live first.
      expect((await campaignState(campaign)).streams.hero!.plan.scheduledStart).not.toBe(slot);
      await waitForPhase(hero, 'burst', 90_000);
      commandsHeld.delete(hero.workflowId);
      const refused = await waitForCampaign(campaign, (s) =>
        s.timeline.entries.some((e) => e.type === 'ChildCommandFailed'),
      );
      expect(refused.streams.hero!.plan.scheduledStart).toBe(slot);
      expect((await hero.query(streamStateQuery)).schedule.scheduledStart).toBe(slot);
      await waitUntil(
        async () =>
          (await h.db.notification.count({
            where: { workflowId: campaign.workflowId, template: 'campaign_stream_problem' },
          })) > 0,
        { what: 'the managers to be told' },
      );
      await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
      await waitForState(hero, (s) => s.schedule.endedEarly !== undefined, 60_000);
    },
  );

  it.concurrent(
    "whoever wrote a campaign's stream is its submitter: they cannot approve its script or its lineup",
    async () => {
      // A reviewer who plans too (on the stream's roster as its reviewer) submits the campaign.
      const author: TActor = {
        id: people.reviewer.id,
        name: people.reviewer.name,
        roles: ['reviewer', 'operator'],
      };
      const campaign = await started(burstLater([{ key: 'own', startIn: 420 }]), author);
      const own = await streamOf(campaign, 'own');
      const scanned = await waitForState(
        own,
        (s) =>
          s.script.revisions[0]?.findings !== undefined &&
          Object.values(s.products).every((p) => p.checkedAt),
      );
      const r1 = scanned.script.revisions[0]!;
      expect(r1.submittedBy).toBe(author.id);
      await expect(
        act(own, 'decide-script', people.reviewer, {
          revision: 1,
          decision: r1.findings!.length > 0 ? 'approved_with_findings' : 'approved',
          reasons: ['looks fine'],
          acceptedFindingIds: r1.findings!.map((f) => f.id),
        }),
      ).rejects.toMatchObject({ cause: { type: 'SELF_APPROVAL' } });
      const sku = Object.keys(scanned.products)[0]!;
      await expect(
        act(own, 'decide-product', people.reviewer, { sku, decision: 'approved', reason: '' }),
      ).rejects.toMatchObject({ cause: { type: 'SELF_APPROVAL' } });
      await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
      expect((await own.result()).phase).toBe('cancelled');
    },
  );

  it.concurrent(
    'a cancellation through Temporal is the cancel action: the campaign ends cancelled, its streams are stopped, the team is told',
    async () => {
      const h = await harness();
      const campaign = await started(burstLater([{ key: 'soon', startIn: 420 }]));
      const soon = await streamOf(campaign, 'soon');
      await campaign.cancel();
      const final = await campaign.result();
      expect(final.phase).toBe('cancelled');
      const entry = final.timeline.entries.find((e) => e.type === 'CampaignCancelled');
      expect(entry?.summary).toContain('through Temporal');
      expect((await soon.result()).phase).toBe('cancelled');
      await waitUntil(
        async () =>
          (await h.db.notification.count({
            where: { workflowId: campaign.workflowId, template: 'campaign_cancelled' },
          })) > 0,
        { what: 'the team to be told' },
      );
    },
  );

  it.concurrent(
    'a campaign terminated outside liveops: the reconciler marks it, stops its streams and tells the team once',
    async () => {
      const h = await harness();
      const campaign = await started(burstLater([{ key: 'orphan', startIn: 420 }]));
      const orphan = await streamOf(campaign, 'orphan');
      await waitUntil(
        async () =>
          (await h.db.campaignRecord.findUnique({ where: { id: campaign.workflowId } }))?.stateJson.includes(
            orphan.workflowId,
          ) === true,
        { what: "the read model to hold the campaign's stream" },
      );
      await campaign.terminate('operator cleanup');
      // Visibility lists a closed workflow a moment later: passes run until one has seen it.
      const passes: ReconcileResult[] = [];
      await waitUntil(
        async () => {
          passes.push(
            await h.client.workflow.execute('reconcileReadModelWorkflow', {
              taskQueue: h.taskQueue,
              workflowId: uniqueId('reconcile'),
            }),
          );
          return passes.some((p) => p.marked.some((m) => m.workflowId === campaign.workflowId));
        },
        { timeoutMs: 60_000, intervalMs: 500, what: 'a pass to mark the campaign' },
      );
      const stopped = await orphan.result();
      expect(stopped.phase).toBe('cancelled');
      expect(stopped.cancelledReason).toContain('terminated');
      const record = await h.db.campaignRecord.findUniqueOrThrow({ where: { id: campaign.workflowId } });
      expect(record.closedAs).toBe('terminated');
      expect(await h.db.pendingItem.count({ where: { workflowId: campaign.workflowId } })).toBe(0);
      // A later pass changes nothing and tells nobody again.
      const again: ReconcileResult = await h.client.workflow.execute('reconcileReadModelWorkflow', {
        taskQueue: h.taskQueue,
        workflowId: uniqueId('reconcile'),
      });
      expect(again.marked.map((m) => m.workflowId)).not.toContain(campaign.workflowId);
      const notices = await h.db.notification.findMany({
        where: { workflowId: campaign.workflowId, template: 'campaign_cancelled' },
      });
      expect(notices.length).toBeGreaterThan(0);
      expect(new Set(notices.map((n) => n.recipient)).size).toBe(notices.length);
    },
  );

  it.concurrent(
    'a stream cancelled through Temporal: before its live it is cancelled as by a manager; live, the request is refused on its timeline',
    async () => {
      const h = await harness();
      const campaign = await started(
        burstSoon([
          { key: 'onair', room: 'A', startIn: 45, minutes: 10 },
          { key: 'waiting', room: 'B', startIn: 150 },
        ]),
      );
      const onair = await streamOf(campaign, 'onair');
      const waiting = await streamOf(campaign, 'waiting');
      await passGates(onair);
      await waitForPhase(onair, 'burst', 90_000);

      await waiting.cancel();
      const cancelled = await waiting.result();
      expect(cancelled.phase).toBe('cancelled');
      expect(cancelled.cancelledReason).toContain('through Temporal');

      await onair.cancel();
      const refused = await waitForState(onair, (s) =>
        s.alerts.recent.some((a) => a.ruleId === 'cancel_request_ignored'),
      );
      expect(refused.phase).toBe('burst');
      await act(onair, 'end-early', people.manager, { reason: 'test over' });
      await waitForPhase(onair, 'tail', 30_000);
      await campaignAct(campaign, 'cancel', people.manager, { reason: 'test over' });
      const done = await campaign.result();
      expect(done.phase).toBe('cancelled');
      // Neither workflow failed: each ended through its own cancelled phase.
      await expect(h.client.workflow.getHandle(waiting.workflowId).result()).resolves.toMatchObject({
        phase: 'cancelled',
      });
    },
  );
});
