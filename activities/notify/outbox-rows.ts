import type { Db } from '../../runtime/db';

export type Row = { id: string; status: string; updatedAt: Date };

/** One outbox row's content, as the first attempt writes it. */
export interface OutboxRowData {
  dedupeKey: string;
  workflowId: string;
  template: string;
  locale: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  notBefore: Date | null;
  channel: string;
  recipient: string;
  address: string | null;
}

/** A row in one of these states is done with: a later call with its key is a duplicate. */
const SETTLED = new Set(['sent', 'held', 'failed', 'expired']);

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * The Notification outbox's row states: pending -> sending -> sent | failed, or held (no channel), or expired (not
 * worth sending any more). Each change of an existing row is a compare-and-set on its updatedAt, so of two attempts
 * racing for a row exactly one wins; a row left `sending` longer than the lease belongs to an attempt that died.
 */
export function createOutboxRows(db: Db, leaseMs: number) {
  const select = { id: true, status: true, updatedAt: true } as const;
  const abandoned = (row: Row) => row.status === 'sending' && Date.now() - row.updatedAt.getTime() >= leaseMs;

  async function createOrFind(
    data: OutboxRowData & { status: string; notBefore: Date; lastError: string },
  ): Promise<Row | 'created'> {
    try {
      await db.notification.create({ data, select });
      return 'created';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return db.notification.findUniqueOrThrow({ where: { dedupeKey: data.dedupeKey }, select });
  }

  const compareAndSet = async (row: Row, data: Record<string, unknown>) =>
    (
      await db.notification.updateMany({
        where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
        data,
      })
    ).count === 1;

  return {
    /**
     * Takes the row for sending (`sending`, attempts + 1), or says why not: already done with, held (no channel for
     * it: `holdReason`), or being sent by another attempt right now.
     */
    async claim(
      data: OutboxRowData,
      holdReason: string | undefined,
    ): Promise<Row | 'duplicate' | 'held' | 'busy'> {
      let row: Row;
      try {
        row = await db.notification.create({
          data: holdReason
            ? { ...data, status: 'held', lastError: holdReason }
            : { ...data, status: 'sending', attempts: 1 },
          select,
        });
        return holdReason ? 'held' : row;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      row = await db.notification.findUniqueOrThrow({ where: { dedupeKey: data.dedupeKey }, select });
      if (SETTLED.has(row.status)) return 'duplicate';
      if (row.status === 'sending' && !abandoned(row)) return 'busy';
      // A row postponed (quiet hours) for a recipient who has no channel: held now, as it would have been at once.
      if (holdReason)
        return (await compareAndSet(row, { status: 'held', lastError: holdReason })) ? 'held' : 'busy';
      return (await compareAndSet(row, { status: 'sending', attempts: { increment: 1 } })) ? row : 'busy';
    },

    /**
     * Records a message not to be sent before `untilMs` (`pending`, notBefore), or never (`expired`), so the outbox
     * shows why it waits. A row already done with, or being sent by an attempt that began before, is left alone.
     */
    async postpone(
      data: OutboxRowData,
      status: 'pending' | 'expired',
      untilMs: number,
      reason: string,
    ): Promise<'postponed' | 'duplicate'> {
      const fields = { status, notBefore: new Date(untilMs), lastError: reason };
      const row = await createOrFind({ ...data, ...fields });
      if (row === 'created') return 'postponed';
      if (SETTLED.has(row.status) || (row.status === 'sending' && !abandoned(row))) return 'duplicate';
      return (await compareAndSet(row, fields)) ? 'postponed' : 'duplicate';
    },
  };
}
