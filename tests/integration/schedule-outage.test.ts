import { optionalTsToMs, tsToMs } from '@temporalio/common/lib/time';
import request from 'supertest';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { WEEKDAYS } from '../../domain/schedules/weekly-rule';
import { zonedParts } from '../../domain/time/zoned-time';
import type { RecurringStreamResult } from '../../workflows/schedules/recurring-stream-workflow';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { outageSwitch } from './helpers/faults';
import { uniqueId } from './helpers/harness';
import { startQueueWorker, type QueueWorker } from './helpers/queue-worker';
import { until } from './helpers/wait';
import { replayAllRuns } from './helpers/replay';
import type { ScheduleDetailBody } from './helpers/schedules';

jest.setTimeout(180_000);

const SH = 'Asia/Shanghai';
const HOUR = 3_600_000;
const LEAD_HOURS = 48;

/**
 * A recurring schedule whose worker is down, or whose database is, for longer than a run used to be allowed to take:
 * the occurrence comes late instead of the schedule stopping; and a run that can never succeed pauses the schedule
 * and tells the managers.
 */
describe('recurring schedules through an outage', () => {
  // The schedule's runs and streams go to a queue of this file's own, whose worker the tests stop and start.
  const taskQueue = uniqueId('schedule-queue');
  const outage = outageSwitch();
  let fx: ApiFixture;
  let worker: QueueWorker | undefined;
  const scheduleIds: string[] = [];
  const runIds: string[] = [];

  beforeAll(async () => {
    fx = await createApiFixture({ taskQueue });
  });
  afterAll(async () => {
    outage.down = false;
    for (const id of scheduleIds)
      await request(fx.app).delete(`/api/schedules/${id}`).set(bearer(fx.users.manager));
    await worker?.stop();
    await fx?.close();
  });

  const detail = async (id: string) =>
    (await request(fx.app).get(`/api/schedules/${id}`).set(bearer(fx.users.manager)).expect(200))
      .body as ScheduleDetailBody;

  /** A weekly schedule whose next occurrence is three days away: it fires tomorrow, never during the test. */
  async function createSchedule(
    name: string,
  ): Promise<{ id: string; templateId: string; occurrence: number }> {
    const plan = buildSamplePlan({
      scheduledStart: '2026-12-02T20:00:00+08:00',
      owner: fx.users.operator.email,
    });
    const { body: template } = await request(fx.app)
      .post('/api/templates')
      .set(bearer(fx.users.operator))
      .send({ name, plan })
      .expect(201);
    const occurrence = Math.ceil((Date.now() + 3 * 24 * HOUR) / 60_000) * 60_000;
    const { weekday, hour, minute } = zonedParts(occurrence, SH);
    const id = uniqueId('weekly').slice(0, 24);
    scheduleIds.push(id);
    await request(fx.app)
      .post('/api/schedules')
      .set(bearer(fx.users.manager))
      .send({
        kind: 'recurring-stream',
        id,
        name,
        templateId: (template as { id: string }).id,
        daysOfWeek: [WEEKDAYS[weekday - 1]],
        time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        timeZone: SH,
        leadHours: LEAD_HOURS,
      })
      .expect(201);
    return { id, templateId: (template as { id: string }).id, occurrence };
  }

  async function trigger(id: string): Promise<string> {
    await request(fx.app).post(`/api/schedules/${id}/trigger`).set(bearer(fx.users.manager)).expect(200);
    const runId = await until(
      'the triggered run',
      async () => (await detail(id)).recentActions[0]?.workflowId,
    );
    runIds.push(runId);
    return runId;
  }

  it('an outage of the worker and then of the database delays the occurrence; the schedule keeps running', async () => {
    const { id, occurrence } = await createSchedule('停机期间的周播');
    const runId = await trigger(id);
    const run = fx.harness.client.workflow.getHandle(runId);

    // No worker at all: the run waits on the server. Nothing may end it before its occurrence has begun.
    const started = await run.describe();
    const runTimeoutMs = optionalTsToMs(started.raw.executionConfig?.workflowRunTimeout);
    const executionTimeoutMs = optionalTsToMs(started.raw.executionConfig?.workflowExecutionTimeout);
    for (const limit of [runTimeoutMs, executionTimeoutMs])
      expect(started.startTime.getTime() + (limit || Infinity)).toBeGreaterThanOrEqual(occurrence);

    // The worker is back, its database is not: the run retries creating the stream until the occurrence begins.
    outage.down = true;
    worker = await startQueueWorker(fx.harness, taskQueue, { workerDb: outage.wrap });
    const pending = await until('a retried attempt', async () => {
      const activity = (await run.describe()).raw.pendingActivities?.[0];
      return activity && (activity.attempt ?? 0) >= 3 ? activity : undefined;
    });
    expect(pending.activityType?.name).toBe('createStreamFromSchedule');
    expect(pending.maximumAttempts ?? 0).toBe(0);
    expect(tsToMs(pending.expirationTime!)).toBeGreaterThanOrEqual(occurrence - 60_000);

    outage.down = false;
    const result = (await run.result()) as RecurringStreamResult;
    expect(result).toMatchObject({ outcome: 'created', occurrence: new Date(occurrence).toISOString() });
    await fx.harness.client.workflow.getHandle(result.streamId).terminate('test finished');
    expect(await detail(id)).toMatchObject({ paused: false });
    expect(
      await fx.harness.db.notification.count({ where: { workflowId: id, template: 'schedule_paused' } }),
    ).toBe(0);
  });

  it('a run that can never create its stream pauses the schedule with the reason and tells the managers', async () => {
    worker ??= await startQueueWorker(fx.harness, taskQueue, { workerDb: outage.wrap });
    const { id, templateId } = await createSchedule('模板已失效的周播');
    // The template no longer makes a valid plan (saved under older rules): no retry can fix that.
    const template = await fx.harness.db.template.findUniqueOrThrow({ where: { id: templateId } });
    await fx.harness.db.template.update({
      where: { id: templateId },
      data: { planJson: JSON.stringify({ ...JSON.parse(template.planJson), plannedDurationMinutes: 0 }) },
    });
    const runId = await trigger(id);

    const paused = await until('the schedule to pause', async () => {
      const schedule = await detail(id);
      return schedule.paused ? schedule : undefined;
    });
    expect(paused.note).toMatch(/plannedDurationMinutes/);
    const told = await until(
      'a message to the managers',
      async () => {
        const rows = await fx.harness.db.notification.findMany({
          where: { workflowId: id, template: 'schedule_paused', recipient: fx.users.manager.email },
        });
        return rows.length > 0 ? rows : undefined;
      },
      20_000,
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain('模板已失效的周播');
    expect(told[0]!.bodyText).toMatch(/plannedDurationMinutes/);
    const result = (await fx.harness.client.workflow.getHandle(runId).result()) as RecurringStreamResult;
    expect(result).toMatchObject({ outcome: 'paused' });
  });

  it('an occurrence whose live began before a run could create it is told to the managers as missed', async () => {
    worker ??= await startQueueWorker(fx.harness, taskQueue, { workerDb: outage.wrap });
    const { id, occurrence } = await createSchedule('错过开播的周播');
    // The run of the fire before last week's occurrence, only now (as after a week-long outage).
    const fire = occurrence - 7 * 24 * HOUR - LEAD_HOURS * HOUR;
    await fx.harness.client.schedule
      .getHandle(id)
      .backfill({ start: new Date(fire - 30_000), end: new Date(fire + 30_000), overlap: 'BUFFER_ALL' });
    const runId = await until(
      'the catch-up run',
      async () => (await detail(id)).recentActions[0]?.workflowId,
    );
    runIds.push(runId);
    const result = (await fx.harness.client.workflow.getHandle(runId).result()) as RecurringStreamResult;
    expect(result).toMatchObject({
      outcome: 'skipped',
      occurrence: new Date(occurrence - 7 * 24 * HOUR).toISOString(),
    });
    const rows = await fx.harness.db.notification.findMany({
      where: { workflowId: id, recipient: fx.users.manager.email },
    });
    expect(rows.map((r) => r.template)).toEqual(['schedule_occurrence_missed']);
    expect(rows[0]!.subject).toContain('错过开播的周播');
    expect(await detail(id)).toMatchObject({ paused: false });
  });

  it('every run replays against the current workflow code', async () => {
    expect(await replayAllRuns(fx.harness.client, runIds)).toBe(runIds.length);
  });
});
