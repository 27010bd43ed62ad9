import type { TCampaignEvent } from '../../domain/campaign/events.types';
import { campaignNextDeadline } from '../../domain/campaign/deadlines';
import { campaignPendingItems, type TCampaignPendingItem } from '../../domain/campaign/pending-items';
import { applyCampaignEvent, replayCampaign } from '../../domain/campaign/reducer';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { normalizeActorId } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';
import type { TProjector } from './projection.types';

function itemRow(state: TCampaignState, item: TCampaignPendingItem) {
  return {
    workflowId: state.campaignId,
    workflowKind: 'campaign',
    workflowTitle: state.plan.name,
    timeZone: state.plan.timeZone,
    itemKey: item.key,
    kind: item.kind,
    assigneeRole: item.assigneeRole,
    openToRole: item.openToRole ?? null,
    revision: item.subject.revision ?? null,
    sku: null,
    subjectName: item.subject.name ?? null,
    reason: item.subject.reason?.slice(0, 500) ?? null,
    since: new Date(item.since),
    dueAt: new Date(item.dueAt),
    remindersSent: item.remindersSent,
    escalated: item.escalated,
  };
}

/** The campaign read model: CampaignRecord (board and calendar columns, the state) and its PendingItem rows. */
export function createCampaignProjector(db: Db): TProjector {
  return {
    async load(workflowId) {
      const row = await db.campaignRecord.findUnique({
        where: { id: workflowId },
        select: { stateVersion: true, stateJson: true },
      });
      if (row === null || row.stateVersion === 0) return { version: 0 };
      return { version: row.stateVersion, state: JSON.parse(row.stateJson) as TCampaignState };
    },

    fold(state, events) {
      const typed = events as TCampaignEvent[];
      return state === undefined
        ? replayCampaign(typed)
        : typed.reduce(applyCampaignEvent, state as TCampaignState);
    },

    versionOf: (state) => (state as TCampaignState).version,

    async save(workflowId, raw) {
      const state = raw as TCampaignState;
      // Judged at the last event's time: deterministic, and what the workflow saw then.
      const now = state.updatedAt;
      const items = campaignPendingItems(state, now);
      const next = campaignNextDeadline(state, now);
      const columns = {
        name: state.plan.name,
        owner: state.plan.owner,
        phase: state.phase,
        timeZone: state.plan.timeZone,
        preheatStart: new Date(state.windows.preheatStart),
        burstStart: new Date(state.windows.burstStart),
        burstEnd: new Date(state.windows.burstEnd),
        tailEnd: new Date(state.windows.tailEnd),
        paused: state.pause.pausedAt !== undefined,
        nextDeadlineAt: next === undefined ? null : new Date(next.at),
        nextDeadlineKind: next?.kind ?? null,
        pendingApprovals: items.length,
        streamCount: Object.keys(state.streams).length,
        stateVersion: state.version,
        stateJson: JSON.stringify(state),
      };
      await db.$transaction(async (tx) => {
        const updated = await tx.campaignRecord.updateMany({
          where: { id: workflowId, stateVersion: { lt: state.version } },
          data: columns,
        });
        if (updated.count === 0) {
          const exists = await tx.campaignRecord.findUnique({
            where: { id: workflowId },
            select: { id: true },
          });
          if (exists !== null) return;
          await tx.campaignRecord.create({ data: { id: workflowId, ...columns } });
        }
        await tx.pendingItem.deleteMany({ where: { workflowId } });
        for (const item of items) {
          const actors = [
            ...item.assignees.map((id) => ({ actorId: normalizeActorId(id), relation: 'assignee' })),
            ...(item.escalated
              ? item.escalateTo.map((id) => ({ actorId: normalizeActorId(id), relation: 'escalation' }))
              : []),
          ];
          const unique = [...new Map(actors.map((a) => [`${a.actorId}|${a.relation}`, a])).values()];
          await tx.pendingItem.create({ data: { ...itemRow(state, item), actors: { create: unique } } });
        }
      });
    },
  };
}
