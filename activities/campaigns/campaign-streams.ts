import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { TStreamKpis } from '../../domain/campaign/events.types';
import { totalsFromSeries } from '../../domain/review/kpi-aggregates';
import type { TStreamPhase } from '../../domain/stream/phases';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { readStreamSeries } from '../analytics/metric-store';
import {
  commandStreamWithFallbacks,
  type CommandStreamInput,
  type CommandStreamResult,
} from './stream-commands';

export type { CommandStreamInput, CommandStreamResult } from './stream-commands';

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
    commandStream: (input: CommandStreamInput): Promise<CommandStreamResult> =>
      commandStreamWithFallbacks(client(), logger, input),

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
}
