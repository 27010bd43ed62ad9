import { createHmac } from 'node:crypto';
import type { TChatProvider } from './chat-channel.types';

/**
 * Each provider's documented robot/webhook format and signing. Pure functions of (message, secret, clock) so the
 * tests can verify signatures exactly the way each provider does.
 *
 * - WeCom (企业微信) group robot: POST {msgtype:'markdown', markdown:{content}} to .../cgi-bin/webhook/send?key=...;
 *   no signing (the key in the URL is the credential); content at most 4096 bytes.
 * - DingTalk (钉钉) custom robot with 加签: timestamp in ms; sign = urlEncode(base64(HMAC-SHA256(key=secret,
 *   message=`${timestamp}\n${secret}`))), both appended as query parameters.
 * - Feishu/Lark custom bot with 签名校验: timestamp in seconds; sign = base64(HMAC-SHA256(key=`${timestamp}\n${secret}`,
 *   message='')), both in the JSON body next to msg_type and content.
 * - Slack incoming webhook: {text, blocks}; `text` is the notification fallback. No signing (secret URL).
 * - Generic webhook (ours): JSON body; X-Liveops-Timestamp (unix seconds) and X-Liveops-Signature:
 *   sha256=<hex HMAC-SHA256(key=secret, message=`${timestamp}.${body}`)>. The timestamp is inside the signed text so
 *   a captured request cannot be replayed later with a fresh timestamp; X-Liveops-Delivery carries the dedupe key.
 */
export interface ChatMessage {
  dedupeKey: string;
  subject: string;
  text: string;
  /** People the message is for, shown in the group ("@张三"). */
  mentions: string[];
  link?: { label: string; url: string };
  template: string;
  workflowId: string;
  locale: string;
}

export interface ChatRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const WECOM_MARKDOWN_MAX_BYTES = 4096;
const SLACK_SECTION_MAX = 3000;

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(`${out}…`) > maxBytes) out = out.slice(0, -1);
  return `${out}…`;
}

const mentionLine = (m: ChatMessage) => (m.mentions.length ? m.mentions.map((n) => `@${n}`).join(' ') : '');

function markdownBody(m: ChatMessage): string {
  return [`### ${m.subject}`, m.text, mentionLine(m)].filter(Boolean).join('\n\n');
}

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export function liveopsSignature(timestampSeconds: number, body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function buildChatRequest(
  provider: TChatProvider,
  target: { url: string; secret?: string },
  m: ChatMessage,
  nowMs: number,
): ChatRequest {
  switch (provider) {
    case 'wecom':
      return {
        url: target.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          msgtype: 'markdown',
          markdown: { content: truncateBytes(markdownBody(m), WECOM_MARKDOWN_MAX_BYTES) },
        }),
      };
    case 'dingtalk': {
      const url = new URL(target.url);
      if (target.secret) {
        // URLSearchParams encodes the base64 signature ('+', '/', '=') exactly once, as DingTalk expects.
        url.searchParams.set('timestamp', String(nowMs));
        url.searchParams.set('sign', dingtalkSign(nowMs, target.secret));
      }
      return {
        url: url.toString(),
        headers: JSON_HEADERS,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.subject, text: markdownBody(m) } }),
      };
    }
    case 'feishu': {
      const timestamp = Math.floor(nowMs / 1000);
      const lines = m.text.split('\n').filter((line) => line.trim() !== '');
      const content = lines.map((line) => [{ tag: 'text', text: line }]);
      if (m.link)
        content.push([{ tag: 'a', text: m.link.label, href: m.link.url } as { tag: string; text: string }]);
      if (m.mentions.length) content.push([{ tag: 'text', text: mentionLine(m) }]);
      const language = m.locale === 'en' ? 'en_us' : 'zh_cn';
      return {
        url: target.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          ...(target.secret
            ? { timestamp: String(timestamp), sign: feishuSign(timestamp, target.secret) }
            : {}),
          msg_type: 'post',
          content: { post: { [language]: { title: m.subject, content } } },
        }),
      };
    }
    case 'slack': {
      const text = [slackEscape(m.text), m.mentions.length ? slackEscape(mentionLine(m)) : '']
        .filter(Boolean)
        .join('\n\n');
      return {
        url: target.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          text: m.subject,
          blocks: [
            { type: 'header', text: { type: 'plain_text', text: m.subject.slice(0, 150) } },
            { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SLACK_SECTION_MAX) } },
          ],
        }),
      };
    }
    case 'webhook': {
      const timestamp = Math.floor(nowMs / 1000);
      const body = JSON.stringify({
        id: m.dedupeKey,
        workflowId: m.workflowId,
        template: m.template,
        locale: m.locale,
        subject: m.subject,
        text: m.text,
        link: m.link ?? null,
        mentions: m.mentions,
        sentAt: new Date(nowMs).toISOString(),
      });
      return {
        url: target.url,
        headers: {
          ...JSON_HEADERS,
          'x-liveops-delivery': m.dedupeKey,
          'x-liveops-timestamp': String(timestamp),
          ...(target.secret
            ? { 'x-liveops-signature': liveopsSignature(timestamp, body, target.secret) }
            : {}),
        },
        body,
      };
    }
  }
}
