import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DomainError } from '../../domain/shared/errors';
import type { Db } from '../../runtime/db';
import { appendAuditRow, verifyAuditChain } from './audit-chain';
import { auditTargets } from './audit-targets';
import type { TWorkflowSelection } from './audit.types';
import { queryWorkflows } from './history-source';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ZExportManifestSchema,
  type TExportManifest,
  type TExportedWorkflow,
} from './export-manifest';
import {
  loadWorkflowAudit,
  notificationsCsv,
  runOverviews,
  timelineCsv,
  timelineRows,
  workflowNotifications,
  type TWorkflowAudit,
} from './workflow-audit';
import { historyJson } from './history-json';

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Workflow ids may hold ':' (not in Windows file names): folders use a safe spelling, the manifest the real id. */
const folderOf = (workflowId: string) => `workflows/${workflowId.replace(/[^\w.-]/g, '_')}`;

export interface TExporter {
  id: string;
  roles: string[];
  via: 'api' | 'cli';
  /** The request (API) or command (CLI) that asked, for the audit row. */
  requestId: string;
  path: string;
  ip?: string | null;
}

async function selectedIds(temporal: Client, selection: TWorkflowSelection): Promise<string[]> {
  if (selection.workflowId !== undefined) return [...new Set(selection.workflowId)];
  return (await queryWorkflows(temporal, selection)).workflows.map((w) => w.workflowId);
}

async function exportWorkflow(
  db: Db,
  audit: TWorkflowAudit,
  files: Map<string, string>,
): Promise<TExportedWorkflow> {
  const folder = folderOf(audit.workflowId);
  const runs = runOverviews(audit).map((overview, index) => {
    const file = `${folder}/run-${index + 1}-${overview.runId}.history.json`;
    files.set(file, historyJson(audit.runs[index]!.history));
    return { ...overview, history: file };
  });
  const rows = timelineRows(audit);
  files.set(`${folder}/timeline.json`, JSON.stringify(rows, null, 2));
  files.set(`${folder}/timeline.csv`, timelineCsv(rows));
  const notifications = await workflowNotifications(db, audit.workflowId);
  files.set(`${folder}/notifications.json`, JSON.stringify(notifications, null, 2));
  files.set(`${folder}/notifications.csv`, notificationsCsv(notifications));
  const last = audit.folded.checkpoints.at(-1)?.state;
  return {
    workflowId: audit.workflowId,
    kind: audit.kind.kind,
    workflowType: audit.kind.workflowType,
    runs,
    timeline: { json: `${folder}/timeline.json`, csv: `${folder}/timeline.csv`, events: rows.length },
    notifications: {
      json: `${folder}/notifications.json`,
      csv: `${folder}/notifications.csv`,
      count: notifications.length,
    },
    finalState:
      last === undefined ? null : { phase: audit.kind.phaseOf(last), version: audit.kind.versionOf(last) },
  };
}

/**
 * A bundle for auditors: per workflow every run's history (Temporal JSON, replayable as it is), the domain timeline
 * and the notifications (JSON and CSV); and manifest.json with what was exported when by whom, the audit log's chain
 * head and the SHA-256 of every file. The export itself is appended to the audit log first, so the head it records
 * covers the export too.
 */
export async function buildExportBundle(
  deps: { temporal: Client; db: Db },
  selection: TWorkflowSelection,
  exporter: TExporter,
): Promise<{ zip: Uint8Array; manifest: TExportManifest; manifestSha256: string }> {
  const ids = await selectedIds(deps.temporal, selection);
  if (ids.length === 0) throw new DomainError('NOT_FOUND', 'No workflow matches the selection');
  const files = new Map<string, string>();
  const workflows: TExportedWorkflow[] = [];
  for (const id of ids)
    workflows.push(await exportWorkflow(deps.db, await loadWorkflowAudit(deps.temporal, id), files));
  await appendAuditRow(deps.db, {
    actorId: exporter.id,
    actorRoles: exporter.roles.join(','),
    authMethod: exporter.via === 'cli' ? 'cli' : 'token',
    action: 'audit.export',
    method: exporter.via === 'cli' ? 'CLI' : 'GET',
    path: exporter.path.slice(0, 500),
    target: auditTargets(ids) ?? null,
    requestId: exporter.requestId,
    status: 200,
    outcome: 'success',
    errorCode: null,
    ip: exporter.ip ?? null,
  });
  const chain = await verifyAuditChain(deps.db);
  const bytes = new Map([...files].map(([path, text]) => [path, strToU8(text)] as const));
  const { workflowId: _ids, ...query } = selection;
  const manifest: TExportManifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: { id: exporter.id, roles: exporter.roles, via: exporter.via },
    selection: selection.workflowId ? { workflowIds: ids } : query,
    auditLog: {
      head: chain.head,
      verified: chain.ok,
      ...(chain.firstBroken ? { firstBroken: chain.firstBroken } : {}),
    },
    workflows,
    files: [...bytes].map(([path, content]) => ({ path, sha256: sha256Hex(content), bytes: content.length })),
  };
  const manifestText = JSON.stringify(manifest, null, 2);
  const zippable: Zippable = { 'manifest.json': strToU8(manifestText) };
  for (const [path, content] of bytes) zippable[path] = content;
  return { zip: zipSync(zippable, { level: 6 }), manifest, manifestSha256: sha256Hex(manifestText) };
}

export interface TReadBundle {
  manifest: TExportManifest;
  /** Files whose digest or size is not what the manifest says, files it lists that are missing, and extra files. */
  problems: string[];
  histories: Array<{ workflowId: string; runId: string; file: string; history: History }>;
}

/** Opens a bundle, checks every file against the manifest, and parses the histories in it. */
export function readExportBundle(zip: Uint8Array): TReadBundle {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `Not a zip archive: ${(error as Error).message}`);
  }
  const manifestBytes = entries['manifest.json'];
  if (manifestBytes === undefined) throw new DomainError('INVALID_INPUT', 'The bundle has no manifest.json');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new DomainError('INVALID_INPUT', 'manifest.json is not JSON');
  }
  const parsed = ZExportManifestSchema.safeParse(manifestJson);
  if (!parsed.success)
    throw new DomainError('INVALID_INPUT', `manifest.json: ${parsed.error.issues[0]?.message}`);
  const manifest = parsed.data;
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const content = entries[file.path];
    if (content === undefined) problems.push(`${file.path}: missing`);
    else if (sha256Hex(content) !== file.sha256 || content.length !== file.bytes)
      problems.push(`${file.path}: SHA-256 differs from the manifest`);
  }
  for (const path of Object.keys(entries))
    if (path !== 'manifest.json' && !listed.has(path) && !path.endsWith('/'))
      problems.push(`${path}: not in the manifest`);
  const histories = manifest.workflows.flatMap((workflow) =>
    workflow.runs.flatMap((run) => {
      const content = entries[run.history];
      if (content === undefined) return [];
      return [
        {
          workflowId: workflow.workflowId,
          runId: run.runId,
          file: run.history,
          history: historyFromJSON(JSON.parse(strFromU8(content))),
        },
      ];
    }),
  );
  return { manifest, problems, histories };
}
