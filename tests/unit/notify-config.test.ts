import { createHmac } from 'node:crypto';
import { ConfigError, parseConfig } from '../../runtime/config';
import { messageIdFor } from '../../activities/notify/mail-transport';
import { dingtalkSign, feishuSign } from '../../activities/notify/chat-payloads';

describe('notification and analytics config', () => {
  it('defaults: no SMTP (outbox), simulator analytics, zh-CN, localhost links', () => {
    const config = parseConfig({});
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'liveops <liveops@localhost>',
      tlsRejectUnauthorized: true,
    });
    expect(config.analytics).toEqual({ baseUrl: undefined, token: undefined, timeoutMs: 5000 });
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.notifyLocale).toBe('zh-CN');
    expect(config.chatChannels).toEqual({});
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.com'],
    ['SMTP_TLS_REJECT_UNAUTHORIZED', 'nope'],
    ['ANALYTICS_BASE_URL', 'ftp://x'],
    ['ANALYTICS_TIMEOUT_MS', '5'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['NOTIFY_LOCALE', 'fr'],
    ['NOTIFY_CHAT_CHANNELS', '{not json'],
    ['NOTIFY_CHAT_CHANNELS', '{"ops":{"provider":"telegram","url":"https://x"}}'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    expect(() => parseConfig({ [variable]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [variable]: value });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('parses named chat channels and trims trailing slashes from URLs', () => {
    const config = parseConfig({
      NOTIFY_CHAT_CHANNELS:
        '{"ops":{"provider":"dingtalk","url":"https://oapi.dingtalk.com/robot/send?access_token=t","secret":"SEC1"}}',
      ANALYTICS_BASE_URL: 'https://analytics.example.com/',
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
    });
    expect(config.chatChannels.ops?.provider).toBe('dingtalk');
    expect(config.analytics.baseUrl).toBe('https://analytics.example.com');
    expect(config.mail.smtpUrl).toBe('smtps://u:p@smtp.example.com:465');
  });
});

describe('signatures and message ids', () => {
  it('DingTalk: base64 HMAC-SHA256 keyed by the secret over "timestamp\\nsecret"', () => {
    // Independent computation with the documented recipe.
    const expected = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(dingtalkSign(1700000000000, 'SECabc')).toBe(expected);
  });

  it('Feishu: base64 HMAC-SHA256 keyed by "timestamp\\nsecret" over the empty string', () => {
    const expected = createHmac('sha256', '1700000000\nsec').update('').digest('base64');
    expect(feishuSign(1700000000, 'sec')).toBe(expected);
  });

  it('Message-ID is stable per dedupe key and uses the sender domain', () => {
    const a = messageIdFor('wf:purpose:1#email#u1', '直播运营 <ops@example.com>');
    expect(a).toBe(messageIdFor('wf:purpose:1#email#u1', '直播运营 <ops@example.com>'));
    expect(a).not.toBe(messageIdFor('wf:purpose:2#email#u1', '直播运营 <ops@example.com>'));
    expect(a).toMatch(/^<[0-9a-f]{32}\.notify@example\.com>$/);
  });
});
