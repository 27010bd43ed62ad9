import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TStreamKpis } from '../../domain/campaign/events.types';
import type { TChildCommandName } from '../../domain/campaign/events.types';
import { totalsFromSeries } from '../../domain/review/kpi-aggregates';
import type { TActor } from '../../domain/shared/actor.types';
import { DOMAIN_ERROR_CODES } from '../../domain/shared/errors';
import type { TStreamPhase } from '../../domain/stream/phases';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { STREAM_UPDATES } from '../../workflows/stream/messages';
import { readStreamSeries } from '../analytics/metric-store';

export interface CommandStreamInput {
  /** The Update's id: a retried activity or a replayed campaign re-sends the same command, and it is applied once. */
  commandId: string;
  workflowId: string;
  action: TChildCommandName;
  input: Record<string, unknown>;
  actor: TActor;
  /** Tried in order when the stream refuses the action for its phase (INVALID_PHASE): "stop" as the stream is now. */
  fallbacks?: TChildCommandName[];
}

export type CommandStreamResult = { ok: true; phase: string } | { ok: false; code: string; reason: string };

export interface RollupCampaignInput {
  streams: Array<{ key: string; workflowId: string }>;
}

export interface RollupCampaignResult {
  /** Each stream's own totals (what its review reports): the campaign's numbers are their sums. */
  perStream: Record<string, TStreamKpis>;
  /** Each stream's phase as the read model has it (undefined: not projected yet). */
  phases: Record<string, TStreamPhase | undefined>;
  /**
   * The state version each of those phases was read at: the read model lags the stream, so the campaign takes a phase
   * from here only when it is newer than what the stream itself told it. Absent in results recorded before.
   */
  versions?: Record<string, number>;
  /** Streams whose workflow closed without a signed review or a cancellation (failed, terminated, timed out). */
  closed: Record<string, string>;
}

const TERMINAL: readonly string[] = ['completed', 'cancelled'];

/** Per stream, the numbers a campaign adds up, from the same series and aggregation as the stream's review. */
export async function streamKpis(db: Db, streamId: string): Promise<TStreamKpis> {
  const totals = totalsFromSeries((await readStreamSeries(db, streamId)).points);
  return {
    gmv: totals.gmv ?? 0,
    orders: totals.orders ?? 0,
    participants: totals.peak_concurrent ?? 0,
    newFollowers: totals.new_followers ?? 0,
  };
}

/**
 * The campaign's reach into its streams: commands go through each stream's own action (its Update validators judge
 * them, as for a person), numbers come from the metric store, phases from the read model.
 */
export function createCampaignStreamActivities({
  db,
  logger,
  temporal,
}: {
  db: Db;
  logger: Logger;
  temporal?: Client;
}) {
  const client = () => {
    if (temporal === undefined)
      throw new Error('campaign activities need a Temporal client (the worker passes one)');
    return temporal;
  };

  return {
    async commandStream(input: CommandStreamInput): Promise<CommandStreamResult> {
      const actions = [input.action, ...(input.fallbacks ?? [])];
      let answer: CommandStreamResult = { ok: false, code: 'INVALID_INPUT', reason: 'no action' };
      for (const [index, action] of actions.entries()) {
        // The first attempt keeps the command's own id (a retry or a replay re-sends it once); each fallback its own.
        answer = await sendOne(
          { ...input, action },
          index === 0 ? input.commandId : `${input.commandId}:${action}`,
        );
        if (answer.ok || answer.code !== 'INVALID_PHASE') return answer;
      }
      return answer;
    },

    async rollupCampaign(input: RollupCampaignInput): Promise<RollupCampaignResult> {
      const ids = input.streams.map((s) => s.workflowId);
      const rows = await db.streamRecord.findMany({
        where: { id: { in: ids } },
        select: { id: true, phase: true, stateVersion: true },
      });
      const recordOf = new Map(rows.map((row) => [row.id, row]));
      const perStream: Record<string, TStreamKpis> = {};
      const phases: Record<string, TStreamPhase | undefined> = {};
      const versions: Record<string, number> = {};
      const closed: Record<string, string> = {};
      for (const { key, workflowId } of input.streams) {
        perStream[key] = await streamKpis(db, workflowId);
        const record = recordOf.get(workflowId);
        const phase = record?.phase as TStreamPhase | undefined;
        phases[key] = phase;
        if (record !== undefined) versions[key] = record.stateVersion;
        if (phase !== undefined && TERMINAL.includes(phase)) continue;
        // Not finished as far as the read model knows: ask Temporal whether its workflow is still running.
        try {
          const { status } = await client().workflow.getHandle(workflowId).describe();
          if (status.name !== 'RUNNING' && status.name !== 'COMPLETED' && status.name !== 'CONTINUED_AS_NEW')
            closed[key] = status.name;
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          closed[key] = 'NOT_FOUND';
        }
      }
      return { perStream, phases, versions, closed };
    },
  };

  async function sendOne(input: CommandStreamInput, updateId: string): Promise<CommandStreamResult> {
    const update = STREAM_UPDATES[input.action];
    if (update === undefined)
      return { ok: false, code: 'INVALID_INPUT', reason: `Unknown action ${input.action}` };
    try {
      const result = await client()
        .workflow.getHandle(input.workflowId)
        .executeUpdate(update, {
          args: [{ actor: input.actor, input: input.input, kind: 'stream' }],
          updateId,
        });
      return { ok: true, phase: result.phase };
    } catch (error) {
      // A refusal is an answer, not a failure to retry: the campaign puts it on its timeline.
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const code = error.cause.type ?? 'REFUSED';
        if ((DOMAIN_ERROR_CODES as readonly string[]).includes(code))
          return { ok: false, code, reason: error.cause.message };
      }
      if (error instanceof WorkflowNotFoundError)
        return { ok: false, code: 'NOT_FOUND', reason: `Stream ${input.workflowId} is not running` };
      logger.warn(
        { err: error, workflowId: input.workflowId, action: input.action },
        'stream command failed',
      );
      throw error;
    }
  }
}
