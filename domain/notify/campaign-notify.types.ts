import { z } from 'zod';
import { CAMPAIGN_PHASES } from '../campaign/phases';
import { ZInstantSchema, ZLinkSchema, ZPersonSchema, ZStreamBaseSchema } from './notify-fields.schema';

export const ZCampaignPhaseSchema = z.enum(CAMPAIGN_PHASES);

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** Params of the campaign templates; `streamTitle` carries the campaign's name, as every template's base names it. */
export const CAMPAIGN_NOTIFICATION_PARAM_SCHEMAS = {
  campaign_phase_changed: ZStreamBaseSchema.extend({
    from: ZCampaignPhaseSchema,
    to: ZCampaignPhaseSchema,
    changedAt: ZInstantSchema,
    /** Why, with the numbers when a rule moved it. */
    reason: z.string().trim().max(500).optional(),
    campaignUrl: ZLinkSchema,
  }),
  campaign_plan_decided: ZStreamBaseSchema.extend({
    decision: z.enum(['approved', 'rejected']),
    decidedBy: ZPersonSchema,
    reason: z.string().trim().max(500).optional(),
    campaignUrl: ZLinkSchema,
  }),
  campaign_alert: ZStreamBaseSchema.extend({
    message: ZText(500),
    detectedAt: ZInstantSchema,
    campaignUrl: ZLinkSchema,
  }),
  campaign_cancelled: ZStreamBaseSchema.extend({
    reason: ZText(500),
    cancelledBy: ZPersonSchema,
    stoppedStreams: z.number().int().min(0),
    campaignUrl: ZLinkSchema,
  }),
  campaign_confirmation: ZStreamBaseSchema.extend({
    roi: z.number(),
    floor: z.number(),
    dueAt: ZInstantSchema,
    onNoAnswer: z.enum(['continue', 'pause_remaining']),
    campaignUrl: ZLinkSchema,
  }),
  campaign_stream_problem: ZStreamBaseSchema.extend({
    streamKey: ZText(64),
    problem: ZText(500),
    campaignUrl: ZLinkSchema,
  }),
} as const;
