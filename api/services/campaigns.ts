import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  assertMayCreateCampaign,
  CAMPAIGN_ACTIONS,
  type TCampaignActionDef,
} from '../../domain/campaign/actions';
import { campaignNextDeadline } from '../../domain/campaign/deadlines';
import { campaignListColumns } from '../../domain/campaign/list-columns';
import { campaignPendingItems } from '../../domain/campaign/pending-items';
import { parseCampaignPlan } from '../../domain/campaign/plan.schema';
import { initialCampaignState } from '../../domain/campaign/reducer';
import { campaignPlanStartingAt, type TCampaignTemplatePlan } from '../../domain/campaign/campaign-template';
import { campaignPlanInputFromState } from '../../domain/campaign/reuse';
import { resolveNewStart } from '../../domain/templates/new-start';
import type { TCampaignState } from '../../domain/campaign/state.types';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError } from '../../domain/shared/errors';
import { workflowErrorToDomain } from './workflow-errors';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { TActionResult } from '../../workflows/engine/action-updates';
import { CAMPAIGN_UPDATES, campaignStateQuery } from '../../workflows/campaign/messages';
import type { campaignWorkflow } from '../../workflows/campaign/campaign-workflow';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../../workflows/search-attributes';
import { campaignCalendar, listCampaigns } from './campaign-lists';
import { withTemplatePlans } from './campaign-template-refs';
import { latestHistoryJson } from '../audit/history-source';

export interface CampaignDetail {
  id: string;
  state: TCampaignState;
  pendingItems: ReturnType<typeof campaignPendingItems>;
  nextDeadline: ReturnType<typeof campaignNextDeadline> | null;
}

function describe(state: TCampaignState, now = new Date().toISOString()): CampaignDetail {
  return {
    id: state.campaignId,
    state,
    pendingItems: campaignPendingItems(state, now),
    nextDeadline: campaignNextDeadline(state, now) ?? null,
  };
}

/** What the API and the web UI do with campaigns: start, read, list, act, clone, and the calendar of their streams. */
export function createCampaignService(deps: { temporal: Client; db: Db; config: Config }) {
  const { temporal, db, config } = deps;
  const handle = (id: string) => temporal.workflow.getHandle<typeof campaignWorkflow>(id);

  async function exists(id: string): Promise<boolean> {
    try {
      await handle(id).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  async function getCampaign(id: string): Promise<TCampaignState> {
    try {
      return await handle(id).query(campaignStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        // A finished campaign's workflow may be gone from the cache but not from the read model.
        const row = await db.campaignRecord.findUnique({
          where: { id },
          select: { stateJson: true, stateVersion: true },
        });
        if (row !== null && row.stateVersion > 0) return JSON.parse(row.stateJson) as TCampaignState;
        throw new DomainError('NOT_FOUND', `No campaign ${id}`);
      }
      throw error;
    }
  }

  /** The read model's row at once, so the board shows the campaign before its first projection lands (version 0). */
  async function placeholderRow(state: TCampaignState): Promise<void> {
    await db.campaignRecord.create({
      data: {
        id: state.campaignId,
        ...campaignListColumns(state, state.updatedAt),
        pendingApprovals: campaignPendingItems(state, state.updatedAt).length,
        stateVersion: 0,
        stateJson: JSON.stringify(state),
      },
    });
  }

  async function createCampaign(
    actor: TActor,
    planInput: unknown,
    requestedId?: string,
  ): Promise<CampaignDetail> {
    assertMayCreateCampaign(actor);
    const plan = parseCampaignPlan(await withTemplatePlans(db, planInput));
    const id = requestedId ?? `campaign-${randomUUID()}`;
    try {
      await temporal.workflow.start('campaignWorkflow', {
        taskQueue: config.temporal.taskQueue,
        workflowId: id,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
        memo: { title: plan.name, timeZone: plan.timeZone },
        typedSearchAttributes: [
          { key: SA_KIND, value: 'campaign' },
          { key: SA_PHASE, value: 'approval' },
          { key: SA_OWNER, value: plan.owner },
          { key: SA_SCHEDULED_START, value: new Date(plan.windows.preheatStart) },
        ],
        args: [
          {
            plan,
            createdBy: actor,
            settings: { publicBaseUrl: config.publicBaseUrl, locale: config.notifyLocale },
          },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw new DomainError('ALREADY_EXISTS', `A campaign with id ${id} exists (ids are never reused)`);
      throw error;
    }
    const state = initialCampaignState(id, plan, new Date().toISOString(), actor);
    await placeholderRow(state).catch(() => undefined); // the projection writes it anyway
    return describe(state);
  }

  return {
    createCampaign,

    async describeCampaign(id: string): Promise<CampaignDetail> {
      return describe(await getCampaign(id));
    },

    getCampaign,

    listCampaigns: (filter: Parameters<typeof listCampaigns>[1]) => listCampaigns(db, filter),

    calendar: (range: Parameters<typeof campaignCalendar>[1]) => campaignCalendar(db, range),

    async act(id: string, action: TCampaignActionDef, actor: TActor, input: unknown): Promise<TActionResult> {
      try {
        return await handle(id).executeUpdate(CAMPAIGN_UPDATES[action.name]!, {
          args: [{ actor, input, kind: 'campaign' }],
        });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError && (await exists(id)))
          throw new DomainError('INVALID_PHASE', `Campaign ${id} has finished; nothing changes after that`);
        throw workflowErrorToDomain(error, 'campaign', id);
      }
    },

    /**
     * A new campaign from an existing one with its dates moved by whole days (local wall-clock times kept): last
     * year's 618 on this year's calendar. It starts in approval like any new plan.
     */
    async cloneCampaign(
      actor: TActor,
      sourceId: string,
      options: { startOn: string; name?: string; id?: string },
    ): Promise<CampaignDetail> {
      const source = await getCampaign(sourceId);
      const input = campaignPlanInputFromState(source) as TCampaignTemplatePlan;
      const start = resolveNewStart(source.windows.preheatStart, source.plan.timeZone, {
        date: options.startOn,
      });
      const shifted = campaignPlanStartingAt(input, start);
      return createCampaign(
        actor,
        { ...shifted, ...(options.name === undefined ? {} : { name: options.name }), owner: actor.id },
        options.id,
      );
    },

    /** The plan a clone or a template starts from (the campaign as it last stood). */
    async planOf(id: string): Promise<Record<string, unknown>> {
      return campaignPlanInputFromState(await getCampaign(id));
    },

    /** The latest run's history in Temporal's JSON (api/audit/history-source.ts, the same for every kind). */
    history: (id: string): Promise<string> => latestHistoryJson(temporal, 'campaign', id),

    actions: CAMPAIGN_ACTIONS,
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
