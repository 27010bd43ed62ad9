import {
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError, DOMAIN_ERROR_CODES, type TDomainErrorCode } from '../../domain/shared/errors';
import { parseStreamPlan } from '../../domain/stream/parse-plan';
import { pendingApprovals, streamDeadlines, type TPendingApproval } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import type { TStreamPhase } from '../../domain/stream/phases';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import { STREAM_ACTIONS, streamStateQuery, type StreamActionName } from '../../workflows/stream/messages';
import type { streamWorkflow } from '../../workflows/stream/stream-workflow';

const GRPC_NOT_FOUND = 5;

export interface StreamSummary {
  id: string;
  title: string;
  owner: string;
  phase: string;
  scheduledStart: string;
  pendingApprovals: number;
  updatedAt: string;
}

export interface StreamListFilter {
  phase?: TStreamPhase;
  owner?: string;
  /** Scheduled start on or after / before (ISO instants). */
  from?: string;
  to?: string;
  pending?: boolean;
  limit?: number;
}

export interface ApprovalItem extends TPendingApproval {
  streamId: string;
  streamTitle: string;
}

/**
 * What the API and the web UI do with streams, in one place: start a workflow from a plan, list the read model, read
 * the live state, and run a human action as a Workflow Update. Domain refusals come back as DomainError with the
 * workflow validator's code, so HTTP and HTML map them the same way.
 */
export interface StreamDetail {
  state: TStreamState;
  deadlines: ReturnType<typeof streamDeadlines>;
  pendingApprovals: TPendingApproval[];
}

function describeState(state: TStreamState): StreamDetail {
  const now = new Date().toISOString();
  return { state, deadlines: streamDeadlines(state, now), pendingApprovals: pendingApprovals(state, now) };
}

export function createStreamService(deps: { temporal: Client; db: Db; config: Config }) {
  const { temporal, db, config } = deps;
  const handle = (id: string) => temporal.workflow.getHandle<typeof streamWorkflow>(id);

  async function exists(id: string): Promise<boolean> {
    try {
      await handle(id).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  async function getStream(id: string): Promise<TStreamState> {
    try {
      return await handle(id).query(streamStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No stream ${id}`);
      throw error;
    }
  }

  return {
    async createStream(actor: TActor, planInput: unknown, requestedId?: string): Promise<TStreamState> {
      const plan = parseStreamPlan(planInput);
      const id = requestedId ?? `stream-${randomUUID()}`;
      try {
        await temporal.workflow.start('streamWorkflow', {
          taskQueue: config.temporal.taskQueue,
          workflowId: id,
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
          throw new DomainError('ALREADY_DECIDED', `A stream with id ${id} already exists`);
        throw error;
      }
      return getStream(id);
    },

    getStream,

    /** The state with what the UI and API show beside it: deadlines and pending approvals, as of now. */
    async describeStream(id: string): Promise<StreamDetail> {
      return describeState(await getStream(id));
    },

    describeState,

    async listStreams(filter: StreamListFilter = {}): Promise<StreamSummary[]> {
      const rows = await db.streamRecord.findMany({
        where: {
          ...(filter.phase ? { phase: filter.phase } : {}),
          ...(filter.owner ? { owner: filter.owner } : {}),
          ...(filter.pending === undefined
            ? {}
            : filter.pending
              ? { pendingApprovals: { gt: 0 } }
              : { pendingApprovals: 0 }),
          ...(filter.from || filter.to
            ? {
                scheduledStart: {
                  ...(filter.from ? { gte: new Date(filter.from) } : {}),
                  ...(filter.to ? { lt: new Date(filter.to) } : {}),
                },
              }
            : {}),
        },
        orderBy: { scheduledStart: 'asc' },
        take: Math.min(filter.limit ?? 200, 500),
      });
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        owner: r.owner,
        phase: r.phase,
        scheduledStart: r.scheduledStart.toISOString(),
        pendingApprovals: r.pendingApprovals,
        updatedAt: r.updatedAt.toISOString(),
      }));
    },

    async act(id: string, action: StreamActionName, actor: TActor, input: unknown): Promise<TStreamState> {
      try {
        return await handle(id).executeUpdate(STREAM_ACTIONS[action], { args: [{ actor, input }] });
      } catch (error) {
        // An Update to a closed workflow is answered "not found" too: tell a finished stream from a missing one.
        if (error instanceof WorkflowNotFoundError && (await exists(id)))
          throw new DomainError('INVALID_PHASE', `Stream ${id} has finished; nothing changes after that`);
        throw toDomainError(error, id);
      }
    },

    /** What waits on this person: pending approvals of the streams that have any, assignee or escalation target. */
    async approvalsFor(actor: TActor): Promise<ApprovalItem[]> {
      const rows = await db.streamRecord.findMany({ where: { pendingApprovals: { gt: 0 } }, take: 500 });
      const now = new Date().toISOString();
      const mine = (item: TPendingApproval) =>
        actor.roles.includes('admin') ||
        item.assignees.some((a) => a.toLowerCase() === actor.id.toLowerCase()) ||
        item.escalateTo.some((a) => a.toLowerCase() === actor.id.toLowerCase()) ||
        (item.kind !== 'checklist' && item.kind !== 'review_signoff' && actor.roles.includes('reviewer')) ||
        (item.kind === 'review_signoff' && actor.roles.includes('manager'));
      return rows.flatMap((row) => {
        const state = JSON.parse(row.stateJson) as TStreamState;
        return pendingApprovals(state, now)
          .filter(mine)
          .map((item) => ({ ...item, streamId: row.id, streamTitle: row.title }));
      });
    },

    /** The workflow's Temporal event history as JSON, for auditors. */
    async history(id: string): Promise<unknown> {
      try {
        const history = await handle(id).fetchHistory();
        return history;
      } catch (error) {
        // fetchHistory passes the raw gRPC error through: 5 is NOT_FOUND.
        if (
          error instanceof WorkflowNotFoundError ||
          (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)
        )
          throw new DomainError('NOT_FOUND', `No stream ${id}`);
        throw error;
      }
    },
  };
}

export type StreamService = ReturnType<typeof createStreamService>;

function toDomainError(error: unknown, id: string): unknown {
  if (error instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', `No stream ${id}`);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = error.cause.type as TDomainErrorCode;
    if ((DOMAIN_ERROR_CODES as readonly string[]).includes(code)) {
      return new DomainError(code, error.cause.message, error.cause.details?.[0]);
    }
  }
  return error;
}
