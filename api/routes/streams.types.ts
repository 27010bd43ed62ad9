import { z } from 'zod';
import { ZIsoInstantSchema } from '../../domain/shared/time';
import { ZStreamPhaseSchema } from '../../domain/stream/phases';
import { ZStreamPlanSchema } from '../../domain/stream/plan.types';

/** Workflow ids chosen by callers: short, URL-safe, no spaces. */
export const ZStreamIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][\w.:-]{0,127}$/,
    'letters, digits, _ . : - (at most 128), starting with a letter or digit',
  );

export const ZStreamIdParamsSchema = z.object({ id: ZStreamIdSchema });

/** The plan itself, with an optional `id` for the new stream (default: stream-<uuid>). */
export const ZCreateStreamBodySchema = z.intersection(
  ZStreamPlanSchema,
  z.object({ id: ZStreamIdSchema.optional() }),
);

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ZStreamListQuerySchema = z.object({
  phase: ZStreamPhaseSchema.optional(),
  owner: z.string().trim().min(1).optional(),
  /** Scheduled start on or after this instant. */
  from: ZIsoInstantSchema.optional(),
  /** Scheduled start before this instant. */
  to: ZIsoInstantSchema.optional(),
  /** true: only streams waiting on someone; false: only those that are not. */
  pending: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ZReportQuerySchema = z.object({ format: z.enum(['json', 'html', 'csv']).default('json') });

export const ZStreamSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  phase: z.string(),
  scheduledStart: z.string(),
  pendingApprovals: z.number(),
  updatedAt: z.string(),
});

const ZPendingApprovalSchema = z.looseObject({
  key: z.string(),
  kind: z.enum(['script', 'product', 'checklist', 'review_signoff']),
  assigneeRole: z.string(),
  assignees: z.array(z.string()),
  escalateTo: z.array(z.string()),
  since: z.string(),
  dueAt: z.string(),
  nextReminderAt: z.string().optional(),
  remindersSent: z.number(),
  escalated: z.boolean(),
});

export const ZApprovalItemSchema = ZPendingApprovalSchema.extend({
  streamId: z.string(),
  streamTitle: z.string(),
});

/** Documented loosely: the state is built by the domain reducer (domain/stream/state.types.ts), not parsed. */
export const ZStreamDetailSchema = z.object({
  state: z.looseObject({ streamId: z.string(), phase: ZStreamPhaseSchema, version: z.number() }),
  deadlines: z.record(z.string(), z.unknown()),
  pendingApprovals: z.array(ZPendingApprovalSchema),
});
