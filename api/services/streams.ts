import { streamListColumns } from '../../domain/stream/list-columns';
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assertMayCreateStream, STREAM_ACTIONS, type TStreamActionDef } from '../../domain/stream/actions';
import { DomainError } from '../../domain/shared/errors';
import { workflowErrorToDomain } from './workflow-errors';
import type { TActor } from '../../domain/shared/actor.types';
import { parseStreamPlan } from '../../domain/stream/parse-plan';
import { pendingItems } from '../../domain/stream/pending-items';
import { applyStreamEvent, initialStreamState } from '../../domain/stream/reducer';
import { streamDeadlines } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { TActionResult } from '../../workflows/engine/action-updates';
import { STREAM_UPDATES, streamStateQuery } from '../../workflows/stream/messages';
import type { streamWorkflow } from '../../workflows/stream/stream-workflow';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../../workflows/search-attributes';
import { listStreams, pendingFor } from './stream-lists';
import { listStreamsFromVisibility } from './stream-visibility';
import { latestHistoryJson } from '../audit/history-source';

/** The state with what the UI and API show beside it: deadlines and pending items, as of now. */
export interface StreamDetail {
  id: string;
  state: TStreamState;
  deadlines: ReturnType<typeof streamDeadlines>;
  pendingItems: ReturnType<typeof pendingItems>;
}

function describeState(state: TStreamState, now = new Date().toISOString()): StreamDetail {
  return {
    id: state.streamId,
    state,
    deadlines: streamDeadlines(state, now),
    pendingItems: pendingItems(state, now),
  };
}

/**
 * What the API and the web UI do with streams, in one place: start a workflow from a plan, list the read model, read
 * the live state, and run a human action as a Workflow Update. Domain refusals come back as DomainError with the
 * workflow validator's code, so HTTP and HTML map them the same way.
 */
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

  /** The read model's row at once, so lists show the stream before its first projection lands (version 0). */
  async function placeholderRow(state: TStreamState): Promise<void> {
    await db.streamRecord.create({
      data: {
        id: state.streamId,
        ...streamListColumns(state, state.updatedAt),
        stateVersion: 0,
        stateJson: JSON.stringify(state),
      },
    });
  }

  return {
    /**
     * Starts the workflow and answers from what was started: the same reducer computes the state the workflow begins
     * with, so creating a stream costs one start, not a start and a query. Ids are never reused, also not after a
     * stream finished: its history and read model stay that stream's.
     */
    async createStream(actor: TActor, planInput: unknown, requestedId?: string): Promise<StreamDetail> {
      assertMayCreateStream(actor);
      const plan = parseStreamPlan(planInput);
      const id = requestedId ?? `stream-${randomUUID()}`;
      try {
        await temporal.workflow.start('streamWorkflow', {
          taskQueue: config.temporal.taskQueue,
          workflowId: id,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          // For visibility-backed lists (stream-visibility.ts): what a list shows beside the search attributes.
          memo: { title: plan.title, timeZone: plan.timeZone },
          typedSearchAttributes: [
            { key: SA_KIND, value: 'stream' },
            { key: SA_PHASE, value: 'compliance' },
            { key: SA_OWNER, value: plan.owner },
            { key: SA_SCHEDULED_START, value: new Date(plan.scheduledStart) },
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
          throw new DomainError('ALREADY_DECIDED', `A stream with id ${id} exists (ids are never reused)`);
        throw error;
      }
      const at = new Date().toISOString();
      const state = applyStreamEvent(initialStreamState(id, plan, at, actor), {
        type: 'ScriptSubmitted',
        at,
        actor,
        revision: 1,
        segments: plan.script,
        submittedBy: actor.id,
      });
      await placeholderRow(state).catch(() => undefined); // the projection writes it anyway
      return describeState(state, at);
    },

    getStream,

    async describeStream(id: string): Promise<StreamDetail> {
      return describeState(await getStream(id));
    },

    describeState,

    listStreams: (filter: Parameters<typeof listStreams>[1]) => listStreams(db, filter),
    listStreamsFromVisibility: (filter: Parameters<typeof listStreamsFromVisibility>[1]) =>
      listStreamsFromVisibility(temporal, filter),
    pendingFor: (actor: TActor, filter: Parameters<typeof pendingFor>[2]) => pendingFor(db, actor, filter),

    /** Runs one action as a Workflow Update; the domain (the Update's validator) decides who may and when. */
    async act(id: string, action: TStreamActionDef, actor: TActor, input: unknown): Promise<TActionResult> {
      const update = STREAM_UPDATES[action.name]!;
      try {
        return await handle(id).executeUpdate(update, { args: [{ actor, input, kind: 'stream' }] });
      } catch (error) {
        // An Update to a closed workflow is answered "not found" too: tell a finished stream from a missing one.
        if (error instanceof WorkflowNotFoundError && (await exists(id)))
          throw new DomainError('INVALID_PHASE', `Stream ${id} has finished; nothing changes after that`);
        throw workflowErrorToDomain(error, 'stream', id);
      }
    },

    /** The latest run's history in Temporal's JSON (api/audit/history-source.ts, the same for every kind). */
    history: (id: string): Promise<string> => latestHistoryJson(temporal, 'stream', id),

    actions: STREAM_ACTIONS,
  };
}

export type StreamService = ReturnType<typeof createStreamService>;
