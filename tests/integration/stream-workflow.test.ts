import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  createPlatformSimulator,
  type PlatformSimulator,
} from '../../runtime/platform-simulator/platform-simulator';
import { SAMPLE_BANNED_TERM } from '../../domain/stream/sample-plan';
import { nextDeadline } from '../../domain/stream/next-deadline';
import { gateStatus, pendingItems, streamDeadlines } from '../../domain/stream/selectors';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import {
  act,
  isoIn,
  passGates,
  people,
  startStream,
  stateOf,
  waitForPhase,
  waitForState,
  type StreamHandle,
} from './helpers/streams';

jest.setTimeout(180_000);

describe('stream workflow on the real dev server', () => {
  // it.concurrent bodies start before beforeAll hooks run (a known Jest limitation), so the harness is a shared
  // promise that every test awaits.
  let harnessReady: Promise<Harness> | undefined;
  let simulator: PlatformSimulator | undefined;
  const getHarness = () =>
    (harnessReady ??= createPlatformSimulator({ timeline: 'completed' }).then((started) => {
      simulator = started;
      return createHarness({ env: { ANALYTICS_BASE_URL: started.url } });
    }));
  const finished: StreamHandle[] = [];

  async function refusal(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
      return { type: cause.type, message: cause.message };
    }
    throw new Error('expected the update to be refused');
  }

  it.concurrent('runs from plan to signed-off review', async () => {
    const harness = await getHarness();
    const handle = await startStream(harness, {
      startInSeconds: 12,
      edit: (plan) => ({ ...plan, plannedDurationMinutes: 1 }),
    });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    await waitForPhase(handle, 'tail', 90_000);
    const review = await waitForState(handle, (s) => s.phase === 'review' && s.review.reportId !== undefined);
    const done = await act(handle, 'sign-review', people.manager, { reportId: review.review.reportId });
    expect(done).toMatchObject({ action: 'sign-review', phase: 'completed' });
    expect(done.events.map((e) => e.type)).toEqual(['ReviewSignedOff']);
    const final = await handle.result();
    expect(final).toMatchObject({ phase: 'completed' });
    // The workflow ends only once the read model has everything: the row and the whole event log are there.
    const row = await harness.db.streamRecord.findUniqueOrThrow({ where: { id: handle.workflowId } });
    expect(row).toMatchObject({ phase: 'completed', stateVersion: final.version });
    const events = await harness.db.workflowEvent.findMany({
      where: { workflowId: handle.workflowId },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: final.version }, (_, i) => i + 1));
    const phases = events.filter((e) => e.type === 'PhaseEntered').map((e) => JSON.parse(e.json).phase);
    expect(phases).toEqual(['preheat', 'burst', 'tail', 'review']);
    finished.push(handle);
  });

  it.concurrent('sends a rejected script back; the revision is scanned and approved', async () => {
    const harness = await getHarness();
    // A preheat lead longer than the wait for the start: preheat begins as soon as the gates pass.
    const handle = await startStream(harness, { startInSeconds: 300, timing: { preheatLeadSeconds: 3600 } });
    const scanned = await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    const r1 = scanned.script.revisions[0]!;
    expect(r1.findings!.map((f) => f.term)).toContain(SAMPLE_BANNED_TERM);
    await act(handle, 'decide-script', people.reviewer, {
      revision: 1,
      decision: 'rejected',
      reasons: [`absolute claim ${SAMPLE_BANNED_TERM} (Advertising Law Art. 9)`],
    });
    const revised = r1.segments.map((s) => ({
      ...s,
      text: s.text.replace(SAMPLE_BANNED_TERM, '直播间专享价'),
    }));
    await act(handle, 'submit-script', people.planner, { baseRevision: 1, segments: revised });
    const r2 = await waitForState(handle, (s) => s.script.revisions[1]?.findings !== undefined);
    expect(r2.script.revisions[1]!.findings).toEqual([]);
    await act(handle, 'decide-script', people.reviewer, { revision: 2, decision: 'approved' });
    await act(handle, 'decide-product', people.reviewer, { sku: 'HF-001', decision: 'approved' });
    const preheat = await waitForPhase(handle, 'preheat');
    expect(preheat.script.revisions.map((r) => r.decision?.decision)).toEqual(['rejected', 'approved']);
    // The reviewer was told each revision was waiting; the submitter was told why r1 came back.
    const sent = await harness.db.notification.findMany({ where: { workflowId: handle.workflowId } });
    const to = (template: string) => sent.filter((n) => n.template === template).map((n) => n.recipient);
    expect(to('gate_waiting')).toEqual(
      expect.arrayContaining([expect.stringContaining('reviewer@example.com')]),
    );
    expect(to('script_rejected')).toEqual([expect.stringContaining('planner@example.com')]);
    expect(sent.find((n) => n.template === 'script_rejected')!.bodyText).toContain(SAMPLE_BANNED_TERM);
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
    await handle.result();
    finished.push(handle);
  });

  it.concurrent(
    'refuses self-approval, stale revisions and second decisions, leaving no history',
    async () => {
      const harness = await getHarness();
      const handle = await startStream(harness, { startInSeconds: 300 });
      await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
      // The planner holding the reviewer role is still no reviewer of this stream (not on its roster).
      const offRoster = { ...people.planner, roles: ['reviewer' as const] };
      const notOnRoster = await refusal(
        act(handle, 'decide-script', offRoster, { revision: 1, decision: 'rejected', reasons: ['x'] }),
      );
      expect(notOnRoster.type).toBe('FORBIDDEN_ROLE');
      const wrongRole = await refusal(act(handle, 'extend', people.reviewer, { minutes: 10, reason: 'x' }));
      expect(wrongRole.type).toBe('FORBIDDEN_ROLE');

      await act(handle, 'decide-script', people.reviewer, {
        revision: 1,
        decision: 'rejected',
        reasons: ['term'],
      });
      const twice = await refusal(
        act(handle, 'decide-script', people.reviewer, {
          revision: 1,
          decision: 'rejected',
          reasons: ['again'],
        }),
      );
      expect(twice.type).toBe('ALREADY_DECIDED');
      const state = await stateOf(handle);
      await act(handle, 'submit-script', people.planner, {
        baseRevision: 1,
        segments: state.script.revisions[0]!.segments,
      });
      const stale = await refusal(
        act(handle, 'decide-script', people.reviewer, { revision: 1, decision: 'approved' }),
      );
      expect(stale.type).toBe('STALE_REVISION');
      // A reviewer on the roster who writes a revision of their own may not decide it.
      const writingReviewer = { ...people.reviewer, roles: ['reviewer' as const, 'operator' as const] };
      await act(handle, 'submit-script', writingReviewer, {
        baseRevision: 2,
        segments: state.script.revisions[0]!.segments,
      });
      await waitForState(handle, (s) => s.script.revisions[2]?.findings !== undefined);
      const self = await refusal(
        act(handle, 'decide-script', writingReviewer, { revision: 3, decision: 'rejected', reasons: ['x'] }),
      );
      expect(self.type).toBe('SELF_APPROVAL');

      const history = await handle.fetchHistory();
      const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      // Only the accepted actions (the rejection and the two resubmissions) are in the history.
      expect(accepted).toHaveLength(3);
      await act(handle, 'cancel', people.manager, { reason: 'test finished' });
      await handle.result();
      finished.push(handle);
    },
  );

  it.concurrent('blocks a product with an expired document; the rejection blocks the stream', async () => {
    const harness = await getHarness();
    const handle = await startStream(harness, {
      startInSeconds: 300,
      edit: (plan) => ({
        ...plan,
        products: plan.products.map((p) => ({
          ...p,
          documents: {
            ...p.documents,
            qualityInspection: { ...p.documents.qualityInspection!, expiresOn: '2020-01-01' },
          },
        })),
      }),
    });
    const checked = await waitForState(handle, (s) => s.products['HF-001']?.problems !== undefined);
    expect(checked.products['HF-001']!.problems!.map((p) => p.kind)).toContain('expired');
    const approve = await refusal(
      act(handle, 'decide-product', people.reviewer, { sku: 'HF-001', decision: 'approved' }),
    );
    expect(approve.type).toBe('INVALID_STATE');
    await act(handle, 'decide-product', people.reviewer, {
      sku: 'HF-001',
      decision: 'rejected',
      reason: 'QI report expired',
    });
    const blocked = await waitForPhase(handle, 'blocked');
    expect(blocked.blockedReason).toMatch(/HF-001/);
    await act(handle, 'cancel', people.manager, { reason: 'no valid documents' });
    expect(await handle.result()).toMatchObject({ phase: 'cancelled' });
    finished.push(handle);
  });

  it.concurrent('reminds, then escalates a pending script decision past its SLA', async () => {
    const harness = await getHarness();
    const handle = await startStream(harness, {
      startInSeconds: 600,
      // The plan schema's floors: a reminder a minute after the request, the escalation ten seconds later.
      timing: { approvalReminderIntervalSeconds: 60, approvalSlaSeconds: 70 },
    });
    const state = await waitForState(
      handle,
      (s) => s.approvalNotices['script:r1']?.escalatedAt !== undefined,
      150_000,
    );
    expect(state.approvalNotices['script:r1']!.reminders).toBeGreaterThanOrEqual(1);
    expect(state.approvalNotices['script:r1']!.escalatedTo).toEqual(['manager@example.com']);
    const rows = await harness.db.notification.findMany({ where: { workflowId: handle.workflowId } });
    const templates = rows.map((r) => r.template);
    expect(templates).toEqual(expect.arrayContaining(['approval_reminder', 'approval_escalation']));
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
    await handle.result();
    finished.push(handle);
  });

  it.concurrent(
    'waits with its gates passed until preheat is due (start minus preheatLeadSeconds), with nothing to remind',
    async () => {
      const harness = await getHarness();
      const handle = await startStream(harness, { startInSeconds: 40, timing: { preheatLeadSeconds: 20 } });
      const passed = await passGates(handle);
      const { preheatStart } = streamDeadlines(passed);
      // Through the gates about 35 s before the start: nothing is announced until 20 s before it.
      expect(passed.phase).toBe('compliance');
      expect(gateStatus(passed).passed).toBe(true);
      expect(nextDeadline(passed, new Date().toISOString())).toEqual({
        kind: 'preheat_start',
        at: preheatStart,
      });
      expect(pendingItems(passed)).toEqual([]);
      const preheat = await waitForPhase(handle, 'preheat', 40_000);
      const lateMs = Date.parse(preheat.phaseEnteredAt.preheat!) - Date.parse(preheatStart);
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThan(3_000);
      await act(handle, 'cancel', people.manager, { reason: 'test finished' });
      await handle.result();
      finished.push(handle);
    },
  );

  it.concurrent('blocks when the gates are not through in time; a reschedule resumes them', async () => {
    const harness = await getHarness();
    const handle = await startStream(harness, { startInSeconds: 8 });
    await waitForPhase(handle, 'blocked', 30_000);
    const rescheduled = await act(handle, 'reschedule', people.manager, {
      scheduledStart: isoIn(20),
      reason: 'compliance review took longer',
    });
    expect(rescheduled.phase).toBe('compliance');
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
    await handle.result();
    finished.push(handle);
  });

  it.concurrent(
    "reminds with the plan's own checklist, then escalates it unsigned to the co-host and managers",
    async () => {
      const harness = await getHarness();
      // A health-food stream has checks of its own; the reminders must list those, not a fixed set.
      const checklist = [
        { id: 'equipment', label: '设备调试' },
        { id: 'bluehat', label: '蓝帽子证书核对' },
        { id: 'disclaimer', label: '口播“本品不能代替药物”' },
      ];
      const handle = await startStream(harness, {
        startInSeconds: 30,
        timing: { checklistReminderOffsetsSeconds: [15], checklistDueBeforeStartSeconds: 5 },
        edit: (plan) => ({ ...plan, checklist }),
      });
      await passGates(handle);
      const state = await waitForState(handle, (s) => s.checklist.escalatedAt !== undefined, 40_000);
      expect(state.phase).toBe('preheat');
      expect(state.approvalNotices['checklist']?.reminders).toBeGreaterThanOrEqual(1);
      const rows = await harness.db.notification.findMany({ where: { workflowId: handle.workflowId } });
      const reminder = rows.find((n) => n.template === 'team_reminder')!;
      for (const item of checklist) expect(reminder.bodyText).toContain(`[ ] ${item.label}`);
      const escalation = rows.find((n) => n.template === 'checklist_escalation')!;
      expect(escalation.bodyText).toContain('蓝帽子证书核对');
      // Every product decision waiting names its product, so two products' messages differ.
      const productWaiting = rows.find((n) => n.template === 'gate_waiting' && n.subject.includes('HF-001'));
      expect(productWaiting?.subject).toContain('玻尿酸保湿面霜');
      await act(handle, 'cancel', people.manager, { reason: 'test finished' });
      await handle.result();
      finished.push(handle);
    },
  );

  it.concurrent('pauses shift the live end; an extension moves end, tail and review', async () => {
    const harness = await getHarness();
    const handle = await startStream(harness, {
      startInSeconds: 10,
      edit: (p) => ({ ...p, plannedDurationMinutes: 5 }),
    });
    await passGates(handle);
    const live = await waitForPhase(handle, 'burst', 30_000);
    const before = streamDeadlines(live);
    const pausedAt = Date.now();
    await act(handle, 'pause', people.manager, { reason: 'network hiccup' });
    // How long the pause lasts does not matter: the live end must move by exactly what the workflow recorded.
    await waitForState(handle, () => Date.now() - pausedAt > 1500);
    await act(handle, 'resume', people.manager, {});
    const resumed = await stateOf(handle);
    const recordedMs = resumed.schedule.pauses[0]!.seconds! * 1000;
    expect(recordedMs).toBeGreaterThan(0);
    const afterPause = streamDeadlines(resumed);
    const shiftMs = Date.parse(afterPause.liveEnd) - Date.parse(before.liveEnd);
    expect(Math.abs(shiftMs - recordedMs)).toBeLessThanOrEqual(1); // ms rounding of the recorded seconds
    expect(Date.parse(afterPause.tailEnd) - Date.parse(before.tailEnd)).toBe(shiftMs);
    await act(handle, 'extend', people.manager, { minutes: 120, reason: 'sold out: add stock' });
    const afterExtend = streamDeadlines(await stateOf(handle));
    expect(Date.parse(afterExtend.liveEnd) - Date.parse(afterPause.liveEnd)).toBe(120 * 60_000);
    expect(Date.parse(afterExtend.tailEnd) - Date.parse(afterPause.tailEnd)).toBe(120 * 60_000);
    const ended = await act(handle, 'end-early', people.manager, { reason: 'test finished' });
    expect(ended.phase).toBe('tail');
    finished.push(handle);
  });

  afterAll(async () => {
    try {
      // Every recorded history replays cleanly against the current workflow code (no non-determinism).
      const harness = await getHarness();
      expect(
        await replayAllRuns(
          harness.client,
          finished.map((h) => h.workflowId),
        ),
      ).toBeGreaterThanOrEqual(finished.length);
    } finally {
      await (await getHarness()).close();
      await simulator?.close();
    }
  });
});
