import { createHash } from 'node:crypto';
import type { AuditLog } from '../../generated/prisma/client';
import type { Db } from '../../runtime/db';

/** What the row before the first one links to. */
export const GENESIS_HASH = '0'.repeat(64);
/** Appends that lost a race with another process (same id or same prevHash) are tried again this many times. */
const APPEND_ATTEMPTS = 8;
const VERIFY_PAGE = 1_000;

export type TAuditRowContent = Omit<AuditLog, 'id' | 'at' | 'prevHash' | 'hash'>;
type TChainRow = Omit<AuditLog, 'prevHash' | 'hash'>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The SHA-256 of a row: the hash of the row before it, then every column of its own in a fixed order (the id too, so
 * a row cannot be moved; the time to the millisecond). Anyone with the table can recompute it: nothing secret is mixed
 * in, so the chain proves order and integrity, and the head in an export proves nothing was rewritten since.
 */
export function auditRowHash(row: TChainRow, prevHash: string): string {
  const content = [
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.actorRoles,
    row.authMethod,
    row.action,
    row.method,
    row.path,
    row.target,
    row.requestId,
    row.status,
    row.outcome,
    row.errorCode,
    row.ip,
  ];
  return sha256(`${prevHash}\n${JSON.stringify(content)}`);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === 'P2002';

/** Rows written before the chain existed carry no hash: their chain is computed, and the first sealed row links to it. */
async function computedHeadThrough(db: Db, lastId: number): Promise<string> {
  let head = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: { id: { gt: after, lte: lastId } },
      orderBy: { id: 'asc' },
      take: VERIFY_PAGE,
    });
    if (rows.length === 0) return head;
    for (const row of rows) head = row.hash ?? auditRowHash(row, head);
    after = rows.at(-1)!.id;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as the database gives it back, so the hash computed now is the hash recomputed later: a NUL ends the string
 * where the SQLite driver reads it, and a lone surrogate has no UTF-8 form. Both come only from hostile or broken
 * requests (a path with %00); they are kept visible, escaped.
 */
function storableText(value: string): string {
  return value.replace(/\0/g, '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}

function storableContent(content: TAuditRowContent): TAuditRowContent {
  const row: Record<string, unknown> = { ...content };
  for (const [key, value] of Object.entries(row))
    if (typeof value === 'string') row[key] = storableText(value);
  return row as TAuditRowContent;
}

async function appendOnce(db: Db, content: TAuditRowContent): Promise<AuditLog> {
  const last = await db.auditLog.findFirst({ orderBy: { id: 'desc' } });
  const prevHash = last === null ? GENESIS_HASH : (last.hash ?? (await computedHeadThrough(db, last.id)));
  const row = { ...storableContent(content), id: (last?.id ?? 0) + 1, at: new Date() };
  return db.auditLog.create({ data: { ...row, prevHash, hash: auditRowHash(row, prevHash) } });
}

/** One queue per database client: this process's appends never race each other. */
const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * Appends one row to the hash chain. Appends of this process are serialised (a queue); another process appending at
 * the same moment makes one of the two inserts fail on the unique id or prevHash, and that one reads the new head and
 * tries again, so the chain never forks.
 */
export function appendAuditRow(db: Db, content: TAuditRowContent): Promise<AuditLog> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await appendOnce(db, content);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  });
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

export interface TAuditChainHead {
  /** Id of the last row (0 for an empty log). */
  id: number;
  hash: string;
  rows: number;
}

export interface TAuditChainBreak {
  id: number;
  /** content: the row's columns no longer give its hash; link: it does not follow the row before (changed or gone). */
  reason: 'content' | 'link' | 'unsealed';
  message: string;
}

export interface TAuditChainReport {
  ok: boolean;
  checkedAt: string;
  rows: number;
  /** Rows from before the chain existed (no stored hash), chained by computation. */
  legacyRows: number;
  head: TAuditChainHead;
  firstBroken?: TAuditChainBreak;
}

function checkRow(row: AuditLog, prev: string, sealedBefore: boolean): TAuditChainBreak | undefined {
  if (row.hash === null)
    return sealedBefore
      ? { id: row.id, reason: 'unsealed', message: `row ${row.id} has no hash after the chain began` }
      : undefined;
  if (row.prevHash !== prev)
    return {
      id: row.id,
      reason: 'link',
      message: `row ${row.id} does not follow the row before it: that row was changed or removed`,
    };
  if (auditRowHash(row, prev) !== row.hash)
    return { id: row.id, reason: 'content', message: `row ${row.id} was changed after it was written` };
  return undefined;
}

/** Walks the whole log in id order and names the first row that breaks the chain. */
export async function verifyAuditChain(db: Db): Promise<TAuditChainReport> {
  const checkedAt = new Date().toISOString();
  let prev = GENESIS_HASH;
  let rows = 0;
  let legacyRows = 0;
  let lastId = 0;
  let after = 0;
  for (;;) {
    const page = await db.auditLog.findMany({
      where: { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: VERIFY_PAGE,
    });
    if (page.length === 0) break;
    for (const row of page) {
      const broken = checkRow(row, prev, rows > legacyRows);
      if (broken !== undefined) {
        const head = await chainHead(db);
        return { ok: false, checkedAt, rows: head.rows, legacyRows, head, firstBroken: broken };
      }
      if (row.hash === null) legacyRows += 1;
      prev = row.hash ?? auditRowHash(row, prev);
      rows += 1;
      lastId = row.id;
    }
    after = lastId;
  }
  return { ok: true, checkedAt, rows, legacyRows, head: { id: lastId, hash: prev, rows } };
}

/** The last row's id and hash: what an export records so a later export shows nothing before it was rewritten. */
export async function chainHead(db: Db): Promise<TAuditChainHead> {
  const [last, rows] = await Promise.all([
    db.auditLog.findFirst({ orderBy: { id: 'desc' } }),
    db.auditLog.count(),
  ]);
  if (last === null) return { id: 0, hash: GENESIS_HASH, rows: 0 };
  return { id: last.id, hash: last.hash ?? (await computedHeadThrough(db, last.id)), rows };
}
