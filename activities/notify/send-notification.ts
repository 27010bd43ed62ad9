import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  renderNotification,
  sendTimeOf,
  type TNotificationTemplateId,
  type TNotificationParamsInput,
} from '../../domain/notify';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { buildChatRequest } from './chat-payloads';
import { postChat } from './chat-transport';
import { DeliveryError, describeError } from './delivery-error';
import { planDeliveries, type Delivery } from './delivery-plan';
import { createSmtpTransport, type MailTransport } from './mail-transport';
import { createOutboxRows, type OutboxRowData } from './outbox-rows';
import { NOTIFY_ATTEMPT_TIMEOUT_MS } from '../../domain/notify/retry-policy';
import {
  NOTIFY_RETRY_POLICY,
  ZNotificationRequestSchema,
  type NotificationOutcome,
  type NotificationRequest,
} from './notify-request.types';

export interface NotifyTransports {
  /** null: no SMTP (emails are held in the outbox). Undefined: built from config.mail.smtpUrl. */
  mail?: MailTransport | null;
  fetch?: typeof fetch;
}

export interface NotifyDeps {
  db: Db;
  logger: Logger;
  config: Pick<Config, 'mail' | 'chatChannels' | 'notifyLocale'>;
  transports?: NotifyTransports;
  /** A row left in `sending` longer than this belongs to a crashed attempt. Default: the attempt timeout. */
  sendingLeaseMs?: number;
  chatTimeoutMs?: number;
}

/** Attempt number and whether it is the last one the retry policy allows (tests run it in MockActivityEnvironment). */
function currentAttempt(): { attempt: number; final: boolean } {
  const info = Context.current().info;
  const max = info.retryPolicy?.maximumAttempts ?? NOTIFY_RETRY_POLICY.maximumAttempts;
  return { attempt: info.attempt, final: max > 0 && info.attempt >= max };
}

