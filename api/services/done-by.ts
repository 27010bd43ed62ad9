import type { TActor } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';

export interface DoneItem {
  workflowId: string;
  seq: number;
  type: string;
  at: string;
}

/**
 * What this person did lately, newest first: the events of every workflow their actions produced (the event store
 * records who acted). Ids are matched as written and lowercased, as people sign in with either.
 */
export async function doneBy(db: Db, actor: TActor, limit: number): Promise<DoneItem[]> {
  const ids = [...new Set([actor.id, actor.id.trim().toLowerCase()])];
  const rows = await db.workflowEvent.findMany({
    where: { actorId: { in: ids } },
    orderBy: { at: 'desc' },
    take: limit,
    select: { workflowId: true, seq: true, type: true, at: true },
  });
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
