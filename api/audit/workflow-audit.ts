import type { Client } from '@temporalio/client';
import type { TAuditKind, TAuditStateView } from '../../domain/audit/audit-kind.types';
import {
  checkpointAt,
  foldRuns,
  type TFoldedHistory,
  type TPointInTime,
  type TRunCheck,
} from '../../domain/audit/reconstruct';
import { toCsv } from '../../domain/review/csv';
import { DomainError } from '../../domain/shared/errors';
import type { Db } from '../../runtime/db';
import { fetchWorkflowRuns, runStatus, type TFetchedRun } from './history-source';
import { auditKindOfType } from './workflow-kinds';

/** One workflow as an auditor sees it: every run's history, and its domain events folded by the kind's reducer. */
export interface TWorkflowAudit {
  workflowId: string;
  kind: TAuditKind;
  runs: TFetchedRun[];
  folded: TFoldedHistory<unknown>;
}

export function auditOfRuns(workflowId: string, runs: TFetchedRun[]): TWorkflowAudit {
  const workflowType = runs[0]?.decoded.workflowType ?? '';
  const kind = auditKindOfType(workflowType);
  if (kind === undefined)
    throw new DomainError('NOT_FOUND', `${workflowId} is a ${workflowType}, not a workflow liveops audits`);
  return {
    workflowId,
    kind,
    runs,
    folded: foldRuns(
      kind,
      runs.map((run) => run.decoded),
    ),
  };
}

export async function loadWorkflowAudit(temporal: Client, workflowId: string): Promise<TWorkflowAudit> {
  return auditOfRuns(workflowId, await fetchWorkflowRuns(temporal, workflowId));
}

export interface TRunOverview extends TRunCheck {
  status: string;
  startTime: string;
  lastEventTime: string;
  historyLength: number;
}

export function runOverviews(audit: TWorkflowAudit): TRunOverview[] {
  return audit.runs.map((run, index) => ({
    ...audit.folded.runs[index]!,
    status: runStatus(run.decoded),
    startTime: run.decoded.startTime,
    lastEventTime: run.decoded.lastEventTime,
    historyLength: run.decoded.events.length,
  }));
}

/** One domain event with who, when, what, the phase it moved, and its own details (the event minus type/at/actor). */
export interface TTimelineRow {
  workflowId: string;
  kind: string;
  runId: string;
  historyEventId: number;
  seq: number;
  at: string;
  type: string;
  actorId: string;
  actorName: string | null;
  phaseBefore: string | null;
  phaseAfter: string;
  summary: string;
  details: Record<string, unknown>;
}

export function timelineRows(audit: TWorkflowAudit): TTimelineRow[] {
  return audit.folded.checkpoints.flatMap((point) => {
    if (point.event === undefined || point.seq === undefined || point.state === undefined) return [];
    const { type, at, actor, ...details } = point.event as typeof point.event & Record<string, unknown>;
    return [
      {
        workflowId: audit.workflowId,
        kind: audit.kind.kind,
        runId: point.runId,
        historyEventId: point.historyEventId,
        seq: point.seq,
        at,
        type,
        actorId: actor.id,
        actorName: actor.name ?? null,
        phaseBefore: point.phaseBefore ?? null,
        phaseAfter: audit.kind.phaseOf(point.state),
        summary: audit.kind.summarize(point.event),
        details,
      },
    ];
  });
}

const TIMELINE_COLUMNS = [
  'workflowId',
  'kind',
  'runId',
  'historyEventId',
  'seq',
  'at',
  'type',
  'actorId',
  'actorName',
  'phaseBefore',
  'phaseAfter',
  'summary',
  'details',
] as const;

/** RFC 4180, UTF-8 with a byte order mark (Excel opens the Chinese text right); details as compact JSON. */
export function timelineCsv(rows: readonly TTimelineRow[]): string {
  return toCsv(
    [
      [...TIMELINE_COLUMNS],
      ...rows.map((row) =>
        TIMELINE_COLUMNS.map((column) => (column === 'details' ? JSON.stringify(row.details) : row[column])),
      ),
    ],
    { bom: true },
  );
}

export interface TStateAtPoint {
  workflowId: string;
  kind: string;
  runId: string;
  historyEventId: number;
  eventTime: string;
  /** The domain event applied last (undefined at a run's start). */
  seq: number | null;
  state: unknown;
  view: TAuditStateView | null;
}

/** The state as of a history event id or an instant, rebuilt by the kind's reducer; NOT_FOUND before anything. */
export function stateAt(audit: TWorkflowAudit, point: TPointInTime): TStateAtPoint {
  const checkpoint = checkpointAt(audit.folded, point);
  if (checkpoint === undefined)
    throw new DomainError(
      'NOT_FOUND',
      `${audit.workflowId} has no state at that point (before its first event)`,
    );
  const at = 'at' in point ? point.at : checkpoint.eventTime;
  return {
    workflowId: audit.workflowId,
    kind: audit.kind.kind,
    runId: checkpoint.runId,
    historyEventId: checkpoint.historyEventId,
    eventTime: checkpoint.eventTime,
    seq: checkpoint.seq ?? null,
    state: checkpoint.state ?? null,
    view: checkpoint.state === undefined ? null : audit.kind.view(checkpoint.state, at),
  };
}

/** Every notification of the workflow with its outbox status (the Notification table), oldest first. */
export async function workflowNotifications(db: Db, workflowId: string) {
  const rows = await db.notification.findMany({
    where: { workflowId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    dedupeKey: row.dedupeKey,
    createdAt: row.createdAt.toISOString(),
    channel: row.channel,
    recipient: row.recipient,
    address: row.address,
    template: row.template,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    notBefore: row.notBefore?.toISOString() ?? null,
    providerRef: row.providerRef,
    bodyText: row.bodyText,
  }));
}
export type TNotificationRow = Awaited<ReturnType<typeof workflowNotifications>>[number];

const NOTIFICATION_COLUMNS = [
  'id',
  'createdAt',
  'channel',
  'recipient',
  'address',
  'template',
  'subject',
  'status',
  'attempts',
  'sentAt',
  'notBefore',
  'lastError',
  'providerRef',
  'dedupeKey',
] as const;

export function notificationsCsv(rows: readonly TNotificationRow[]): string {
  return toCsv([[...NOTIFICATION_COLUMNS], ...rows.map((row) => NOTIFICATION_COLUMNS.map((c) => row[c]))], {
    bom: true,
  });
}