const htmlDocument = (subject: string, fragment: string, lang: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${subject
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</title></head><body>${fragment}</body></html>`;

/**
 * Exactly-once in effect, through the Notification outbox: one row per (key, recipient, channel) with a unique
 * dedupeKey, moving pending -> sending -> sent | failed, or held (no SMTP configured, or no channel for the recipient).
 *
 * - A retry or replay after `sent` finds the row and sends nothing.
 * - The remaining at-least-once window: if the worker dies after the provider accepted a message but before the row
 *   says `sent`, the row stays `sending`; once its lease expires the next attempt sends again. Email re-sends carry the
 *   same Message-ID (derived from the dedupe key) and the generic webhook the same X-Liveops-Delivery id, so those
 *   receivers can drop the copy; WeCom, DingTalk, Feishu and Slack robots have no idempotency key, so a crash in that
 *   window (milliseconds wide) can post twice to a chat group. We prefer that over losing a message.
 * - Provider down: the row goes back to pending with lastError and the activity throws a retryable failure (Temporal
 *   retries with NOTIFY_RETRY_POLICY's backoff); on the final attempt the row is marked failed and the activity
 *   returns `failed` so the workflow goes on and can raise an alert.
 * - Not due yet (a fan-facing message inside its readers' quiet hours, or before the request's notBefore), judged
 *   here at the moment of sending so that every delay path is covered: the rows are recorded `pending` with the
 *   instant they wait for, and the activity answers `deferredUntil`; the workflow's outbox sleeps until then and asks
 *   again (no retry attempt is spent on waiting). A fan message that would then be stale is recorded `expired`.
 */
export function createNotifyActivities(deps: NotifyDeps) {
  const { db, logger, config } = deps;
  const rows = createOutboxRows(db, deps.sendingLeaseMs ?? NOTIFY_ATTEMPT_TIMEOUT_MS);
  const fetchImpl = deps.transports?.fetch ?? fetch;
  let mail: MailTransport | null | undefined = deps.transports?.mail;
  const mailTransport = (): MailTransport | null => {
    if (mail === undefined)
      mail = config.mail.smtpUrl
        ? createSmtpTransport({ ...config.mail, smtpUrl: config.mail.smtpUrl })
        : null;
    return mail;
  };

  async function sendNotification<T extends TNotificationTemplateId>(
    request: NotificationRequest<T>,
  ): Promise<NotificationOutcome> {
    const parsed = ZNotificationRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw ApplicationFailure.create({
        type: 'InvalidNotificationRequest',
        message: `invalid notification request: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        nonRetryable: true,
      });
    }
    const req = parsed.data;
    const notBeforeMs = req.notBefore ? Date.parse(req.notBefore) : undefined;
    const locale = req.locale ?? config.notifyLocale;
    let rendered;
    try {
      rendered = renderNotification(
        req.template,
        locale,
        req.params as TNotificationParamsInput[typeof req.template],
      );
    } catch (error) {
      throw ApplicationFailure.create({
        type: 'InvalidNotificationParams',
        message: `template ${req.template}: ${describeError(error)}`,
        nonRetryable: true,
      });
    }
    const sendTime = sendTimeOf(
      req.template,
      req.params as TNotificationParamsInput[typeof req.template],
      Math.max(Date.now(), req.askedAt === undefined ? 0 : Date.parse(req.askedAt)),
      {
        notBeforeMs,
        quietHours: req.quietHours,
      },
    );
    const { final, attempt } = currentAttempt();
    const outcome: NotificationOutcome = { sent: 0, held: 0, failed: 0, skippedDuplicates: 0 };
    const transientErrors: string[] = [];
    const smtp = mailTransport();

    const baseRow = {
      workflowId: req.workflowId,
      template: req.template,
      locale,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      notBefore: notBeforeMs === undefined ? null : new Date(notBeforeMs),
    };

    const deliveries = planDeliveries(req.recipients, config.chatChannels, logger);
    const rowOf = (delivery: Delivery): OutboxRowData => ({
      ...baseRow,
      dedupeKey: `${req.key}#${delivery.channel}#${delivery.recipient}`,
      channel: delivery.channel,
      recipient: delivery.recipient,
      address: delivery.address,
    });
    if (req.withdrawn !== undefined)
      return postpone(deliveries.map(rowOf), 'expired', Date.now(), `not sent: ${req.withdrawn}`, outcome);
    if (sendTime.kind === 'expired') {
      const reason = `not sent: it could not go out before ${new Date(sendTime.untilMs).toISOString()}, when it is no longer worth sending`;
      return postpone(deliveries.map(rowOf), 'expired', sendTime.untilMs, reason, outcome);
    }
    if (sendTime.kind === 'hold') {
      const reason = `not due yet (quiet hours or notBefore): waits until ${new Date(sendTime.untilMs).toISOString()}`;
      return postpone(deliveries.map(rowOf), 'pending', sendTime.untilMs, reason, outcome);
    }

    for (const delivery of deliveries) {
      const data = rowOf(delivery);
      const { dedupeKey } = data;
      const holdReason =
        delivery.channel === 'outbox'
          ? 'no email address or chat channel for this recipient'
          : delivery.channel === 'email' && !smtp
            ? 'no SMTP configured (SMTP_URL unset): held in the outbox'
            : undefined;
      const row = await rows.claim(data, holdReason);
      if (row === 'duplicate') {
        outcome.skippedDuplicates++;
        continue;
      }
      if (row === 'held') {
        outcome.held++;
        continue;
      }
      if (row === 'busy') {
        if (final) outcome.skippedDuplicates++;
        else transientErrors.push(`${dedupeKey}: being delivered by another attempt`);
        continue;
      }
      try {
        const providerRef = await deliver(delivery, dedupeKey, rendered, req, locale, smtp);
        await db.notification.update({
          where: { id: row.id },
          data: { status: 'sent', sentAt: new Date(), providerRef, lastError: null },
        });
        outcome.sent++;
      } catch (error) {
        const transient = error instanceof DeliveryError ? error.transient : true;
        const lastError = describeError(error);
        const giveUp = !transient || final;
        await db.notification.update({
          where: { id: row.id },
          data: { status: giveUp ? 'failed' : 'pending', lastError },
        });
        if (giveUp) {
          outcome.failed++;
          logger.warn({ dedupeKey, channel: delivery.channel, attempt, lastError }, 'notification failed');
        } else {
          transientErrors.push(`${delivery.channel} ${delivery.recipient}: ${lastError}`);
        }
      }
    }

    if (transientErrors.length > 0) {
      throw ApplicationFailure.create({
        type: 'NotificationDeliveryUnavailable',
        message: `attempt ${attempt}: ${transientErrors.length} message(s) not delivered yet: ${transientErrors[0]}`,
        details: [{ outcome, errors: transientErrors.slice(0, 20) }],
      });
    }
    logger.info({ key: req.key, template: req.template, ...outcome }, 'notification processed');
    return outcome;
  }

  /** Records every delivery as waiting (`pending`: answers until when) or as never to be sent (`expired`). */
  async function postpone(
    planned: OutboxRowData[],
    status: 'pending' | 'expired',
    untilMs: number,
    reason: string,
    outcome: NotificationOutcome,
  ): Promise<NotificationOutcome> {
    let postponed = 0;
    for (const data of planned) {
      if ((await rows.postpone(data, status, untilMs, reason)) === 'postponed') postponed++;
      else outcome.skippedDuplicates++;
    }
    logger.info({ key: planned[0]?.dedupeKey, status, reason, postponed }, 'notification not sent now');
    if (postponed === 0) return outcome;
    return status === 'pending'
      ? { ...outcome, deferredUntil: new Date(untilMs).toISOString() }
      : { ...outcome, expired: postponed };
  }

  async function deliver(
    delivery: Delivery,
    dedupeKey: string,
    rendered: { subject: string; text: string; html: string },
    req: { workflowId: string; template: string },
    locale: string,
    smtp: MailTransport | null,
  ): Promise<string> {
    if (delivery.channel === 'email') {
      if (!smtp) throw new DeliveryError('no SMTP transport', false);
      const info = await smtp.send({
        dedupeKey,
        to: { name: delivery.name, address: delivery.address },
        subject: rendered.subject,
        text: rendered.text,
        html: htmlDocument(rendered.subject, rendered.html, locale),
      });
      return `${info.messageId} ${info.response}`.slice(0, 500);
    }
    if (delivery.channel === 'outbox') throw new DeliveryError('no channel', false);
    const chatRequest = buildChatRequest(
      delivery.channel,
      delivery.target,
      {
        dedupeKey,
        subject: rendered.subject,
        text: rendered.text,
        mentions: delivery.mentions,
        template: req.template,
        workflowId: req.workflowId,
        locale,
      },
      Date.now(),
    );
    return postChat(delivery.channel, chatRequest, fetchImpl, deps.chatTimeoutMs ?? 10_000);
  }

  return { sendNotification };
}
