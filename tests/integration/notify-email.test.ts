import { createNotifyActivities } from '../../activities/notify/send-notification';
import { messageIdFor } from '../../activities/notify/mail-transport';
import type { NotificationOutcome, NotificationRequest } from '../../activities/notify/notify-request.types';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import { requireTestEnv } from '../setup/test-env';
import { inActivityContext } from './helpers/activity-context';
import { createHarness, uniqueId, type Harness } from './helpers/harness';
import { freePort, startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

const FROM = '直播运营 <liveops@example.com>';

function gateRequest(
  workflowId: string,
  recipients: NotificationRequest['recipients'],
): NotificationRequest<'gate_waiting'> {
  return {
    key: `${workflowId}:gate-waiting:1`,
    workflowId,
    template: 'gate_waiting',
    locale: 'zh-CN',
    recipients,
    params: {
      streamTitle: '双11 美妆专场：全网首发',
      timeZone: 'Asia/Shanghai',
      gate: 'script_compliance',
      dueAt: Date.parse('2026-11-11T12:00:00Z'),
      reviewUrl: 'https://liveops.example.com/streams/s1/review',
      submittedBy: '李编辑',
    },
  };
}

function activitiesFor(db: Db, smtpUrl: string | undefined) {
  const config = parseConfig({ ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}), MAIL_FROM: FROM });
  const logger = createLogger({ log: { level: 'warn', format: 'json' } });
  return inActivityContext(createNotifyActivities({ db, logger, config, sendingLeaseMs: 1_000 }));
}

