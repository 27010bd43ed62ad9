import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNotifyActivities } from '../../activities/notify/send-notification';
import { inActivityContext } from './helpers/activity-context';
import type { TChatProvider } from '../../activities/notify/chat-channel.types';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import { requireTestEnv } from '../setup/test-env';
import { uniqueId } from './helpers/harness';

interface Received {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

/** One local server standing in for every provider's endpoint; it answers the way each provider does. */
async function startChatSink() {
  const received: Received[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('down');
        return;
      }
      received.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw,
        body: JSON.parse(raw),
      });
      const provider = url.pathname.slice(1);
      res.writeHead(200, { 'content-type': provider === 'slack' ? 'text/plain' : 'application/json' });
      if (provider === 'slack') res.end('ok');
      else if (provider === 'feishu') res.end(JSON.stringify({ code: 0, msg: 'success', data: {} }));
      else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    failNextRequests: (n: number) => (failNext = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = 'SECtest-secret-签名';
const hmac = (key: string, message: string, encoding: 'base64' | 'hex') =>
  createHmac('sha256', key).update(message).digest(encoding);

describe('sendNotification to chat webhooks, verified the way each provider verifies', () => {
  let db: Db;
  let sink: Awaited<ReturnType<typeof startChatSink>>;

  beforeAll(async () => {
    db = createDb(
      parseConfig({
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      }),
    );
    sink = await startChatSink();
  });
  afterAll(async () => {
    await sink?.close();
    await db?.$disconnect();
  });

  function activities() {
    const channels: Record<string, { provider: TChatProvider; url: string; secret?: string }> = {
      'ops-wecom': { provider: 'wecom', url: `${sink.base}/wecom?key=abc` },
      'ops-dingtalk': { provider: 'dingtalk', url: `${sink.base}/dingtalk?access_token=tok`, secret: SECRET },
      'ops-feishu': { provider: 'feishu', url: `${sink.base}/feishu`, secret: SECRET },
      'ops-slack': { provider: 'slack', url: `${sink.base}/slack` },
      'ops-hook': { provider: 'webhook', url: `${sink.base}/webhook`, secret: SECRET },
    };
    const config = parseConfig({ NOTIFY_CHAT_CHANNELS: JSON.stringify(channels) });
    return inActivityContext(
      createNotifyActivities({
        db,
        logger: createLogger({ log: { level: 'warn', format: 'json' } }),
        config,
      }),
    );
  }

  it('posts each provider its own payload with a valid signature, one group message per channel', async () => {
    const workflowId = uniqueId('chat');
    const before = Date.now();
    const outcome = await activities().sendNotification({
      key: `${workflowId}:alert:1`,
      workflowId,
      template: 'metric_alert',
      locale: 'zh-CN',
      recipients: [
        ...['wecom', 'dingtalk', 'feishu', 'slack', 'hook'].map((c) => ({
          id: `op-${c}`,
          name: '场控小王',
          chatChannel: `ops-${c}`,
        })),
        { id: 'op-2', name: '场控小李', chatChannel: 'ops-dingtalk' },
      ],
      params: {
        streamTitle: '618 家电专场 <b>&',
        timeZone: 'Asia/Shanghai',
        ruleId: 'conversion_drop',
        severity: 'warning',
        message: { 'zh-CN': '转化率较基线下降 25%', en: 'conversion 25% below baseline' },
        detectedAt: Date.now(),
        dashboardUrl: 'https://liveops.example.com/streams/s1',
      },
    });
    expect(outcome).toEqual({ sent: 5, held: 0, failed: 0, skippedDuplicates: 0 });
    const by = (p: string) => sink.received.find((r) => r.path === `/${p}` && r.raw.includes('618'))!;

    const wecom = by('wecom');
    expect(wecom.query.get('key')).toBe('abc');
    expect(wecom.body).toMatchObject({ msgtype: 'markdown' });
    expect((wecom.body.markdown as { content: string }).content).toContain('转化率较基线下降 25%');

    // DingTalk: sign = urlEncode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))), timestamp in ms.
    const ding = by('dingtalk');
    const ts = ding.query.get('timestamp')!;
    expect(Math.abs(Number(ts) - before)).toBeLessThan(60 * 60 * 1000);
    expect(ding.query.get('sign')).toBe(hmac(SECRET, `${ts}\n${SECRET}`, 'base64'));
    expect(ding.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.stringContaining('618') },
    });
    expect((ding.body.markdown as { text: string }).text).toContain('@场控小王 @场控小李');
    expect(sink.received.filter((r) => r.path === '/dingtalk' && r.raw.includes('618'))).toHaveLength(1);

    // Feishu: sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")), timestamp in seconds.
    const feishu = by('feishu');
    const fts = feishu.body.timestamp as string;
    expect(Math.abs(Number(fts) * 1000 - before)).toBeLessThan(60 * 60 * 1000);
    expect(feishu.body.sign).toBe(hmac(`${fts}\n${SECRET}`, '', 'base64'));
    expect(feishu.body).toMatchObject({
      msg_type: 'post',
      content: { post: { zh_cn: { title: expect.any(String) } } },
    });

    const slack = by('slack');
    expect(slack.body.text).toContain('618');
    const blocks = slack.body.blocks as Array<{ type: string; text: { type: string; text: string } }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(blocks[1]!.text.type).toBe('mrkdwn');
    expect(blocks[1]!.text.text).not.toMatch(/<b>/);

    // Generic: X-Liveops-Signature = sha256=hex(HMAC-SHA256(secret, timestamp + "." + raw body)).
    const hook = by('webhook');
    const hts = hook.headers['x-liveops-timestamp'] as string;
    const expected = Buffer.from(`sha256=${hmac(SECRET, `${hts}.${hook.raw}`, 'hex')}`);
    const got = Buffer.from(hook.headers['x-liveops-signature'] as string);
    expect(got.length === expected.length && timingSafeEqual(got, expected)).toBe(true);
    expect(hook.headers['x-liveops-delivery']).toBe(`${workflowId}:alert:1#webhook#chat:ops-hook`);
    expect(hook.body).toMatchObject({ workflowId, template: 'metric_alert' });

    const rows = await db.notification.findMany({ where: { workflowId } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === 'sent' && !r.address?.includes('access_token'))).toBe(true);
  });

  it('retries a provider that is down (throws retryable), then sends once', async () => {
    const workflowId = uniqueId('chat-down');
    const request = {
      key: `${workflowId}:alert:1`,
      workflowId,
      template: 'stream_cancelled' as const,
      recipients: [{ id: 'op', chatChannel: 'ops-slack' }],
      params: {
        streamTitle: 'cancel test',
        timeZone: 'Asia/Shanghai',
        reason: '主播生病',
        cancelledBy: '经理',
        liveStartAt: Date.now(),
      },
    };
    sink.failNextRequests(1);
    await expect(activities().sendNotification(request)).rejects.toMatchObject({
      type: 'NotificationDeliveryUnavailable',
      nonRetryable: false,
    });
    expect(await db.notification.findFirstOrThrow({ where: { workflowId } })).toMatchObject({
      status: 'pending',
    });
    expect(await activities().sendNotification(request)).toMatchObject({ sent: 1 });
    expect(await activities().sendNotification(request)).toMatchObject({ sent: 0, skippedDuplicates: 1 });
    expect(sink.received.filter((r) => r.raw.includes('cancel test'))).toHaveLength(1);
  });
});
