import { normalizeActorId } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';
import type { TProjector } from './projection.types';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** What every kind's pending items carry into the inbox's rows. */
export interface TProjectedItem {
  key: string;
  kind: string;
  assigneeRole: string;
  openToRole?: string;
  subject: { revision?: number; sku?: string; name?: string; reason?: string };
  assignees: readonly string[];
  escalateTo: readonly string[];
  since: string;
  dueAt: string;
  remindersSent: number;
  escalated: boolean;
}

/** The read-model table of one kind (StreamRecord, CampaignRecord), as the projector uses it. */
interface TRecordTable {
  findUnique(args: {
    where: { id: string };
    select: Record<string, true>;
  }): Promise<{ stateVersion?: number; stateJson?: string; id?: string } | null>;
  updateMany(args: {
    where: { id: string; stateVersion: { lt: number } };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  create(args: { data: Record<string, unknown> }): Promise<unknown>;
}

/**
 * A kind's read model: the record's list columns beside its state, and its PendingItem rows for the inbox. The
 * engine folds, versions and writes (a newer version is never overwritten; the pending rows are replaced with the
 * state's); the kind says which table, which columns, which items, and who each item's people are as logins.
 */
export interface TProjectionDefinition<TState, TEvent, TItem extends TProjectedItem> {
  kind: string;
  table(db: Db | Tx): unknown;
  replay(events: readonly TEvent[]): TState;
  apply(state: TState, event: TEvent): TState;
  versionOf(state: TState): number;
  /** The workflow's id, title and zone as the inbox shows them. */
  identity(state: TState): { workflowId: string; title: string; timeZone: string };
  /** The list columns, judged at `now` (the last event's time: deterministic, what the workflow saw then). */
  columns(state: TState, items: readonly TItem[], now: string): Record<string, unknown>;
  items(state: TState, now: string): TItem[];
  updatedAt(state: TState): string;
  /** Every login a person on an item stands for, lowercased as the inbox matches actors. */
  actorKeys(state: TState, ids: readonly string[]): string[];
}

const tableOf = (definition: { table(db: Db | Tx): unknown }, db: Db | Tx) =>
  definition.table(db) as TRecordTable;

function itemRow(
  identity: { workflowId: string; title: string; timeZone: string },
  kind: string,
  item: TProjectedItem,
) {
  return {
    workflowId: identity.workflowId,
    workflowKind: kind,
    workflowTitle: identity.title,
    timeZone: identity.timeZone,
    itemKey: item.key,
    kind: item.kind,
    assigneeRole: item.assigneeRole,
    openToRole: item.openToRole ?? null,
    revision: item.subject.revision ?? null,
    sku: item.subject.sku ?? null,
    subjectName: item.subject.name ?? null,
    reason: item.subject.reason?.slice(0, 500) ?? null,
    since: new Date(item.since),
    dueAt: new Date(item.dueAt),
    remindersSent: item.remindersSent,
    escalated: item.escalated,
  };
}

export function defineProjector<TState, TEvent, TItem extends TProjectedItem>(
  definition: TProjectionDefinition<TState, TEvent, TItem>,
): (db: Db) => TProjector {
  return (db) => ({
    async load(workflowId) {
      const row = await tableOf(definition, db).findUnique({
        where: { id: workflowId },
        select: { stateVersion: true, stateJson: true },
      });
      // Version 0 is the API's placeholder at creation: not a state to fold onto.
      if (row === null || !row.stateVersion || row.stateJson === undefined) return { version: 0 };
      return { version: row.stateVersion, state: JSON.parse(row.stateJson) as TState };
    },

    fold(state, events) {
      const typed = events as TEvent[];
      return state === undefined ? definition.replay(typed) : typed.reduce(definition.apply, state as TState);
    },

    versionOf: (state) => definition.versionOf(state as TState),

    async save(workflowId, raw) {
      const state = raw as TState;
      const version = definition.versionOf(state);
      const now = definition.updatedAt(state);
      const items = definition.items(state, now);
      const columns = {
        ...definition.columns(state, items, now),
        pendingApprovals: items.length,
        stateVersion: version,
        stateJson: JSON.stringify(state),
      };
      const identity = definition.identity(state);
      await db.$transaction(async (tx) => {
        const table = tableOf(definition, tx);
        const updated = await table.updateMany({
          where: { id: workflowId, stateVersion: { lt: version } },
          data: columns,
        });
        if (updated.count === 0) {
          const exists = await table.findUnique({ where: { id: workflowId }, select: { id: true } });
          // Already there with the same or a newer version: nothing to do.
          if (exists !== null) return;
          await table.create({ data: { id: workflowId, ...columns } });
        }
        await tx.pendingItem.deleteMany({ where: { workflowId } });
        for (const item of items) {
          const actors = [
            ...definition
              .actorKeys(state, item.assignees)
              .map((actorId) => ({ actorId, relation: 'assignee' })),
            ...(item.escalated
              ? definition
                  .actorKeys(state, item.escalateTo)
                  .map((actorId) => ({ actorId, relation: 'escalation' }))
              : []),
          ];
          const unique = [...new Map(actors.map((a) => [`${a.actorId}|${a.relation}`, a])).values()];
          await tx.pendingItem.create({
            data: { ...itemRow(identity, definition.kind, item), actors: { create: unique } },
          });
        }
      });
    },
  });
}

/** Logins as they are: the ids lowercased (a kind whose people have no other login). */
export const idsAsLogins = (_state: unknown, ids: readonly string[]): string[] => [
  ...new Set(ids.map(normalizeActorId)),
];