describe('sendNotification by email, against a real SMTP server', () => {
  let db: Db;
  let sink: SmtpSink;

  beforeAll(async () => {
    db = createDb(
      parseConfig({
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      }),
    );
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await db?.$disconnect();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.envelopes.length = 0;
  });

  it('delivers multipart text + HTML with Chinese subject and names encoded, Message-ID from the dedupe key', async () => {
    const workflowId = uniqueId('mail');
    const { sendNotification } = activitiesFor(db, sink.url);
    const outcome = await sendNotification(
      gateRequest(workflowId, [{ id: 'u1', name: '王审核', email: 'reviewer@example.com' }]),
    );
    expect(outcome).toEqual({ sent: 1, held: 0, failed: 0, skippedDuplicates: 0 });
    await sink.waitFor(1);
    const mail = sink.messages[0]!;
    expect(mail.subject).toContain('双11 美妆专场：全网首发');
    expect(mail.from?.value[0]).toEqual({ name: '直播运营', address: 'liveops@example.com' });
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]).toEqual({ name: '王审核', address: 'reviewer@example.com' });
    expect(mail.text).toContain('李编辑');
    expect(mail.html).toContain('<a href="https://liveops.example.com/streams/s1/review">');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    // On the wire the headers are RFC 2047 encoded: no raw UTF-8 in the Subject line.
    const rawSubject = mail.headerLines.find((h) => h.key === 'subject')!.line;
    expect(rawSubject).toMatch(/=\?UTF-8\?[BQ]\?/i);
    const dedupeKey = `${workflowId}:gate-waiting:1#email#u1`;
    expect(mail.messageId).toBe(messageIdFor(dedupeKey, FROM));
    expect(mail.headers.get('x-liveops-dedupe-key')).toBe(dedupeKey);
    const row = await db.notification.findUniqueOrThrow({ where: { dedupeKey } });
    expect(row).toMatchObject({
      status: 'sent',
      channel: 'email',
      address: 'reviewer@example.com',
      attempts: 1,
    });
  });

  it('sends once when called twice with the same key', async () => {
    const workflowId = uniqueId('mail-twice');
    const { sendNotification } = activitiesFor(db, sink.url);
    const request = gateRequest(workflowId, [
      { id: 'u1', name: '王审核', email: 'a@example.com' },
      { id: 'u2', email: 'b@example.com' },
    ]);
    expect(await sendNotification(request)).toMatchObject({ sent: 2, skippedDuplicates: 0 });
    expect(await sendNotification(request)).toEqual({ sent: 0, held: 0, failed: 0, skippedDuplicates: 2 });
    // A barrier: a third message sent after the repeat. Once it has arrived, a duplicate would have too.
    await sendNotification({
      ...gateRequest(workflowId, [{ id: 'u3', email: 'c@example.com' }]),
      key: `${workflowId}:barrier:1`,
    });
    await sink.waitFor(3);
    expect(
      sink.messages.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort(),
    ).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('after a crash between "accepted" and "recorded", the re-send carries the same Message-ID', async () => {
    const workflowId = uniqueId('mail-crash');
    const { sendNotification } = activitiesFor(db, sink.url);
    const request = gateRequest(workflowId, [{ id: 'u1', email: 'a@example.com' }]);
    await sendNotification(request);
    // What a worker killed right after the SMTP server's 250 leaves behind: the row still says "sending".
    const dedupeKey = `${workflowId}:gate-waiting:1#email#u1`;
    await db.notification.update({
      where: { dedupeKey },
      data: { status: 'sending', sentAt: null, updatedAt: new Date(Date.now() - 5_000) },
    });
    expect(await sendNotification(request)).toMatchObject({ sent: 1 });
    await sink.waitFor(2);
    expect(sink.messages[0]!.messageId).toBe(sink.messages[1]!.messageId);
    expect(await db.notification.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('holds messages in the outbox without SMTP, and for recipients with no channel', async () => {
    const workflowId = uniqueId('mail-held');
    const { sendNotification } = activitiesFor(db, undefined);
    const outcome = await sendNotification(
      gateRequest(workflowId, [
        { id: 'u1', email: 'a@example.com' },
        { id: 'fans:core', name: 'core' },
      ]),
    );
    expect(outcome).toEqual({ sent: 0, held: 2, failed: 0, skippedDuplicates: 0 });
    const rows = await db.notification.findMany({ where: { workflowId }, orderBy: { channel: 'asc' } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'held'],
      ['outbox', 'held'],
    ]);
    expect(rows[0]!.subject).toContain('双11');
  });

  it('records a fan-facing message inside quiet hours as waiting for their end, then held for fans with no channel', async () => {
    const workflowId = uniqueId('fans-night');
    const { sendNotification } = activitiesFor(db, undefined);
    const now = new Date();
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    // Quiet hours (UTC) from the minute before until two minutes on: now is inside them.
    const night = { start: hhmm(now.getTime() - 60_000), end: hhmm(now.getTime() + 120_000) };
    const request = (quietHours: { start: string; end: string }): NotificationRequest<'fan_preview'> => ({
      key: `${workflowId}:fan_preview.core:1`,
      workflowId,
      template: 'fan_preview',
      recipients: [{ id: 'fans:core', name: 'core' }],
      params: {
        streamTitle: '冬季护肤专场',
        timeZone: 'UTC',
        tier: 'core',
        liveStartAt: now.getTime() + 3_600_000,
        watchUrl: 'https://liveops.example.com/streams/s1',
      },
      quietHours,
    });
    const waiting = await sendNotification(request(night));
    expect(waiting).toMatchObject({ sent: 0, held: 0, failed: 0 });
    const end = Date.parse(`${now.toISOString().slice(0, 11)}${night.end}:00Z`);
    expect(Date.parse(waiting.deferredUntil!)).toBe(end < now.getTime() ? end + 86_400_000 : end);
    const row = () => db.notification.findFirstOrThrow({ where: { workflowId } });
    expect(await row()).toMatchObject({ status: 'pending', channel: 'outbox', attempts: 0 });
    // Asked again once the night is over (the same message: its key): recorded for the fans, exactly once.
    const day = { start: night.end, end: night.end };
    expect(await sendNotification(request(day))).toEqual({
      sent: 0,
      held: 1,
      failed: 0,
      skippedDuplicates: 0,
    });
    expect(await sendNotification(request(day))).toEqual({
      sent: 0,
      held: 0,
      failed: 0,
      skippedDuplicates: 1,
    });
    expect(await row()).toMatchObject({
      status: 'held',
      lastError: expect.stringMatching(/no email address/),
    });
    expect(await db.notification.count({ where: { workflowId } })).toBe(1);
  });
});

describe('sendNotification through a real worker while SMTP is down', () => {
  let harness: Harness;
  let smtpPort: number;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    smtpPort = await freePort();
    harness = await createHarness({
      workflowsPath: require.resolve('./fixtures/notify-workflows'),
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: FROM },
    });
  });
  afterAll(async () => {
    await sink?.close();
    await harness?.close();
  });

  it('retries with backoff until SMTP is back, then delivers every message exactly once', async () => {
    const workflowId = uniqueId('smtp-down');
    const requests = [1, 2].map((n) => ({
      ...gateRequest(workflowId, [
        { id: 'u1', email: 'a@example.com' },
        { id: 'u2', email: 'b@example.com' },
      ]),
      key: `${workflowId}:gate-waiting:${n}`,
    }));
    const handle = await harness.client.workflow.start('notifyWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [requests],
    });
    // Let a couple of attempts fail against the closed port, then bring the server up on it.
    const deadline = Date.now() + 20_000;
    while ((await harness.db.notification.count({ where: { workflowId, lastError: { not: null } } })) === 0) {
      if (Date.now() > deadline) throw new Error('no failed attempt recorded');
      await new Promise((r) => setTimeout(r, 100));
    }
    sink = await startSmtpSink(smtpPort);
    const outcomes: NotificationOutcome[] = await handle.result();
    expect(outcomes.reduce((n, o) => n + o.sent, 0)).toBe(4);
    expect(sink.messages).toHaveLength(4);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(4);
    const rows = await harness.db.notification.findMany({ where: { workflowId } });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
  });

  it('on the final attempt marks the message failed and returns instead of throwing', async () => {
    await sink?.close();
    sink = undefined;
    const workflowId = uniqueId('smtp-gone');
    const outcome = await harness.client.workflow.execute('notifyWithSmallBudgetWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [gateRequest(workflowId, [{ id: 'u1', email: 'a@example.com' }])],
    });
    expect(outcome).toEqual({ sent: 0, held: 0, failed: 1, skippedDuplicates: 0 });
    const row = await harness.db.notification.findFirstOrThrow({ where: { workflowId } });
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/SMTP/);
  });
});
