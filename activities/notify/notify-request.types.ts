import { z } from 'zod';
import {
  ZLocaleSchema,
  ZNotificationTemplateIdSchema,
  type TLocale,
  type TNotificationParamsInput,
  type TNotificationTemplateId,
} from '../../domain/notify';
import { ZQuietHoursSchema, type TQuietHours } from '../../domain/time/time.types';
import { ZChatTargetSchema, type TChatTarget } from './chat-channel.types';

export { NOTIFY_RETRY_POLICY } from '../../domain/notify/retry-policy';

export const ZNotificationRecipientSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(100).optional(),
  email: z.email().optional(),
  /** Inline chat webhook. Prefer `chatChannel`: an inline URL and secret end up in workflow history. */
  chat: ZChatTargetSchema.optional(),
  /** Name of a chat channel configured in NOTIFY_CHAT_CHANNELS. */
  chatChannel: z.string().min(1).optional(),
});
export type TNotificationRecipient = z.infer<typeof ZNotificationRecipientSchema>;

export const ZNotificationRequestSchema = z.object({
  /** Deterministic: workflow id + purpose + sequence (domain/notify notificationKey). */
  key: z.string().min(1).max(400),
  workflowId: z.string().min(1),
  template: ZNotificationTemplateIdSchema,
  locale: ZLocaleSchema.optional(),
  recipients: z.array(ZNotificationRecipientSchema).max(500),
  /** Validated by the template's own schema when rendering. */
  params: z.record(z.string(), z.unknown()),
  /** ISO instant; fan messages pushed out of quiet hours are not sent before it. */
  notBefore: z.iso.datetime({ offset: true }).optional(),
  /**
   * The recipients' quiet hours for a fan-facing message, read in its `timeZone` param: the window of the policy that
   * planned it. Default: the fan preview policy's. Team messages have none.
   */
  quietHours: ZQuietHoursSchema.optional(),
  /** Why the workflow no longer wants it sent (cancelled while it waited): its rows are recorded expired. */
  withdrawn: z.string().trim().min(1).max(300).optional(),
  /**
   * The workflow's clock when it asked: whether a message is due is judged at this instant or later, never earlier,
   * so the activity and the outbox that sleeps until `deferredUntil` agree on the time (a clock running ahead of the
   * worker's, as on Temporal's time-skipping server, would otherwise be told "not yet" again and again).
   */
  askedAt: z.iso.datetime({ offset: true }).optional(),
});

/** What workflows pass: params typed by template. */
export type NotificationRequest<T extends TNotificationTemplateId = TNotificationTemplateId> = {
  key: string;
  workflowId: string;
  template: T;
  locale?: TLocale;
  recipients: Array<{
    id: string;
    name?: string;
    email?: string;
    chat?: TChatTarget;
    chatChannel?: string;
  }>;
  params: TNotificationParamsInput[T];
  notBefore?: string;
  quietHours?: TQuietHours;
  withdrawn?: string;
  askedAt?: string;
};

/** Counts of this call's effect; a message already delivered (or held) by an earlier call is a skipped duplicate. */
export interface NotificationOutcome {
  sent: number;
  held: number;
  failed: number;
  skippedDuplicates: number;
  /** Nothing was sent: the message is not due before this instant (quiet hours, notBefore). Ask again then. */
  deferredUntil?: string;
  /** Deliveries recorded `expired`: by the time they may be sent they are no longer worth sending. */
  expired?: number;
}
