import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailConfig } from '../../runtime/config';
import { DeliveryError, describeError } from './delivery-error';

export interface OutgoingMail {
  dedupeKey: string;
  to: { name?: string; address: string };
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  close(): void;
}

/**
 * The Message-ID is derived from the dedupe key, so a message re-sent after a crash in the window between "the SMTP
 * server accepted it" and "the outbox row says sent" carries the same Message-ID as the first copy: mail stores and
 * clients that deduplicate by Message-ID (Gmail, many archivers) show it once, and anyone else can recognise it.
 */
export function messageIdFor(dedupeKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'liveops.invalid';
  const digest = createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
  return `<${digest}.notify@${domain}>`;
}

function classify(error: unknown): DeliveryError {
  const e = error as { code?: string; responseCode?: number };
  // 4xx replies and connection trouble are temporary by SMTP's own definition (RFC 5321 4.2.1); 5xx are final.
  const permanent =
    (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503) ||
    e.code === 'EENVELOPE' ||
    e.code === 'EAUTH' ||
    e.code === 'ENOAUTH' ||
    e.code === 'EMESSAGE';
  return new DeliveryError(`SMTP: ${describeError(error)}`, !permanent);
}

export function createSmtpTransport(config: MailConfig & { smtpUrl: string }): MailTransport {
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    tls: { rejectUnauthorized: config.tlsRejectUnauthorized },
    // Fail fast while the server is down; Temporal's backoff does the waiting, not a hung socket.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  return {
    async send(mail) {
      const messageId = messageIdFor(mail.dedupeKey, config.from);
      try {
        const info = (await transporter.sendMail({
          from: config.from,
          to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers: { 'X-Liveops-Dedupe-Key': mail.dedupeKey },
        })) as { messageId?: string; response?: string; rejected?: unknown[] };
        if (info.rejected && info.rejected.length > 0) {
          throw new DeliveryError(`SMTP: recipient rejected: ${String(info.response ?? '')}`, false);
        }
        return { messageId: info.messageId ?? messageId, response: String(info.response ?? '') };
      } catch (error) {
        throw error instanceof DeliveryError ? error : classify(error);
      }
    },
    close: () => transporter.close(),
  };
}
