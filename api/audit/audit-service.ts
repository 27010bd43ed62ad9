import type { Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { TPointInTime } from '../../domain/audit/reconstruct';
import { DomainError } from '../../domain/shared/errors';
import type { Db } from '../../runtime/db';
import { verifyAuditChain } from './audit-chain';
import type { TReplayBody, TWorkflowQuery, TWorkflowSelection } from './audit.types';
import { buildExportBundle, type TExporter } from './export-bundle';
import { fetchRun, fetchWorkflowRuns, queryWorkflows } from './history-source';
import type { Replayer, TReplayInput, TReplayResult } from './replay';
import {
  loadWorkflowAudit,
  runOverviews,
  stateAt,
  timelineRows,
  workflowNotifications,
} from './workflow-audit';
import { historyJson } from './history-json';

export interface TReplayReport {
  ok: boolean;
  replayed: number;
  failed: number;
  results: TReplayResult[];
}

export function replayReport(results: TReplayResult[]): TReplayReport {
  const failed = results.filter((result) => !result.ok).length;
  return { ok: failed === 0, replayed: results.length, failed, results };
}

/** Every run of each workflow, as replay inputs. */
export async function runsToReplay(
  temporal: Client,
  workflowIds: readonly string[],
): Promise<TReplayInput[]> {
  const inputs: TReplayInput[] = [];
  for (const workflowId of workflowIds)
    for (const run of await fetchWorkflowRuns(temporal, workflowId))
      inputs.push({ workflowId, history: run.history });
  return inputs;
}

function parseUploaded(histories: NonNullable<TReplayBody['histories']>): TReplayInput[] {
  return histories.map(({ workflowId, history }, index) => {
    try {
      return { workflowId, history: historyFromJSON(history) };
    } catch (error) {
      throw new DomainError(
        'INVALID_INPUT',
        `histories[${index}] is not a Temporal history: ${(error as Error).message}`,
        {
          issues: [
            { path: ['histories', index, 'history'], message: (error as Error).message, code: 'custom' },
          ],
        },
      );
    }
  });
}

/**
 * What auditors can do, for the API, the web pages and the CLI alike: list workflows through visibility, read every
 * run's history, timeline and notifications, rebuild the state at any point, export a bundle, replay histories
 * against the current code, and verify the audit log's chain.
 */
export function createAuditService(deps: { temporal: Client; db: Db; replayer: Replayer }) {
  const { temporal, db, replayer } = deps;
  return {
    verify: () => verifyAuditChain(db),
    listWorkflows: (query: TWorkflowQuery) => queryWorkflows(temporal, query),
    async runs(workflowId: string) {
      return runOverviews(await loadWorkflowAudit(temporal, workflowId));
    },
    async runHistoryJson(workflowId: string, runId: string): Promise<string> {
      return historyJson((await fetchRun(temporal, workflowId, runId)).history);
    },
    /** The latest run's history (what GET /api/streams/:id/history has always meant), in Temporal's JSON. */
    async latestHistoryJson(workflowId: string): Promise<string> {
      const runs = await fetchWorkflowRuns(temporal, workflowId);
      return historyJson(runs.at(-1)!.history);
    },
    async timeline(workflowId: string) {
      return timelineRows(await loadWorkflowAudit(temporal, workflowId));
    },
    notifications: (workflowId: string) => workflowNotifications(db, workflowId),
    async stateAt(workflowId: string, point: TPointInTime) {
      return stateAt(await loadWorkflowAudit(temporal, workflowId), point);
    },
    loadWorkflowAudit: (workflowId: string) => loadWorkflowAudit(temporal, workflowId),
    exportBundle: (selection: TWorkflowSelection, exporter: TExporter) =>
      buildExportBundle({ temporal, db }, selection, exporter),
    async replay(body: TReplayBody): Promise<TReplayReport> {
      let inputs: TReplayInput[];
      if (body.histories) inputs = parseUploaded(body.histories);
      else {
        const ids =
          body.workflowIds ??
          (await queryWorkflows(temporal, body.query!)).workflows.map((w) => w.workflowId);
        inputs = await runsToReplay(temporal, ids);
      }
      return replayReport(await replayer.replay(inputs));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
