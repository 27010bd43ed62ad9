import { z } from 'zod';
import type { Db } from '../../runtime/db';

/** An outbox row's states (activities/notify/outbox-rows.ts moves rows between them). */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held', 'expired'] as const;

export const ZOutboxFilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  workflowId: z.string().min(1).optional(),
  channel: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Cursor: the `id` of the last row of the previous page. */
  after: z.string().min(1).optional(),
});
export type TOutboxFilter = z.input<typeof ZOutboxFilterSchema>;

export interface OutboxEntry {
  id: string;
  dedupeKey: string;
  workflowId: string | null;
  channel: string;
  recipient: string;
  address: string | null;
  template: string;
  locale: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  notBefore: string | null;
  createdAt: string;
}

/** The notification outbox, newest first: what was sent, held (no SMTP / no channel) or failed, for the API and UI. */
export async function listOutbox(
  db: Db,
  filter: TOutboxFilter = {},
): Promise<{ entries: OutboxEntry[]; next: string | null }> {
  const f = ZOutboxFilterSchema.parse(filter);
  const rows = await db.notification.findMany({
    where: {
      ...(f.status ? { status: f.status } : {}),
      ...(f.workflowId ? { workflowId: f.workflowId } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: f.limit + 1,
    ...(f.after ? { cursor: { id: f.after }, skip: 1 } : {}),
  });
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      dedupeKey: row.dedupeKey,
      workflowId: row.workflowId,
      channel: row.channel,
      recipient: row.recipient,
      address: row.address,
      template: row.template,
      locale: row.locale,
      subject: row.subject,
      bodyText: row.bodyText,
      bodyHtml: row.bodyHtml,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      sentAt: row.sentAt?.toISOString() ?? null,
      notBefore: row.notBefore?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    next: rows.length > f.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
