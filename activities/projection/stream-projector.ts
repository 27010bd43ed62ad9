import { normalizeActorId } from '../../domain/shared/actor.types';
import type { TStreamEvent } from '../../domain/stream/events.types';
import { nextDeadline } from '../../domain/stream/next-deadline';
import { pendingItems, type TPendingItem } from '../../domain/stream/pending-items';
import { applyStreamEvent, replayStream } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { teamMember } from '../../domain/stream/team';
import type { Db } from '../../runtime/db';
import type { TProjector } from './projection.types';

/** Every login a roster id stands for (the id and the member's email), lowercased, as the inbox matches actors. */
function actorKeys(state: TStreamState, ids: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const id of ids) {
    keys.add(normalizeActorId(id));
    const email = teamMember(state, id)?.email;
    if (email !== undefined) keys.add(normalizeActorId(email));
  }
  return [...keys];
}

function itemRow(state: TStreamState, item: TPendingItem) {
  return {
    workflowId: state.streamId,
    workflowKind: 'stream',
    workflowTitle: state.plan.title,
    timeZone: state.plan.timeZone,
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

/** The stream read model: StreamRecord (list columns and the state) and its PendingItem rows. */
export function createStreamProjector(db: Db): TProjector {
  return {
    async load(workflowId) {
      const row = await db.streamRecord.findUnique({
        where: { id: workflowId },
        select: { stateVersion: true, stateJson: true },
      });
      if (row === null) return { version: 0 };
      // Version 0 is the API's placeholder at creation: not a state to fold onto.
      if (row.stateVersion === 0) return { version: 0 };
      return { version: row.stateVersion, state: JSON.parse(row.stateJson) as TStreamState };
    },

    fold(state, events) {
      const typed = events as TStreamEvent[];
      return state === undefined
        ? replayStream(typed)
        : typed.reduce(applyStreamEvent, state as TStreamState);
    },

    versionOf: (state) => (state as TStreamState).version,

    async save(workflowId, raw) {
      const state = raw as TStreamState;
      // Deadlines are judged at the last event's time: deterministic, and what the workflow saw then.
      const now = state.updatedAt;
      const items = pendingItems(state, now);
      const next = nextDeadline(state, now);
      const columns = {
        title: state.plan.title,
        owner: state.plan.owner,
        phase: state.phase,
        scheduledStart: new Date(state.schedule.scheduledStart),
        timeZone: state.plan.timeZone,
        paused: state.schedule.pausedAt !== undefined,
        nextDeadlineAt: next === undefined ? null : new Date(next.at),
        nextDeadlineKind: next?.kind ?? null,
        pendingApprovals: items.length,
        stateVersion: state.version,
        stateJson: JSON.stringify(state),
        campaignId: state.campaign?.id ?? null,
        campaignKey: state.campaign?.key ?? null,
      };
      await db.$transaction(async (tx) => {
        const updated = await tx.streamRecord.updateMany({
          where: { id: workflowId, stateVersion: { lt: state.version } },
          data: columns,
        });
        if (updated.count === 0) {
          const exists = await tx.streamRecord.findUnique({
            where: { id: workflowId },
            select: { id: true },
          });
          // Already there with the same or a newer version: nothing to do.
          if (exists !== null) return;
          await tx.streamRecord.create({ data: { id: workflowId, ...columns } });
        }
        await tx.pendingItem.deleteMany({ where: { workflowId } });
        for (const item of items) {
          const actors = [
            ...actorKeys(state, item.assignees).map((actorId) => ({ actorId, relation: 'assignee' })),
            ...(item.escalated
              ? actorKeys(state, item.escalateTo).map((actorId) => ({ actorId, relation: 'escalation' }))
              : []),
          ];
          await tx.pendingItem.create({
            data: { ...itemRow(state, item), actors: { create: actors } },
          });
        }
      });
    },
  };
}
