import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { DomainError } from '../../domain/shared/errors';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../../workflows/search-attributes';
import type { TWorkflowQuery, TWorkflowSummary } from './audit.types';
import type { TWorkflowKind } from '../../activities/projection/projection.types';
import { decodeRun, type TDecodedRun } from './decode-history';
import { historyJson } from './history-json';
import { AUDIT_KINDS, auditKindOfType } from './workflow-kinds';

const GRPC_INVALID_ARGUMENT = 3;
const GRPC_NOT_FOUND = 5;
/** A workflow that continued as new more often than this is cut off (and says so) rather than read forever. */
const MAX_RUNS = 500;

export interface TFetchedRun {
  history: History;
  decoded: TDecodedRun;
}

const CLOSING_EVENTS: Record<string, string> = {
  WorkflowExecutionCompleted: 'Completed',
  WorkflowExecutionFailed: 'Failed',
  WorkflowExecutionTimedOut: 'TimedOut',
  WorkflowExecutionCanceled: 'Canceled',
  WorkflowExecutionTerminated: 'Terminated',
  WorkflowExecutionContinuedAsNew: 'ContinuedAsNew',
};

/** Running, or how the run closed, read from its own last event. */
export function runStatus(run: TDecodedRun): string {
  return CLOSING_EVENTS[run.events.at(-1)?.eventType ?? ''] ?? 'Running';
}

async function fetchHistory(
  temporal: Client,
  workflowId: string,
  runId?: string,
  noun = 'workflow',
): Promise<History> {
  try {
    return await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  } catch (error) {
    // fetchHistory passes the raw gRPC error through: 5 is NOT_FOUND.
    if (
      error instanceof WorkflowNotFoundError ||
      (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)
    )
      throw new DomainError('NOT_FOUND', `No ${noun} ${workflowId}${runId ? ` run ${runId}` : ''}`);
    throw error;
  }
}

/**
 * The latest run's history of a workflow of one kind, in Temporal's own JSON (historyJson: what `temporal workflow
 * show -o json` writes, and what the replay API and `audit replay --file` read), for every kind alike. An id of
 * another kind is NOT_FOUND, as its actions are.
 */
export async function latestHistoryJson(
  temporal: Client,
  kind: TWorkflowKind,
  workflowId: string,
): Promise<string> {
  const history = await fetchHistory(temporal, workflowId, undefined, kind);
  const type = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
  if (type !== AUDIT_KINDS[kind].workflowType)
    throw new DomainError('NOT_FOUND', `No ${kind} ${workflowId}: it is a ${type ?? 'workflow of no type'}`);
  return historyJson(history);
}

/**
 * Every run of a workflow, oldest first: the latest run, then the one it continued from (its first event names it),
 * and so on. Histories themselves say how runs follow each other, so no visibility query (eventually consistent) is
 * needed and none can be missed.
 */
export async function fetchWorkflowRuns(temporal: Client, workflowId: string): Promise<TFetchedRun[]> {
  const runs: TFetchedRun[] = [];
  let runId: string | undefined;
  do {
    const history = await fetchHistory(temporal, workflowId, runId);
    const decoded = decodeRun(workflowId, history);
    runs.unshift({ history, decoded });
    runId = decoded.continuedFromRunId;
  } while (runId !== undefined && runs.length < MAX_RUNS);
  return runs;
}

export async function fetchRun(temporal: Client, workflowId: string, runId: string): Promise<TFetchedRun> {
  const history = await fetchHistory(temporal, workflowId, runId);
  return { history, decoded: decodeRun(workflowId, history) };
}

/** A value inside a visibility query string literal. */
const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function visibilityQuery(query: TWorkflowQuery): string {
  const kinds = query.kind ? [AUDIT_KINDS[query.kind]] : Object.values(AUDIT_KINDS);
  const clauses = [`(${kinds.map((k) => `WorkflowType = ${literal(k.workflowType)}`).join(' OR ')})`];
  if (query.phase) clauses.push(`${SA_PHASE.name} = ${literal(query.phase)}`);
  if (query.owner) clauses.push(`${SA_OWNER.name} = ${literal(query.owner)}`);
  const instant = (iso: string) => literal(new Date(iso).toISOString());
  if (query.startedFrom) clauses.push(`StartTime >= ${instant(query.startedFrom)}`);
  if (query.startedTo) clauses.push(`StartTime < ${instant(query.startedTo)}`);
  if (query.scheduledFrom) clauses.push(`${SA_SCHEDULED_START.name} >= ${instant(query.scheduledFrom)}`);
  if (query.scheduledTo) clauses.push(`${SA_SCHEDULED_START.name} < ${instant(query.scheduledTo)}`);
  if (query.status) clauses.push(`ExecutionStatus = ${literal(query.status)}`);
  return clauses.join(' AND ');
}

/**
 * Workflows matching a query, from Temporal's visibility store (the search attributes each workflow sets), newest
 * first, one entry per workflow id (a workflow that continued as new has one visibility row per run).
 */
export async function queryWorkflows(
  temporal: Client,
  query: TWorkflowQuery,
): Promise<{ workflows: TWorkflowSummary[]; more: boolean }> {
  try {
    return await listDistinct(temporal, query);
  } catch (error) {
    // The server judges the query last (e.g. a value its visibility store cannot compare): bad input, not a fault.
    if (isGrpcServiceError(error) && error.code === GRPC_INVALID_ARGUMENT)
      throw new DomainError('INVALID_INPUT', `Temporal refused the query: ${error.details}`, {
        issues: [{ path: [], message: error.details, code: 'custom' }],
      });
    throw error;
  }
}

async function listDistinct(temporal: Client, query: TWorkflowQuery) {
  const seen = new Set<string>();
  const workflows: TWorkflowSummary[] = [];
  for await (const execution of temporal.workflow.list({ query: visibilityQuery(query) })) {
    if (seen.has(execution.workflowId)) continue;
    if (workflows.length === query.limit) return { workflows, more: true };
    seen.add(execution.workflowId);
    const attributes = execution.typedSearchAttributes;
    const memo = (execution.memo ?? {}) as { title?: unknown };
    workflows.push({
      workflowId: execution.workflowId,
      kind: attributes.get(SA_KIND) ?? auditKindOfType(execution.type)?.kind ?? execution.type,
      workflowType: execution.type,
      status: execution.status.name,
      startTime: execution.startTime.toISOString(),
      closeTime: execution.closeTime?.toISOString() ?? null,
      phase: attributes.get(SA_PHASE) ?? null,
      owner: attributes.get(SA_OWNER) ?? null,
      title: typeof memo.title === 'string' ? memo.title : null,
    });
  }
  return { workflows, more: false };
}
