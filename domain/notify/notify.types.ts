import { z } from 'zod';
import {
  ZAlertSeveritySchema,
  ZLocalizedTextSchema,
  ZMetricRuleIdSchema,
} from '../metrics/metric-rules.types';
import type { TStreamPhase } from '../stream/phases';
import { ZStreamPhaseSchema } from '../stream/phases.schema';
import { CAMPAIGN_NOTIFICATION_PARAM_SCHEMAS } from './campaign-notify.types';
import {
  ZInstantSchema,
  ZLinkSchema,
  ZPersonSchema,
  ZStreamBaseSchema,
  ZTitleSchema,
} from './notify-fields.schema';
import { ZTimeZoneSchema } from '../time/time.types';
import { ZKpiTotalsSchema } from '../review/review.types';
import { REPORT_CADENCES } from '../schedules/report-period';

export const ZLocaleSchema = z.enum(['zh-CN', 'en']);
export type TLocale = z.infer<typeof ZLocaleSchema>;

export const ZNotificationTemplateIdSchema = z.enum([
  'gate_waiting',
  'script_rejected',
  'approval_reminder',
  'approval_escalation',
  'fan_preview',
  'team_reminder',
  'checklist_escalation',
  'phase_changed',
  'metric_alert',
  'incident_recorded',
  'stream_blocked',
  'stream_cancelled',
  'review_ready',
  'review_failed',
  'review_signoff_reminder',
  'campaign_phase_changed',
  'campaign_plan_decided',
  'campaign_alert',
  'campaign_cancelled',
  'campaign_confirmation',
  'campaign_stream_problem',
  'periodic_report',
  'schedule_paused',
  'schedule_occurrence_missed',
]);
export type TNotificationTemplateId = z.infer<typeof ZNotificationTemplateIdSchema>;

export const ZGateKindSchema = z.enum([
  'script_compliance',
  'product_compliance',
  'plan_approval',
  'campaign_plan',
  'amendment',
]);
export type TGateKind = z.infer<typeof ZGateKindSchema>;

export const ZFanTierSchema = z.enum(['core', 'active', 'casual']);
export type TFanTier = z.infer<typeof ZFanTierSchema>;

/** The plan's own checklist items, as the team sees them (ids match what the room operator signs). */
export const ZChecklistEntrySchema = z.object({
  id: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(200),
});
export type TChecklistEntry = z.infer<typeof ZChecklistEntrySchema>;

// Phases are owned by the stream reducer; notifications only name them.
export { ZStreamPhaseSchema, type TStreamPhase };

export const ZIncidentKindSchema = z.enum(['interruption', 'viewer_complaint', 'content_violation', 'other']);

const ZApprovalBaseSchema = ZStreamBaseSchema.extend({
  gate: ZGateKindSchema,
  /** What exactly waits ("script r2", "玻尿酸保湿面霜 50g (HF-001)"), so three messages about three products differ. */
  item: z.string().trim().min(1).max(300).optional(),
  dueAt: ZInstantSchema,
  reviewUrl: ZLinkSchema,
});

const ZScheduleProblemSchema = z.object({
  scheduleName: ZTitleSchema,
  timeZone: ZTimeZoneSchema,
  /** The live start of the occurrence the run was for. */
  occurrence: ZInstantSchema,
  reason: z.string().trim().min(1).max(500),
  scheduleUrl: ZLinkSchema.optional(),
});

