import request from 'supertest';
import { storeMetricPoints } from '../../activities/analytics/metric-store';
import type { RecurringStreamResult } from '../../workflows/schedules/recurring-stream-workflow';
import type { PeriodicReportRunResult } from '../../workflows/schedules/periodic-report-workflow';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { localDateKey, zonedParts } from '../../domain/time/zoned-time';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { runsOf, type ScheduleDetailBody } from './helpers/schedules';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';
import { waitUntil } from './helpers/wait';

jest.setTimeout(180_000);

const SH = 'Asia/Shanghai';
const HOUR = 3_600_000;
const shortId = (prefix: string) => uniqueId(prefix).slice(0, 20);

describe('templates and schedules on the real dev server', () => {
  let fx: ApiFixture;
  let sink: SmtpSink;
  /** Every schedule run a test started, replayed against today's workflow code at the end. */
  const runIds: string[] = [];
  /** The streams they and the template routes started, replayed too. */
  const streamIds: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    fx = await createApiFixture({ env: { SMTP_URL: sink.url, MAIL_FROM: 'liveops <liveops@example.com>' } });
  });
  afterAll(async () => {
    await fx?.close();
    await sink?.close();
  });

  async function saveTemplate(name = '品牌日模板'): Promise<string> {
    const plan = buildSamplePlan({
      scheduledStart: '2026-12-02T20:00:00+08:00',
      owner: fx.users.operator.email,
    });
    const { body } = await request(fx.app)
      .post('/api/templates')
      .set(bearer(fx.users.operator))
      .send({ name, plan })
      .expect(201);
    return (body as { id: string }).id;
  }

  it('saves plans and streams as templates and creates a stream from one, keeping the local time', async () => {
    const templateId = await saveTemplate();
    const { body: created } = await request(fx.app)
      .post(`/api/templates/${templateId}/streams`)
      .set(bearer(fx.users.operator))
      .send({ date: '2027-06-18' })
      .expect(201);
    const stream = created as { id: string; state: { plan: { scheduledStart: string; title: string } } };
    expect(stream.state.plan.scheduledStart).toBe('2027-06-18T12:00:00.000Z'); // 20:00 in Shanghai, as the template
    expect(stream.state.plan.title).toBe('冬季护肤专场');

    const { body: saved } = await request(fx.app)
      .post('/api/templates/from-stream')
      .set(bearer(fx.users.manager))
      .send({ streamId: stream.id, name: '从直播保存' })
      .expect(201);
    expect(saved).toMatchObject({ kind: 'stream', source: stream.id, startIso: '2027-06-18T12:00:00.000Z' });
    streamIds.push(stream.id);

    const { body: list } = await request(fx.app)
      .get('/api/templates')
      .set(bearer(fx.users.auditor))
      .expect(200);
    expect((list as { templates: Array<{ id: string }> }).templates.map((t) => t.id)).toEqual(
      expect.arrayContaining([templateId, (saved as { id: string }).id]),
    );
    await request(fx.app)
      .post('/api/templates')
      .set(bearer(fx.users.auditor))
      .send({ name: 'x', plan: {} })
      .expect(403);
    // A template saved under older plan rules is listed with what is wrong, and cannot be used until saved again.
    const stale = await fx.harness.db.template.create({
      data: {
        kind: 'stream',
        name: '旧模板',
        planJson: JSON.stringify({
          ...buildSamplePlan({ scheduledStart: '2026-12-02T20:00:00+08:00' }),
          plannedDurationMinutes: 0,
        }),
        createdBy: fx.users.operator.email,
      },
    });
    const { body: withStale } = await request(fx.app)
      .get('/api/templates')
      .set(bearer(fx.users.operator))
      .expect(200);
    const listed = (withStale as { templates: Array<{ id: string; problem?: string }> }).templates;
    expect(listed.find((t) => t.id === stale.id)?.problem).toMatch(/plannedDurationMinutes/);
    expect(listed.find((t) => t.id === templateId)?.problem).toBeUndefined();
    await request(fx.app)
      .post(`/api/templates/${stale.id}/streams`)
      .set(bearer(fx.users.operator))
      .send({ date: '2027-06-18' })
      .expect(400);

    const { body: bad } = await request(fx.app)
      .post(`/api/templates/${templateId}/streams`)
      .set(bearer(fx.users.operator))
      .send({ localStart: '2027-02-30T20:00' })
      .expect(400);
    expect((bad as { error: { details: Array<{ path: string[] }> } }).error.details[0]!.path).toEqual([
      'localStart',
    ]);
  });

  it('a recurring schedule fires the lead ahead in its zone, and a trigger creates the next occurrence once', async () => {
    const templateId = await saveTemplate();
    const id = shortId('brand');
    const { body } = await request(fx.app)
      .post('/api/schedules')
      .set(bearer(fx.users.manager))
      .send({
        kind: 'recurring-stream',
        id,
        name: '每周三品牌日',
        templateId,
        daysOfWeek: ['wednesday'],
        time: '20:00',
        timeZone: SH,
        leadHours: 48,
      })
      .expect(201);
    const schedule = body as ScheduleDetailBody;
    expect(schedule.timeZone).toBe(SH);
    expect(schedule.calendars).toHaveLength(1);
    expect(schedule.policies).toEqual({
      overlap: 'BUFFER_ALL',
      catchupWindowMs: 48 * HOUR,
      pauseOnFailure: false,
    });
    // Every next fire is Monday 20:00 in Shanghai: 48 h before Wednesday 20:00.
    expect(schedule.nextActionTimes.length).toBeGreaterThan(0);
    for (const at of schedule.nextActionTimes)
      expect(zonedParts(Date.parse(at), SH)).toMatchObject({ weekday: 1, hour: 20, minute: 0, second: 0 });

    await request(fx.app).post(`/api/schedules/${id}/trigger`).set(bearer(fx.users.manager)).expect(200);
    const [first] = await runsOf<RecurringStreamResult>(fx, fx.users.auditor, id, 1);
    runIds.push(first!.workflowId);
    // A manual trigger is for the next Wednesday 20:00 after it.
    const occurrence = Date.parse(first!.result.occurrence);
    expect(occurrence).toBeGreaterThan(Date.now());
    expect(occurrence - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR);
    expect(zonedParts(occurrence, SH)).toMatchObject({ weekday: 3, hour: 20, minute: 0 });
    expect(first!.result).toMatchObject({
      outcome: 'created',
      streamId: `${id}.${localDateKey(occurrence, SH)}-2000`,
    });
    const { body: stream } = await request(fx.app)
      .get(`/api/streams/${first!.result.streamId}`)
      .set(bearer(fx.users.auditor))
      .expect(200);
    expect((stream as { state: { plan: { scheduledStart: string } } }).state.plan.scheduledStart).toBe(
      first!.result.occurrence,
    );

    await request(fx.app).post(`/api/schedules/${id}/trigger`).set(bearer(fx.users.manager)).expect(200);
    const runs = await runsOf<RecurringStreamResult>(fx, fx.users.auditor, id, 2);
    runIds.push(runs[1]!.workflowId);
    expect(runs[1]!.result).toMatchObject({ outcome: 'exists', streamId: first!.result.streamId });
    streamIds.push(first!.result.streamId);
  });

  it('a catch-up run creates the stream of the occurrence it was scheduled for, not of "now"', async () => {
    const templateId = await saveTemplate();
    const id = shortId('daily');
    // A fire a day ago, to the minute, in Shanghai; every day at that time, 72 h ahead.
    const fireMs = Math.floor((Date.now() - 24 * HOUR) / 60_000) * 60_000;
    const { hour, minute } = zonedParts(fireMs, SH);
    const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    await request(fx.app)
      .post('/api/schedules')
      .set(bearer(fx.users.manager))
      .send({
        kind: 'recurring-stream',
        id,
        name: '每日早场',
        templateId,
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
        time,
        timeZone: SH,
        leadHours: 72,
        paused: true,
      })
      .expect(201);
    // What a server that was down at fireMs does when it comes back: the missed action, at its own time.
    const backfill = {
      start: new Date(fireMs - 30_000),
      end: new Date(fireMs + 30_000),
      overlap: 'BUFFER_ALL',
    } as const;
    await fx.harness.client.schedule.getHandle(id).backfill(backfill);
    const [run] = await runsOf<RecurringStreamResult>(fx, fx.users.manager, id, 1);
    runIds.push(run!.workflowId);
    expect(run!.scheduledAt).toBe(new Date(fireMs).toISOString());
    expect(run!.result).toMatchObject({
      outcome: 'created',
      scheduledAt: new Date(fireMs).toISOString(),
      occurrence: new Date(fireMs + 72 * HOUR).toISOString(),
      streamId: `${id}.${localDateKey(fireMs + 72 * HOUR, SH)}-${time.replace(':', '')}`,
    });
    await fx.harness.client.schedule.getHandle(id).backfill(backfill);
    const again = await runsOf<RecurringStreamResult>(fx, fx.users.manager, id, 2);
    runIds.push(again[1]!.workflowId);
    expect(again[1]!.result).toMatchObject({ outcome: 'exists', streamId: run!.result.streamId });
    streamIds.push(run!.result.streamId);
  });

  it('a report schedule stores the report of its period and mails it through the outbox, once per period', async () => {
    // Two streams on 2025-03-09 in Shanghai, one the day before (the period before), one on the 10th (not counted).
    const day = (iso: string) => new Date(iso);
    const streams = [
      { id: uniqueId('rep-a'), start: day('2025-03-09T02:00:00Z'), gmv: 1200, orders: 12 },
      { id: uniqueId('rep-b'), start: day('2025-03-09T12:00:00Z'), gmv: 800.5, orders: 8 },
      { id: uniqueId('rep-c'), start: day('2025-03-08T12:00:00Z'), gmv: 1000, orders: 10 },
      { id: uniqueId('rep-d'), start: day('2025-03-09T16:00:00Z'), gmv: 99999, orders: 999 },
    ];
    for (const s of streams) {
      await fx.harness.db.streamRecord.create({
        data: {
          id: s.id,
          title: `报表测试 ${s.id.slice(0, 8)}`,
          owner: 'planner@example.com',
          phase: 'completed',
          scheduledStart: s.start,
          timeZone: SH,
          stateVersion: 1,
          stateJson: '{}',
        },
      });
      const ts = new Date(s.start.getTime() + 60_000).toISOString();
      await storeMetricPoints(
        fx.harness.db,
        [
          { streamId: s.id, metric: 'gmv', ts, value: s.gmv },
          { streamId: s.id, metric: 'orders', ts, value: s.orders },
        ],
        'pushed',
      );
    }
    const id = shortId('report');
    const to = `${id}@example.com`;
    const { body } = await request(fx.app)
      .post('/api/schedules')
      .set(bearer(fx.users.manager))
      .send({ kind: 'report', id, cadence: 'daily', recipients: { emails: [to], roles: ['auditor'] } })
      .expect(201);
    const schedule = body as ScheduleDetailBody;
    expect(schedule.timeZone).toBe(SH);
    for (const at of schedule.nextActionTimes)
      expect(zonedParts(Date.parse(at), SH)).toMatchObject({ hour: 9, minute: 0 });

    // The 09:00 report of March 10th, 2025, run now as after downtime: it covers March 9th, Shanghai time.
    const fire = Date.parse('2025-03-10T01:00:00Z');
    const backfill = {
      start: new Date(fire - 30_000),
      end: new Date(fire + 30_000),
      overlap: 'BUFFER_ALL',
    } as const;
    await fx.harness.client.schedule.getHandle(id).backfill(backfill);
    const [run] = await runsOf<PeriodicReportRunResult>(fx, fx.users.manager, id, 1);
    runIds.push(run!.workflowId);
    expect(run!.result).toMatchObject({
      periodKey: 'daily-2025-03-09',
      reportId: `periodic-report:${id}:daily-2025-03-09`,
      streams: 2,
      undelivered: 0,
    });
    const { body: stored } = await request(fx.app)
      .get(`/api/reports/periodic/${encodeURIComponent(run!.result.reportId)}`)
      .set(bearer(fx.users.auditor))
      .expect(200);
    const report = (
      stored as { report: { kpis: Record<string, number>; previousKpis: Record<string, number> } }
    ).report;
    expect(report.kpis).toMatchObject({ gmv: 2000.5, orders: 20 });
    expect(report.previousKpis).toMatchObject({ gmv: 1000, orders: 10 });

    const mailTo = (address: string) =>
      sink.messages.filter((m) =>
        (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value[0]?.address === address),
      );
    await waitUntil(() => mailTo(to).length > 0, { timeoutMs: 20_000, what: `the report mailed to ${to}` });
    const [mail] = mailTo(to);
    expect(mail?.subject).toBe('【日报】2025-03-09 直播数据：2 场，GMV 2,000.5');
    expect(mail?.text).toContain('订单数: 20');
    expect(mailTo(fx.users.auditor.email)).toHaveLength(1);

    // A second run for the same period (a re-run, a catch-up) updates the report and mails no one again.
    await fx.harness.client.schedule.getHandle(id).backfill(backfill);
    const runs = await runsOf<PeriodicReportRunResult>(fx, fx.users.manager, id, 2);
    runIds.push(runs[1]!.workflowId);
    expect(runs[1]!.result.reportId).toBe(run!.result.reportId);
    expect(mailTo(to)).toHaveLength(1);
    const rows = await fx.harness.db.notification.findMany({ where: { workflowId: id, recipient: to } });
    expect(rows.map((r) => r.status)).toEqual(['sent']);

    // Triggered twice now (two runs, two workflow ids): yesterday's report, mailed once.
    let previousStart = 0;
    for (const count of [3, 4]) {
      // A run's workflow id ends in its start time to the second: the next trigger comes in a later second.
      const nextSecond = (Math.floor(previousStart / 1000) + 1) * 1000;
      await waitUntil(() => Date.now() >= nextSecond, { what: 'the second after the last run started' });
      await request(fx.app).post(`/api/schedules/${id}/trigger`).set(bearer(fx.users.manager)).expect(200);
      const started = (await runsOf<PeriodicReportRunResult>(fx, fx.users.manager, id, count))[count - 1]!;
      runIds.push(started.workflowId);
      previousStart = Date.parse(started.scheduledAt);
    }
    const triggered = (await runsOf<PeriodicReportRunResult>(fx, fx.users.manager, id, 4)).slice(2);
    expect(triggered[0]!.workflowId).not.toBe(triggered[1]!.workflowId);
    const yesterday = localDateKey(Date.parse(triggered[0]!.scheduledAt) - 24 * HOUR, SH);
    expect(triggered.map((r) => r.result.periodKey)).toEqual([`daily-${yesterday}`, `daily-${yesterday}`]);
    // Both runs are over; the mails are in once every notification to `to` is sent and the sink holds one per row.
    const notified = () => fx.harness.db.notification.findMany({ where: { workflowId: id, recipient: to } });
    await waitUntil(
      async () => {
        const sent = await notified();
        return sent.length >= 2 && sent.every((r) => r.status === 'sent') && mailTo(to).length >= sent.length;
      },
      { timeoutMs: 20_000, what: `both reports mailed to ${to}` },
    );
    expect((await notified()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(mailTo(to).map((m) => m.subject?.split(' ')[0])).toEqual([
      '【日报】2025-03-09',
      `【日报】${yesterday}`,
    ]);
  });

  it('pause, resume, trigger and delete through the API, for managers only; bad input is a 400 naming the field', async () => {
    const id = shortId('weekly');
    const create = (user: ApiFixture['users'][keyof ApiFixture['users']], payload: object) =>
      request(fx.app).post('/api/schedules').set(bearer(user)).send(payload);
    await create(fx.users.operator, {
      kind: 'report',
      cadence: 'weekly',
      recipients: { roles: ['manager'] },
    }).expect(403);
    const { body } = await create(fx.users.manager, {
      kind: 'report',
      id,
      cadence: 'weekly',
      timeZone: 'America/New_York',
      recipients: { roles: ['manager'] },
    }).expect(201);
    // 周报 on Mondays at 09:00 New York time, on both sides of a DST change.
    for (const at of (body as ScheduleDetailBody).nextActionTimes)
      expect(zonedParts(Date.parse(at), 'America/New_York')).toMatchObject({
        weekday: 1,
        hour: 9,
        minute: 0,
      });

    await request(fx.app).post(`/api/schedules/${id}/pause`).set(bearer(fx.users.operator)).expect(403);
    const { body: paused } = await request(fx.app)
      .post(`/api/schedules/${id}/pause`)
      .set(bearer(fx.users.manager))
      .send({ note: '春节休息' })
      .expect(200);
    expect(paused).toMatchObject({ paused: true, note: `春节休息 (${fx.users.manager.email})` });
    const { body: resumed } = await request(fx.app)
      .post(`/api/schedules/${id}/resume`)
      .set(bearer(fx.users.manager))
      .expect(200);
    expect((resumed as ScheduleDetailBody).paused).toBe(false);
    await request(fx.app).get(`/api/schedules/${id}`).set(bearer(fx.users.auditor)).expect(200);
    await request(fx.app).delete(`/api/schedules/${id}`).set(bearer(fx.users.auditor)).expect(403);
    await request(fx.app).delete(`/api/schedules/${id}`).set(bearer(fx.users.manager)).expect(200);
    await request(fx.app).get(`/api/schedules/${id}`).set(bearer(fx.users.manager)).expect(404);
    await request(fx.app).post(`/api/schedules/${id}/trigger`).set(bearer(fx.users.manager)).expect(404);

    const field = async (payload: object) => {
      const { body: error } = await create(fx.users.manager, payload).expect(400);
      return (error as { error: { code: string; details: Array<{ path: Array<string | number> }> } }).error;
    };
    const templateId = await saveTemplate();
    const recurring = {
      kind: 'recurring-stream',
      name: 'x',
      templateId,
      daysOfWeek: ['friday'],
      time: '20:00',
    };
    expect(await field({ ...recurring, time: '25:00' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: [expect.objectContaining({ path: ['time'] })],
    });
    expect((await field({ ...recurring, daysOfWeek: [] })).details[0]!.path).toEqual(['daysOfWeek']);
    expect((await field({ ...recurring, timeZone: 'Mars/Olympus' })).details[0]!.path).toEqual(['timeZone']);
    expect((await field({ ...recurring, leadHours: 0 })).details[0]!.path).toEqual(['leadHours']);
    expect((await field({ kind: 'report', cadence: 'daily', recipients: {} })).details[0]!.path).toEqual([
      'recipients',
    ]);
    await create(fx.users.manager, { ...recurring, templateId: 'no-such-template' }).expect(404);

    // A template in use is not deleted from under its schedule.
    const usingId = shortId('uses');
    await create(fx.users.manager, { ...recurring, id: usingId, paused: true }).expect(201);
    const inUse = async () => {
      const deadline = Date.now() + 10_000; // the schedule list is eventually consistent
      for (;;) {
        const answer = await request(fx.app)
          .delete(`/api/templates/${templateId}`)
          .set(bearer(fx.users.manager));
        if (answer.status === 409 || Date.now() > deadline) return answer;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    expect((await inUse()).status).toBe(409);
    await request(fx.app).delete(`/api/schedules/${usingId}`).set(bearer(fx.users.manager)).expect(200);
  });

  it('every recorded schedule run, and every stream they started, replays against the current workflow code', async () => {
    expect(runIds.length).toBeGreaterThanOrEqual(6);
    // A run again for the same scheduled time (the backfills) has the same workflow id: each id replays all its runs.
    expect(await replayAllRuns(fx.harness.client, [...new Set(runIds)])).toBe(runIds.length);
    expect(await replayAllRuns(fx.harness.client, streamIds)).toBe(streamIds.length);
  });
});
