import { z } from 'zod';
import { CAMPAIGN_PHASES } from '../../domain/campaign/phases';
import { CAMPAIGN_STREAMS_MAX } from '../../domain/campaign/plan-rules';
import {
  RECURRING_RULES_MAX,
  ZCampaignPlanInputSchema,
  ZCampaignStreamInputSchema,
  ZRecurringInputSchema,
} from '../../domain/campaign/plan.schema';
import { ZIsoInstantSchema } from '../../domain/shared/time.schema';
import { ZStreamIdSchema } from './streams.types';
import { ZTemplateIdSchema } from './templates.types';

export const ZCampaignIdParamsSchema = z.object({ id: ZStreamIdSchema });

/** A stream of a campaign plan named by its stream template, at `start`: a local date-time in the plan's zone, or an instant. */
export const ZStreamTemplateRefSchema = ZCampaignStreamInputSchema.omit({ plan: true }).extend({
  templateId: ZTemplateIdSchema,
  start: z.string().trim().min(1).max(40),
});

/** A recurring rule of a campaign plan whose stream is a stream template ("every Wednesday 20:00 brand day"). */
export const ZRecurringTemplateRefSchema = ZRecurringInputSchema.omit({ plan: true }).extend({
  templateId: ZTemplateIdSchema,
});

/** The new campaign's `id`, read apart from the plan (the domain parses the plan); the rest of the body is the plan. */
export const ZCampaignIdFieldSchema = z.looseObject({ id: ZStreamIdSchema.optional() });

/**
 * What POST /api/campaigns takes: the plan as written (domain/campaign/plan.schema.ts parses it once the streams named
 * by a template are written out), each stream and recurring rule with its plan or its template, and an optional `id`
 * for the new campaign.
 */
export const ZCreateCampaignBodySchema = ZCampaignPlanInputSchema.extend({
  id: ZStreamIdSchema.optional(),
  streams: z
    .array(z.union([ZCampaignStreamInputSchema, ZStreamTemplateRefSchema]))
    .max(CAMPAIGN_STREAMS_MAX)
    .default([]),
  recurring: z
    .array(z.union([ZRecurringInputSchema, ZRecurringTemplateRefSchema]))
    .max(RECURRING_RULES_MAX)
    .default([]),
});

export const ZCampaignListQuerySchema = z.object({
  phase: z.enum(CAMPAIGN_PHASES).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  /** Preheat start on or after this instant. */
  from: ZIsoInstantSchema.optional(),
  /** Preheat start before this instant. */
  to: ZIsoInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(500).optional(),
});

export const ZCloneCampaignBodySchema = z.object({
  /** The new preheat start's local date (YYYY-MM-DD, the campaign's zone): everything moves by whole days. */
  startOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD'),
  name: z.string().trim().min(1).max(200).optional(),
  id: ZStreamIdSchema.optional(),
});

export const ZCalendarQuerySchema = z
  .object({ from: ZIsoInstantSchema, to: ZIsoInstantSchema })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    message: 'At most 62 days at a time',
    path: ['to'],
  });

export const ZCampaignReportQuerySchema = z.object({
  format: z.enum(['json', 'html', 'csv', 'xlsx']).default('json'),
});

export const ZCampaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  phase: z.string(),
  timeZone: z.string(),
  windows: z.object({
    preheatStart: z.string(),
    burstStart: z.string(),
    burstEnd: z.string(),
    tailEnd: z.string(),
  }),
  paused: z.boolean(),
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).nullable(),
  pendingItems: z.number(),
  streams: z.number(),
  /** How its workflow closed outside liveops (terminated, timed_out, failed, canceled); null while it is liveops'. */
  closedAs: z.string().nullable(),
  updatedAt: z.string(),
});

/** Documented loosely: the state is built by the domain reducer (domain/campaign/state.types.ts), not parsed. */
export const ZCampaignDetailSchema = z.object({
  id: z.string(),
  state: z.looseObject({ campaignId: z.string(), phase: z.enum(CAMPAIGN_PHASES), version: z.number() }),
  pendingItems: z.array(z.looseObject({ key: z.string(), kind: z.string() })),
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).nullable(),
});

export const ZCalendarEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  phase: z.string(),
  gates: z.enum(['passed', 'waiting', 'blocked', 'not_started']),
  blockers: z.number(),
  started: z.boolean(),
  campaign: z.object({ id: z.string(), name: z.string(), key: z.string() }).optional(),
});
