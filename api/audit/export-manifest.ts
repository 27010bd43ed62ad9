import { z } from 'zod';

export const EXPORT_FORMAT = 'liveops-audit-export';
export const EXPORT_FORMAT_VERSION = 1;

const ZFileEntrySchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});

const ZExportedRunSchema = z.object({
  runId: z.string(),
  status: z.string(),
  /** The run's history in Temporal's JSON (what `temporal workflow show -o json` writes). */
  history: z.string(),
  historyLength: z.number(),
  startTime: z.string(),
  lastEventTime: z.string(),
  firstSeq: z.number().optional(),
  lastSeq: z.number().optional(),
  carriedStateMatches: z.boolean().optional(),
  problems: z.array(z.string()),
});

const ZExportedWorkflowSchema = z.object({
  workflowId: z.string(),
  kind: z.string(),
  workflowType: z.string(),
  runs: z.array(ZExportedRunSchema),
  timeline: z.object({ json: z.string(), csv: z.string(), events: z.number() }),
  notifications: z.object({ json: z.string(), csv: z.string(), count: z.number() }),
  /** Phase and version of the state rebuilt from the last run's events. */
  finalState: z.object({ phase: z.string(), version: z.number() }).nullable(),
});

/**
 * manifest.json of an export bundle: what was exported, when and by whom, the audit log's chain head at that moment,
 * and the SHA-256 of every other file in the bundle. Parsed with this schema when a bundle is read back (replay).
 */
export const ZExportManifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  exportedBy: z.object({ id: z.string(), roles: z.array(z.string()), via: z.enum(['api', 'cli']) }),
  selection: z.record(z.string(), z.unknown()),
  auditLog: z.object({
    head: z.object({ id: z.number(), hash: z.string(), rows: z.number() }),
    verified: z.boolean(),
    firstBroken: z.object({ id: z.number(), reason: z.string(), message: z.string() }).optional(),
  }),
  workflows: z.array(ZExportedWorkflowSchema),
  files: z.array(ZFileEntrySchema),
});
export type TExportManifest = z.output<typeof ZExportManifestSchema>;
export type TExportedWorkflow = z.output<typeof ZExportedWorkflowSchema>;
