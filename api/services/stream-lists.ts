import { normalizeActorId, type TActor, type TAppRole } from '../../domain/shared/actor.types';
import type { TStreamPhase } from '../../domain/stream/phases';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../runtime/db';
import { decodeCursor, encodeCursor } from '../http/cursor';

export interface StreamSummary {
  id: string;
  title: string;
  owner: string;
  phase: string;
  scheduledStart: string;
  timeZone: string;
  paused: boolean;
  nextDeadline: { kind: string; at: string } | null;
  pendingItems: number;
  /** How its workflow closed outside liveops (terminated, timed out, failed), if it did: `phase` is where it stopped. */
  closedAs: string | null;
  updatedAt: string;
}

export interface StreamListFilter {
  phase?: TStreamPhase;
  owner?: string;
  /** Scheduled start on or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** true: only streams waiting on someone; false: only those that are not. */
  pending?: boolean;
  /** Only streams with an item waiting for this person. */
  pendingFor?: TActor;
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const LIST_COLUMNS = {
  id: true,
  title: true,
  owner: true,
  phase: true,
  scheduledStart: true,
  timeZone: true,
  paused: true,
  nextDeadlineAt: true,
  nextDeadlineKind: true,
  pendingApprovals: true,
  closedAs: true,
  updatedAt: true,
} as const satisfies Prisma.StreamRecordSelect;

/** Items that wait on this person: named on them, escalated to them, or open to a role they hold (admin: all). */
function waitingOn(actor: TActor): Prisma.PendingItemWhereInput {
  if (actor.roles.includes('admin')) return {};
  const id = normalizeActorId(actor.id);
  return {
    OR: [{ actors: { some: { actorId: id } } }, { openToRole: { in: actor.roles as TAppRole[] } }],
  };
}

/** Streams by scheduled start (then id), from indexed list columns only, a page at a time. */
export async function listStreams(db: Db, filter: StreamListFilter): Promise<Page<StreamSummary>> {
  const and: Prisma.StreamRecordWhereInput[] = [];
  if (filter.phase) and.push({ phase: filter.phase });
  if (filter.owner) and.push({ owner: filter.owner });
  if (filter.from) and.push({ scheduledStart: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ scheduledStart: { lt: new Date(filter.to) } });
  if (filter.pending !== undefined)
    and.push(filter.pending ? { pendingApprovals: { gt: 0 } } : { pendingApprovals: 0 });
  if (filter.pendingFor) {
    const rows = await db.pendingItem.findMany({
      where: waitingOn(filter.pendingFor),
      select: { workflowId: true },
      distinct: ['workflowId'],
    });
    and.push({ id: { in: rows.map((row) => row.workflowId) } });
  }
  if (filter.cursor) {
    const { sortValue, id } = decodeCursor(filter.cursor);
    const at = new Date(sortValue);
    and.push({ OR: [{ scheduledStart: { gt: at } }, { scheduledStart: at, id: { gt: id } }] });
  }
  const rows = await db.streamRecord.findMany({
    where: { AND: and },
    orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
    take: filter.limit + 1,
    select: LIST_COLUMNS,
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      owner: r.owner,
      phase: r.phase,
      scheduledStart: r.scheduledStart.toISOString(),
      timeZone: r.timeZone,
      paused: r.paused,
      nextDeadline:
        r.nextDeadlineAt && r.nextDeadlineKind
          ? { kind: r.nextDeadlineKind, at: r.nextDeadlineAt.toISOString() }
          : null,
      pendingItems: r.pendingApprovals,
      closedAs: r.closedAs,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor(last.scheduledStart.toISOString(), last.id) : null,
  };
}

export interface PendingWorkItem {
  workflowId: string;
  workflowKind: string;
  workflowTitle: string;
  timeZone: string;
  key: string;
  kind: string;
  assigneeRole: string;
  /** How it reached me: named on me, escalated to me, or open to my role. */
  relation: 'assignee' | 'escalation' | 'role';
  subject: { revision?: number; sku?: string; name?: string; reason?: string };
  since: string;
  dueAt: string;
  remindersSent: number;
  escalated: boolean;
}

export interface PendingFilter {
  kind?: string;
  workflowId?: string;
  /** Only items past their due time (as of `now`). */
  overdue?: boolean;
  now?: string;
  limit: number;
  cursor?: string;
}

/** What waits on this person, soonest due first, a page at a time. */
export async function pendingFor(
  db: Db,
  actor: TActor,
  filter: PendingFilter,
): Promise<Page<PendingWorkItem>> {
  const me = normalizeActorId(actor.id);
  const and: Prisma.PendingItemWhereInput[] = [waitingOn(actor)];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.workflowId) and.push({ workflowId: filter.workflowId });
  if (filter.overdue) and.push({ dueAt: { lt: new Date(filter.now ?? new Date().toISOString()) } });
  if (filter.cursor) {
    const { sortValue, id } = decodeCursor(filter.cursor);
    const at = new Date(sortValue);
    and.push({ OR: [{ dueAt: { gt: at } }, { dueAt: at, id: { gt: id } }] });
  }
  const rows = await db.pendingItem.findMany({
    where: { AND: and },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: filter.limit + 1,
    include: { actors: { where: { actorId: me }, select: { relation: true } } },
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      workflowId: r.workflowId,
      workflowKind: r.workflowKind,
      workflowTitle: r.workflowTitle,
      timeZone: r.timeZone,
      key: r.itemKey,
      kind: r.kind,
      assigneeRole: r.assigneeRole,
      relation: r.actors.some((a) => a.relation === 'assignee')
        ? 'assignee'
        : r.actors.some((a) => a.relation === 'escalation')
          ? 'escalation'
          : 'role',
      subject: {
        ...(r.revision === null ? {} : { revision: r.revision }),
        ...(r.sku === null ? {} : { sku: r.sku }),
        ...(r.subjectName === null ? {} : { name: r.subjectName }),
        ...(r.reason === null ? {} : { reason: r.reason }),
      },
      since: r.since.toISOString(),
      dueAt: r.dueAt.toISOString(),
      remindersSent: r.remindersSent,
      escalated: r.escalated,
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.dueAt.toISOString(), last.id) : null,
  };
}

/** How many items wait on this person (the nav badge): one COUNT over the same indexed join. */
export async function countPendingFor(db: Db, actor: TActor): Promise<number> {
  return db.pendingItem.count({ where: waitingOn(actor) });
}

/** The streams and campaigns with something waiting on this person (the inbox's filter), by title. */
export async function pendingWorkflowsFor(
  db: Db,
  actor: TActor,
): Promise<Array<{ id: string; title: string }>> {
  const rows = await db.pendingItem.findMany({
    where: waitingOn(actor),
    distinct: ['workflowId'],
    select: { workflowId: true, workflowTitle: true },
    orderBy: { workflowTitle: 'asc' },
    take: 200,
  });
  return rows.map((row) => ({ id: row.workflowId, title: row.workflowTitle }));
}
