import { WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import {
  CAMPAIGN_CANCELLED_PURPOSE,
  campaignRecipients,
  cancellationNotice,
  WHOLE_TEAM,
} from '../../domain/campaign/audience';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { notificationKey } from '../../domain/notify/notification-key';
import type { TActor } from '../../domain/shared/actor.types';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { commandStreamWithFallbacks } from '../campaigns/stream-commands';
import type { NotificationOutcome, NotificationRequest } from '../notify/notify-request.types';

/** How far back each pass looks: passes overlap, and marking is idempotent, so a worker down for days loses nothing. */
const LOOK_BACK_DAYS = 7;
const ABNORMAL = ['Terminated', 'TimedOut', 'Failed', 'Canceled'] as const;
const KINDS = { streamWorkflow: 'stream', campaignWorkflow: 'campaign' } as const;
const TERMINAL_PHASES = ['completed', 'cancelled'];

/** Who acts on a terminated campaign's streams: the system, on the campaign's behalf. */
const RECONCILER: TActor = { id: 'liveops:reconciler', name: 'liveops', roles: ['manager'] };

export interface ReconcileResult {
  /** Workflows that closed outside liveops and are marked so in the read model now. */
  marked: Array<{ workflowId: string; kind: 'stream' | 'campaign'; closedAs: string }>;
  /** Streams of terminated campaigns that were stopped (workflow ids). */
  stoppedStreams: string[];
}

/**
 * Brings the read model in line with workflows that closed without liveops seeing it (an operator's `temporal workflow
 * terminate`, a timeout, a workflow failure): the row says how it closed and stops waiting on anyone (its inbox items
 * go), and a campaign's streams are stopped as its cancel would stop them, its team told once (the same outbox key as
 * the workflow's own cancellation notice). Run by a Temporal Schedule (workflows/system/); idempotent.
 */
export function createReconcileActivities(deps: {
  db: Db;
  logger: Logger;
  config: Config;
  temporal?: Client;
  sendNotification: (request: NotificationRequest) => Promise<NotificationOutcome>;
}) {
  const { db, logger, config } = deps;

  async function closedOutsideLiveops(client: Client): Promise<WorkflowExecutionInfo[]> {
    const since = new Date(Date.now() - LOOK_BACK_DAYS * 24 * 3600_000).toISOString();
    const statuses = ABNORMAL.map((status) => `ExecutionStatus = '${status}'`).join(' OR ');
    const types = Object.keys(KINDS)
      .map((type) => `WorkflowType = '${type}'`)
      .join(' OR ');
    const found: WorkflowExecutionInfo[] = [];
    for await (const info of client.workflow.list({
      query: `(${statuses}) AND (${types}) AND CloseTime > '${since}'`,
    }))
      found.push(info);
    return found;
  }

  /**
   * The campaign's streams that are running now, asked of Temporal rather than read from the read model, which may
   * lag the campaign's last moments (a start it never shipped): the ids its plan gives them, and its children by
   * visibility (a stream added and never projected).
   */
  async function runningStreamsOf(
    client: Client,
    campaignId: string,
    state: TCampaignState,
  ): Promise<string[]> {
    const ids = new Set(Object.values(state.streams).map((stream) => stream.workflowId));
    for await (const child of client.workflow.list({
      query: `ParentWorkflowId = '${campaignId}' AND ExecutionStatus = 'Running'`,
    }))
      ids.add(child.workflowId);
    const running: string[] = [];
    for (const id of ids) {
      try {
        const { status } = await client.workflow.getHandle(id).describe();
        if (status.name === 'RUNNING') running.push(id);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    return running;
  }

  async function stopStreamsOf(client: Client, campaignId: string, state: TCampaignState, closedAs: string) {
    const stopped: string[] = [];
    const reason = `${state.plan.name}: its campaign's workflow was ${closedAs} outside liveops`.slice(
      0,
      2000,
    );
    for (const workflowId of await runningStreamsOf(client, campaignId, state)) {
      // As its campaign's cancel would: before live it is cancelled, live it ends early (whichever it is now).
      const answer = await commandStreamWithFallbacks(client, logger, {
        commandId: `${workflowId}:reconcile:stop`,
        workflowId,
        action: 'cancel',
        fallbacks: ['end-early'],
        input: { reason },
        actor: RECONCILER,
      });
      if (answer.ok) stopped.push(workflowId);
      else logger.info({ campaignId, workflowId, answer }, 'stream of a closed campaign not stopped');
    }
    await deps.sendNotification({
      key: notificationKey(campaignId, CAMPAIGN_CANCELLED_PURPOSE, 1),
      workflowId: campaignId,
      template: 'campaign_cancelled',
      locale: config.notifyLocale,
      recipients: campaignRecipients(state, { roles: WHOLE_TEAM, channels: true }),
      params: {
        streamTitle: state.plan.name,
        timeZone: state.plan.timeZone,
        ...cancellationNotice(state, reason, 'Temporal', `${config.publicBaseUrl}/campaigns/${campaignId}`),
      },
    });
    return stopped;
  }

  /** Marks the row (and drops what waited on it) if nothing has marked or finished it yet; false when it had. */
  async function mark(kind: 'stream' | 'campaign', workflowId: string, closedAs: string): Promise<boolean> {
    const where = { id: workflowId, closedAs: null, phase: { notIn: TERMINAL_PHASES } };
    const data = { closedAs, nextDeadlineAt: null, nextDeadlineKind: null, pendingApprovals: 0 };
    return db.$transaction(async (tx) => {
      const { count } =
        kind === 'stream'
          ? await tx.streamRecord.updateMany({ where, data })
          : await tx.campaignRecord.updateMany({ where, data });
      if (count > 0) await tx.pendingItem.deleteMany({ where: { workflowId } });
      return count > 0;
    });
  }

  return {
    async reconcileClosedWorkflows(): Promise<ReconcileResult> {
      if (deps.temporal === undefined) throw new Error('the reconciler needs a Temporal client');
      const client = deps.temporal;
      const result: ReconcileResult = { marked: [], stoppedStreams: [] };
      for (const info of await closedOutsideLiveops(client)) {
        const kind = KINDS[info.type as keyof typeof KINDS];
        const closedAs = info.status.name.toLowerCase();
        if (kind === 'campaign') {
          // Its streams first, then the mark: a pass that fails halfway is run again (commands and the notice are
          // keyed, so nobody is told or stopped twice), and a marked campaign is done.
          const record = await db.campaignRecord.findFirst({
            where: { id: info.workflowId, closedAs: null, phase: { notIn: TERMINAL_PHASES } },
          });
          if (record === null) continue;
          const state = JSON.parse(record.stateJson) as TCampaignState;
          result.stoppedStreams.push(...(await stopStreamsOf(client, info.workflowId, state, closedAs)));
        }
        if (!(await mark(kind, info.workflowId, closedAs))) continue;
        result.marked.push({ workflowId: info.workflowId, kind, closedAs });
        logger.warn({ workflowId: info.workflowId, kind, closedAs }, 'workflow closed outside liveops');
      }
      return result;
    },
  };
}
