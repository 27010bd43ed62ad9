import { loadWorkflowAudit, stateAt } from '../../api/audit/workflow-audit';
import { createHarness, type Harness } from './helpers/harness';
import { outageSwitch } from './helpers/faults';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, startStream, stateOf, waitForPhase } from './helpers/streams';

jest.setTimeout(240_000);

/**
 * The read model and the notification outbox never stop a stream: with the database down through preheat, the
 * workflow still reminds the team, escalates and goes live on time; once the database is back, the read model
 * catches up to the latest state and every message is delivered once.
 */
describe('a database outage during preheat', () => {
  const outage = outageSwitch();
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ workerDb: (db) => outage.wrap(db) });
  });
  afterAll(async () => {
    outage.down = false;
    await harness?.close();
  });

  it('keeps reminding and goes live on time; the read model catches up afterwards', async () => {
    const startInSeconds = 40;
    const handle = await startStream(harness, {
      startInSeconds,
      timing: { checklistReminderOffsetsSeconds: [25, 15], checklistDueBeforeStartSeconds: 8 },
      edit: (p) => ({ ...p, plannedDurationMinutes: 10 }),
    });
    const scheduledStart = Date.parse((await stateOf(handle)).schedule.scheduledStart);
    await passGates(handle);
    await waitForPhase(handle, 'preheat', 30_000);
    const row = () => harness.db.streamRecord.findUnique({ where: { id: handle.workflowId } });
    // The read model has caught up with preheat before the outage begins.
    for (let i = 0; i < 100 && (await row())?.phase !== 'preheat'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await row())?.phase).toBe('preheat');

    outage.down = true;
    const live = await waitForPhase(handle, 'burst', 60_000);
    // Reminders and the escalation happened while nothing could be written to the database...
    expect(live.approvalNotices['checklist']?.reminders).toBe(2);
    expect(live.checklist.escalatedAt).toBeDefined();
    // ...and the stream went live at its start, not when the database came back.
    expect(Math.abs(Date.parse(live.phaseEnteredAt.burst!) - scheduledStart)).toBeLessThan(3_000);
    expect((await row())?.phase).toBe('preheat'); // the read model lags, as it may
    // A moment in the outage with nothing happening (the same version before and after it), for the audit below.
    let quiet: { at: string; state: typeof live } | undefined;
    for (let i = 0; i < 100 && quiet === undefined; i++) {
      const before = await stateOf(handle);
      const at = new Date().toISOString();
      if ((await stateOf(handle)).version === before.version) quiet = { at, state: before };
    }

    outage.down = false;
    const deadline = Date.now() + 90_000;
    let caughtUp = await row();
    const latest = () => stateOf(handle);
    while (Date.now() < deadline && caughtUp?.stateVersion !== (await latest()).version) {
      await new Promise((r) => setTimeout(r, 250));
      caughtUp = await row();
    }
    const now = await latest();
    expect(caughtUp).toMatchObject({ phase: now.phase, stateVersion: now.version });
    const events = await harness.db.workflowEvent.count({ where: { workflowId: handle.workflowId } });
    expect(events).toBe(now.version);
    // Auditors see the state at that moment as the workflow held it, although most of its events were shipped late.
    const rebuilt = stateAt(await loadWorkflowAudit(harness.client, handle.workflowId), { at: quiet!.at });
    expect(rebuilt.state).toEqual(quiet!.state);

    // The messages the outage held up go out when it is over (at the next retry of their backoff): two reminders
    // and the escalation, none lost.
    const held = () =>
      harness.db.notification.findMany({
        where: { workflowId: handle.workflowId, template: { in: ['team_reminder', 'checklist_escalation'] } },
      });
    const keysOf = async () => new Set((await held()).map((r) => r.dedupeKey.split('#')[0]));
    const outboxDeadline = Date.now() + 150_000;
    while ((await keysOf()).size < 3 && Date.now() < outboxDeadline)
      await new Promise((r) => setTimeout(r, 500));
    expect((await keysOf()).size).toBe(3);
    await act(handle, 'end-early', people.manager, { reason: 'test finished' });
    await handle.terminate('test finished');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });
});
