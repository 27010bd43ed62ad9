import type { ParsedMail } from 'mailparser';
import type { NotificationRequest } from '../../activities/notify/notify-request.types';
import type { TFanTier } from '../../domain/notify';
import type { TDeliveryFailure } from '../../workflows/engine/notification-outbox';
import { withdrawSignal } from './fixtures/notify-workflows';
import { until } from './helpers/wait';
import { createHarness, uniqueId, type Harness } from './helpers/harness';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

jest.setTimeout(240_000);

const MINUTE = 60_000;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

/**
 * Quiet hours are kept where a message is sent, whatever delayed it: a fan message that becomes due inside them
 * (a preview held by a pause and released at night, one held back by the hourly cap or an outage) waits for their end
 * and then goes out once; a team message due at the same moment goes at once. Real worker, real SMTP receiver.
 */
describe('quiet hours for fan-facing messages, through the workflow outbox', () => {
  let harness: Harness;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    harness = await createHarness({
      workflowsPath: require.resolve('./fixtures/notify-workflows'),
      env: { SMTP_URL: sink.url, MAIL_FROM: 'liveops <liveops@example.com>' },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await sink?.close();
  });

  it('holds a fan message that became due inside quiet hours until they end, sends it once; team messages go at once', async () => {
    const workflowId = uniqueId('quiet');
    // A one-minute night in UTC: this minute if at least 25 s of it are left, else the next; the messages fall due in it.
    const now = Date.now();
    const thisMinute = Math.floor(now / MINUTE) * MINUTE;
    const quietStart = thisMinute + MINUTE - now >= 25_000 ? thisMinute : thisMinute + MINUTE;
    const quietEnd = quietStart + MINUTE;
    const dueAt = Math.max(now, quietStart) + 3_000;
    const quietHours = { start: hhmm(quietStart), end: hhmm(quietEnd) };
    const base = { streamTitle: '冬季护肤专场', timeZone: 'UTC' };
    const fanPreview = (tier: TFanTier, email: string, liveStartAt: number): NotificationRequest => ({
      key: `${workflowId}:fan_preview.${tier}:1`,
      workflowId,
      template: 'fan_preview',
      recipients: [{ id: `fans:${tier}`, name: tier, email }],
      params: { ...base, tier, liveStartAt, watchUrl: 'https://liveops.example.com/streams/s1' },
      quietHours,
    });
    const requests: NotificationRequest[] = [
      fanPreview('core', 'core-fans@example.com', quietEnd + 60 * MINUTE),
      // A preview whose stream goes live before the night ends: after the start it is noise, so it is never sent.
      fanPreview('active', 'active-fans@example.com', quietEnd - 10_000),
      // One its workflow withdraws while it waits (a stream cancelled in the night): recorded, never sent.
      fanPreview('casual', 'casual-fans@example.com', quietEnd + 60 * MINUTE),
      {
        key: `${workflowId}:alert:1`,
        workflowId,
        template: 'metric_alert',
        recipients: [{ id: 'ops@example.com', name: '陈静', email: 'ops@example.com' }],
        params: {
          ...base,
          ruleId: 'conversion_drop',
          severity: 'critical',
          message: { 'zh-CN': '转化率下降 40%', en: 'Conversion down 40%' },
          detectedAt: dueAt,
          dashboardUrl: 'https://liveops.example.com/streams/s1',
        },
        quietHours,
      },
    ];
    const handle = await harness.client.workflow.start('messagesDueAtWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [dueAt, requests],
    });
    const mailsTo = (address: string) => sink.messages.filter((mail) => addressOf(mail) === address);

    // The team alert goes out inside quiet hours; at that moment the fans' message is in the outbox, held to the end.
    await until('the team alert', async () => mailsTo('ops@example.com')[0], 60_000);
    const rows = async () =>
      Object.fromEntries(
        (await harness.db.notification.findMany({ where: { workflowId } })).map((row) => [
          row.recipient,
          row,
        ]),
      );
    const held = await until(
      "the fans' messages in the outbox",
      async () => {
        const now = await rows();
        return now['fans:core'] && now['fans:casual'] ? now : undefined;
      },
      10_000,
    );
    expect(Date.now()).toBeLessThan(quietEnd);
    expect(held['fans:core']).toMatchObject({ status: 'pending', sentAt: null });
    expect(held['fans:core']!.notBefore?.getTime()).toBe(quietEnd);
    expect(mailsTo('core-fans@example.com')).toHaveLength(0);
    expect(held['ops@example.com']).toMatchObject({ status: 'sent' });
    expect(held['ops@example.com']!.sentAt!.getTime()).toBeLessThan(quietEnd);
    expect(held['fans:casual']).toMatchObject({ status: 'pending' });
    await handle.signal(withdrawSignal, `${workflowId}:fan_preview.casual:1`);

    const failures = (await handle.result()) as TDeliveryFailure[];
    expect(failures).toEqual([]);
    const after = await rows();
    expect(after['fans:core']).toMatchObject({ status: 'sent', attempts: 1 });
    expect(after['fans:core']!.sentAt!.getTime()).toBeGreaterThanOrEqual(quietEnd);
    const [fanMail, ...more] = mailsTo('core-fans@example.com');
    expect(more).toHaveLength(0);
    expect(fanMail!.date!.getTime()).toBeGreaterThanOrEqual(quietEnd - 1_000);
    expect(after['fans:active']).toMatchObject({ status: 'expired', sentAt: null });
    expect(mailsTo('active-fans@example.com')).toHaveLength(0);
    expect(after['fans:casual']).toMatchObject({
      status: 'expired',
      lastError: 'not sent: withdrawn by the test',
    });
    expect(mailsTo('casual-fans@example.com')).toHaveLength(0);
    expect(mailsTo('ops@example.com')).toHaveLength(1);
  });
});
