import { z } from 'zod';
import { ZIsoInstantSchema } from '../shared/time';
import { INCIDENT_KINDS, SCRIPT_DECISIONS } from './events.types';
import { ZStreamPhaseSchema } from './phases';
import { ZScriptSegmentSchema } from './plan.types';

/** Inputs of human actions; the same schemas back the HTTP API, the OpenAPI document and the Update validators. */

const reason = z.string().trim().min(1).max(2000);

export const ZSubmitScriptInputSchema = z.object({
  /** The revision the author edited (0 for the first); a newer one in the meantime makes this submission stale. */
  baseRevision: z.number().int().nonnegative(),
  segments: z.array(ZScriptSegmentSchema).min(1),
});
export type TSubmitScriptInput = z.infer<typeof ZSubmitScriptInputSchema>;

export const ZDecideScriptInputSchema = z.object({
  /** Decisions always name the revision they judge, so nobody approves text they have not seen. */
  revision: z.number().int().positive(),
  decision: z.enum(SCRIPT_DECISIONS),
  reasons: z.array(z.string().trim().min(1)).default([]),
  acceptedFindingIds: z.array(z.string().min(1)).default([]),
});
export type TDecideScriptInput = z.infer<typeof ZDecideScriptInputSchema>;

export const ZDecideProductInputSchema = z.object({
  sku: z.string().trim().min(1),
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().trim().max(2000).default(''),
});
export type TDecideProductInput = z.infer<typeof ZDecideProductInputSchema>;

export const ZSignChecklistInputSchema = z.object({ items: z.array(z.string().trim().min(1)).min(1) });
export type TSignChecklistInput = z.infer<typeof ZSignChecklistInputSchema>;

export const ZRecordIncidentInputSchema = z.object({
  kind: z.enum(INCIDENT_KINDS),
  description: reason,
  steps: z.array(z.string().trim().min(1)).default([]),
});
export type TRecordIncidentInput = z.infer<typeof ZRecordIncidentInputSchema>;

export const ZExtendInputSchema = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(12 * 60),
  reason,
});
export type TExtendInput = z.infer<typeof ZExtendInputSchema>;

export const ZEndEarlyInputSchema = z.object({ reason });
export type TEndEarlyInput = z.infer<typeof ZEndEarlyInputSchema>;

export const ZPauseInputSchema = z.object({ reason });
export type TPauseInput = z.infer<typeof ZPauseInputSchema>;

export const ZResumeInputSchema = z.object({ reason: z.string().trim().max(2000).optional() });
export type TResumeInput = z.infer<typeof ZResumeInputSchema>;

/** `from` is the phase the manager saw; if the stream moved on meanwhile, the override is stale. */
export const ZAdvanceInputSchema = z.object({ from: ZStreamPhaseSchema, to: ZStreamPhaseSchema });
export type TAdvanceInput = z.infer<typeof ZAdvanceInputSchema>;

export const ZRescheduleInputSchema = z.object({ scheduledStart: ZIsoInstantSchema, reason });
export type TRescheduleInput = z.infer<typeof ZRescheduleInputSchema>;

export const ZCancelInputSchema = z.object({ reason });
export type TCancelInput = z.infer<typeof ZCancelInputSchema>;

export const ZSignReviewInputSchema = z.object({ reportId: z.string().trim().min(1) });
export type TSignReviewInput = z.infer<typeof ZSignReviewInputSchema>;
