import { z } from 'zod';
import { ZIsoInstantSchema } from '../../domain/shared/time.schema';
import { ZStreamIdSchema } from '../routes/streams.types';
import { AUDIT_KIND_NAMES } from './workflow-kinds';

/** Any workflow id liveops hands out or accepts (streams today, campaigns later): the stream id rule. */
export const ZWorkflowIdSchema = ZStreamIdSchema;

/** A query parameter given once or repeated (?workflowId=a&workflowId=b), as a list. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

export const WORKFLOW_STATUSES = [
  'Running',
  'Completed',
  'Failed',
  'Canceled',
  'Terminated',
  'ContinuedAsNew',
  'TimedOut',
] as const;

/**
 * Which workflows: the search attributes every liveops workflow sets (kind, phase, owner, scheduled start), the
 * workflow's own start time and status. Kinds are those registered for auditing (workflow-kinds.ts).
 */
export const ZWorkflowQuerySchema = z.object({
  kind: z.enum(AUDIT_KIND_NAMES).optional(),
  phase: z.string().trim().min(1).max(40).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  /** Workflow started on or after / before these instants. */
  startedFrom: ZIsoInstantSchema.optional(),
  startedTo: ZIsoInstantSchema.optional(),
  /** Scheduled start (LiveopsScheduledStart) on or after / before these instants. */
  scheduledFrom: ZIsoInstantSchema.optional(),
  scheduledTo: ZIsoInstantSchema.optional(),
  status: z.enum(WORKFLOW_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TWorkflowQuery = z.output<typeof ZWorkflowQuerySchema>;

/** Workflows by id (repeat the parameter), or else by query. */
export const ZWorkflowSelectionQuerySchema = ZWorkflowQuerySchema.extend({
  workflowId: oneOrMany(ZWorkflowIdSchema).optional(),
});
export type TWorkflowSelection = z.output<typeof ZWorkflowSelectionQuerySchema>;

export const ZWorkflowIdParamsSchema = z.object({ id: ZWorkflowIdSchema });
export const ZRunParamsSchema = z.object({ id: ZWorkflowIdSchema, runId: z.guid() });

export const ZWorkflowSummarySchema = z.object({
  workflowId: z.string(),
  kind: z.string(),
  workflowType: z.string(),
  status: z.string(),
  startTime: z.string(),
  closeTime: z.string().nullable(),
  phase: z.string().nullable(),
  owner: z.string().nullable(),
  title: z.string().nullable(),
});
export type TWorkflowSummary = z.output<typeof ZWorkflowSummarySchema>;

export const ZRunSummarySchema = z.object({
  runId: z.string(),
  status: z.string(),
  startTime: z.string(),
  closeTime: z.string().nullable(),
  historyLength: z.number(),
});
export type TRunSummary = z.output<typeof ZRunSummarySchema>;

export const ZTimelineQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const ZStateQuerySchema = z
  .object({
    runId: z.guid().optional(),
    /** History event id within the run (the last run when runId is absent). */
    eventId: z.coerce.number().int().min(1).optional(),
    /** Or an instant: the state as of then. */
    at: ZIsoInstantSchema.optional(),
  })
  .refine((query) => !(query.eventId !== undefined && query.at !== undefined), {
    message: 'give eventId or at, not both',
  });

const ZUploadedHistorySchema = z.object({
  workflowId: ZWorkflowIdSchema,
  /** One run's history in Temporal's JSON, as exported (or as `temporal workflow show -o json` writes it). */
  history: z.object({ events: z.array(z.record(z.string(), z.unknown())).min(1) }),
});

/** What to replay: workflows by id or by query (every run of each), or histories sent along. */
export const ZReplayBodySchema = z
  .object({
    workflowIds: z.array(ZWorkflowIdSchema).min(1).max(200).optional(),
    query: ZWorkflowQuerySchema.optional(),
    histories: z.array(ZUploadedHistorySchema).min(1).max(200).optional(),
  })
  .refine(
    (body) =>
      [body.workflowIds, body.query, body.histories].filter((part) => part !== undefined).length === 1,
    { message: 'give exactly one of workflowIds, query or histories' },
  );
export type TReplayBody = z.output<typeof ZReplayBodySchema>;

export const ZReplayResultSchema = z.object({
  workflowId: z.string(),
  runId: z.string(),
  workflowType: z.string(),
  events: z.number(),
  ok: z.boolean(),
  error: z
    .object({
      kind: z.enum(['nondeterminism', 'replay']),
      message: z.string(),
      eventId: z.number().optional(),
      eventType: z.string().optional(),
    })
    .optional(),
});

export const ZReplayReportSchema = z.object({
  ok: z.boolean(),
  replayed: z.number(),
  failed: z.number(),
  results: z.array(ZReplayResultSchema),
});
