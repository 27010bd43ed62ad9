import { z } from 'zod';
import { ZIsoInstantSchema } from '../../domain/shared/time.schema';
import { PENDING_ITEM_KINDS } from '../../domain/stream/pending-items';
import { CAMPAIGN_PENDING_KINDS } from '../../domain/campaign/pending-items';
import { ZStreamPhaseSchema } from '../../domain/stream/phases.schema';
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
const ZLimitSchema = z.coerce.number().int().min(1).max(500).default(100);
const ZCursorSchema = z.string().min(1).max(500).optional();

export const ZStreamListQuerySchema = z.object({
  phase: ZStreamPhaseSchema.optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  /** Scheduled start on or after this instant. */
  from: ZIsoInstantSchema.optional(),
  /** Scheduled start before this instant. */
  to: ZIsoInstantSchema.optional(),
  /** true: only streams waiting on someone; false: only those that are not. */
  pending: booleanQuery.optional(),
  /** me: only streams with something waiting for the caller. */
  pendingFor: z.literal('me').optional(),
  /**
   * temporal: list from Temporal's visibility store (search attributes) instead of the read model, e.g. while the
   * read model is behind; no pending items, no cursor (up to `limit`, and `more` says whether there were more).
   */
  source: z.enum(['readModel', 'temporal']).default('readModel'),
  limit: ZLimitSchema,
  cursor: ZCursorSchema,
});

export const ZApprovalsQuerySchema = z.object({
  kind: z.enum([...PENDING_ITEM_KINDS, ...CAMPAIGN_PENDING_KINDS]).optional(),
  streamId: ZStreamIdSchema.optional(),
  overdue: booleanQuery.optional(),
  limit: ZLimitSchema,
  cursor: ZCursorSchema,
});

export const ZReportQuerySchema = z.object({ format: z.enum(['json', 'html', 'csv']).default('json') });

export const ZStreamSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  phase: z.string(),
  scheduledStart: z.string(),
  timeZone: z.string(),
  paused: z.boolean(),
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).nullable(),
  /** null when listed from Temporal's visibility store (it does not know). */
  pendingItems: z.number().nullable(),
  /** How its workflow closed outside liveops (terminated, timed_out, failed, canceled); null while it is liveops'. */
  closedAs: z.string().nullable(),
  updatedAt: z.string(),
});

const ZPendingItemSchema = z.looseObject({
  key: z.string(),
  kind: z.enum(PENDING_ITEM_KINDS),
  assigneeRole: z.string(),
  assignees: z.array(z.string()),
  escalateTo: z.array(z.string()),
  since: z.string(),
  dueAt: z.string(),
  nextReminderAt: z.string().optional(),
  remindersSent: z.number(),
  escalated: z.boolean(),
});

export const ZWorkItemSchema = z.object({
  workflowId: z.string(),
  workflowKind: z.string(),
  workflowTitle: z.string(),
  timeZone: z.string(),
  key: z.string(),
  kind: z.string(),
  assigneeRole: z.string(),
  relation: z.enum(['assignee', 'escalation', 'role']),
  subject: z.object({
    revision: z.number().optional(),
    sku: z.string().optional(),
    name: z.string().optional(),
    reason: z.string().optional(),
  }),
  since: z.string(),
  dueAt: z.string(),
  remindersSent: z.number(),
  escalated: z.boolean(),
});

/** Documented loosely: the state is built by the domain reducer (domain/stream/state.types.ts), not parsed. */
export const ZStreamDetailSchema = z.object({
  id: z.string(),
  state: z.looseObject({ streamId: z.string(), phase: ZStreamPhaseSchema, version: z.number() }),
  deadlines: z.record(z.string(), z.unknown()),
  pendingItems: z.array(ZPendingItemSchema),
});