export const NOTIFICATION_PARAM_SCHEMAS = {
  gate_waiting: ZApprovalBaseSchema.extend({ submittedBy: ZPersonSchema }),
  script_rejected: ZStreamBaseSchema.extend({
    revision: z.number().int().min(1),
    decidedBy: ZPersonSchema,
    reasons: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
    /** The gate cutoff: a revision approved after it cannot go on air as scheduled. */
    dueAt: ZInstantSchema,
    editUrl: ZLinkSchema,
  }),
  approval_reminder: ZApprovalBaseSchema.extend({ reminderNumber: z.number().int().min(1) }),
  approval_escalation: ZApprovalBaseSchema.extend({
    originalApprover: ZPersonSchema,
    waitingSince: ZInstantSchema,
  }),
  fan_preview: ZStreamBaseSchema.extend({
    tier: ZFanTierSchema,
    liveStartAt: ZInstantSchema,
    watchUrl: ZLinkSchema,
    /** Core fans' exclusive perk ("专属福袋"); ignored for other tiers. */
    perk: z.string().trim().max(200).optional(),
  }),
  team_reminder: ZStreamBaseSchema.extend({
    offset: z.enum(['T-24h', 'T-1h', 'T-15m']),
    liveStartAt: ZInstantSchema,
    items: z
      .array(ZChecklistEntrySchema.extend({ done: z.boolean() }))
      .min(1)
      .max(50),
    checklistUrl: ZLinkSchema,
  }),
  checklist_escalation: ZStreamBaseSchema.extend({
    liveStartAt: ZInstantSchema,
    pendingItems: z.array(ZChecklistEntrySchema).min(1).max(50),
    responsible: ZPersonSchema,
    checklistUrl: ZLinkSchema,
  }),
  phase_changed: ZStreamBaseSchema.extend({
    from: ZStreamPhaseSchema,
    to: ZStreamPhaseSchema,
    changedAt: ZInstantSchema,
    reason: z.string().trim().max(500).optional(),
    streamUrl: ZLinkSchema,
  }),
  metric_alert: ZStreamBaseSchema.extend({
    ruleId: ZMetricRuleIdSchema,
    severity: ZAlertSeveritySchema,
    message: ZLocalizedTextSchema,
    suggestedAction: ZLocalizedTextSchema.optional(),
    detectedAt: ZInstantSchema,
    dashboardUrl: ZLinkSchema,
  }),
  incident_recorded: ZStreamBaseSchema.extend({
    kind: ZIncidentKindSchema,
    summary: z.string().trim().min(1).max(2000),
    recordedBy: ZPersonSchema,
    recordedAt: ZInstantSchema,
    incidentUrl: ZLinkSchema,
  }),
  stream_blocked: ZStreamBaseSchema.extend({
    reasons: z.array(z.string().trim().min(1).max(500)).min(1),
    blockedAt: ZInstantSchema,
    streamUrl: ZLinkSchema,
  }),
  stream_cancelled: ZStreamBaseSchema.extend({
    reason: z.string().trim().min(1).max(500),
    cancelledBy: ZPersonSchema,
    liveStartAt: ZInstantSchema,
  }),
  review_ready: ZStreamBaseSchema.extend({
    reviewUrl: ZLinkSchema,
    signOffDueAt: ZInstantSchema.optional(),
    highlights: z.array(z.string().trim().max(300)).max(10).default([]),
  }),
  review_failed: ZStreamBaseSchema.extend({
    reason: z.string().trim().min(1).max(500),
    failures: z.number().int().min(1),
    streamUrl: ZLinkSchema,
  }),
  review_signoff_reminder: ZStreamBaseSchema.extend({
    reviewUrl: ZLinkSchema,
    dueAt: ZInstantSchema,
    reminderNumber: z.number().int().min(1),
  }),
  ...CAMPAIGN_NOTIFICATION_PARAM_SCHEMAS,
  /** 日报 / 周报 / 月报: the key numbers of a period across streams, with a link to the stored report. */
  periodic_report: z.object({
    cadence: z.enum(REPORT_CADENCES),
    scheduleName: ZTitleSchema,
    timeZone: ZTimeZoneSchema,
    periodStart: ZInstantSchema,
    periodEnd: ZInstantSchema,
    streams: z.number().int().min(0),
    kpis: ZKpiTotalsSchema,
    reportUrl: ZLinkSchema,
  }),
  /** A recurring schedule that paused itself (a run that can never succeed), or an occurrence it could not create. */
  schedule_paused: ZScheduleProblemSchema,
  schedule_occurrence_missed: ZScheduleProblemSchema,
} as const satisfies Record<TNotificationTemplateId, z.ZodType>;

/** Params as callers write them (defaults optional) ... */
export type TNotificationParamsInput = {
  [K in TNotificationTemplateId]: z.input<(typeof NOTIFICATION_PARAM_SCHEMAS)[K]>;
};
/** ... and as templates receive them, validated and defaulted. */
export type TNotificationParams = {
  [K in TNotificationTemplateId]: z.output<(typeof NOTIFICATION_PARAM_SCHEMAS)[K]>;
};

export interface TRenderedNotification {
  /** Plain text, single line (safe for a mail header). */
  subject: string;
  text: string;
  /** An HTML fragment in which every caller-provided value is escaped. */
  html: string;
}
