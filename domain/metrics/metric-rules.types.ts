import { z } from 'zod';
import { MAX_COLLAPSE_WINDOW_MINUTES } from './metric-rule-policy';
import { ZMetricNameSchema } from './metric.types';
import type { TMetricPoint } from './metric.types';

const ZCooldownSchema = z.number().int().min(0).max(86_400);

export const ZMetricRulePolicySchema = z.object({
  /** A minute is folded into the baseline only this long after it ends, so points that arrive a little late still count. */
  minuteGraceSeconds: z.number().int().min(0).max(600).default(30),
  /** Points stamped further ahead than this (a producer's clock is wrong) are ignored rather than trusted. */
  maxClockSkewSeconds: z.number().int().min(0).max(3600).default(60),
  /** A reading older than this is not "the current value": stale data must not raise or clear alerts. */
  freshnessSeconds: z.number().int().min(1).max(3600).default(120),
  /** Half-life of the exponentially weighted baseline, in observed minutes. */
  baselineHalfLifeMinutes: z.number().min(0.5).max(240).default(10),
  conversionDrop: z
    .object({
      enabled: z.boolean().default(true),
      /** 0.2 = alert when conversion is 20 % or more below the rolling baseline. */
      dropRatio: z.number().gt(0).lt(1).default(0.2),
      /** Observed minutes before the baseline is trusted; the opening minutes of a stream are noisy. */
      warmupMinutes: z.number().int().min(1).max(120).default(5),
      /** Below this baseline rate a relative drop is noise (0.1 % -> 0.07 % is not an event). */
      minBaselineRate: z.number().min(0).max(1).default(0.002),
      cooldownSeconds: ZCooldownSchema.default(300),
    })
    .prefault({}),
  viewerCollapse: z
    .object({
      enabled: z.boolean().default(true),
      /** 0.5 = alert when viewers fall to half (or less) of the highest minute in the window. */
      dropRatio: z.number().gt(0).lt(1).default(0.5),
      windowMinutes: z.number().int().min(1).max(MAX_COLLAPSE_WINDOW_MINUTES).default(5),
      /** Going from 12 viewers to 5 in a test stream is not a collapse. */
      minReferenceViewers: z.number().int().min(0).default(50),
      cooldownSeconds: ZCooldownSchema.default(300),
    })
    .prefault({}),
  noData: z
    .object({
      /** Disable for platforms whose data is T+1 only: silence there is normal. */
      enabled: z.boolean().default(true),
      afterSeconds: z.number().int().min(10).max(3600).default(90),
      cooldownSeconds: ZCooldownSchema.default(180),
    })
    .prefault({}),
});
export type TMetricRulePolicy = z.infer<typeof ZMetricRulePolicySchema>;
export type TMetricRulePolicyInput = z.input<typeof ZMetricRulePolicySchema>;

const ZMinuteReadingSchema = z.object({
  /** floor(epochMs / 60000) */
  minute: z.number().int(),
  /** Timestamp of the reading kept for this minute (the latest one seen). */
  tsMs: z.number(),
  value: z.number(),
});
export type TMinuteReading = z.infer<typeof ZMinuteReadingSchema>;

const ZMetricBaselineSchema = z.object({
  ewma: z.number().nullable(),
  /** The baseline before the last folded minute, so that minute can be judged against a baseline it has not moved. */
  ewmaBeforeLast: z.number().nullable(),
  /** Minutes folded in so far (a gap of missing minutes adds nothing). */
  samples: z.number().int().min(0),
  lastFoldedMinute: z.number().int().nullable(),
  /** Minutes still accepting late points, ascending; at most a few. */
  open: z.array(ZMinuteReadingSchema),
  /** The last folded minutes, ascending; bounded by MAX_COLLAPSE_WINDOW_MINUTES + 1. */
  recent: z.array(ZMinuteReadingSchema),
});
export type TMetricBaseline = z.infer<typeof ZMetricBaselineSchema>;

/** Small, JSON-safe and bounded, so it can live in workflow state and cross continue-as-new. */
export const ZMetricBaselineStateSchema = z.object({
  version: z.literal(1),
  /** Newest point timestamp seen for the stream (any metric); drives the no-data rule. */
  lastPointAtMs: z.number().nullable(),
  metrics: z.partialRecord(ZMetricNameSchema, ZMetricBaselineSchema),
});
export type TMetricBaselineState = z.infer<typeof ZMetricBaselineStateSchema>;

export const ZMetricRuleIdSchema = z.enum(['conversion_drop', 'viewer_collapse', 'no_data']);
export type TMetricRuleId = z.infer<typeof ZMetricRuleIdSchema>;

export const ZAlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type TAlertSeverity = z.infer<typeof ZAlertSeveritySchema>;

export const ZLocalizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
export type TLocalizedText = z.infer<typeof ZLocalizedTextSchema>;

export const ZSuggestedActionKindSchema = z.enum([
  'propose_flash_sale',
  'launch_retention_perk',
  'check_stream_health',
]);

export const ZMetricAlertSchema = z.object({
  ruleId: ZMetricRuleIdSchema,
  severity: ZAlertSeveritySchema,
  message: ZLocalizedTextSchema,
  suggestedAction: z.object({ kind: ZSuggestedActionKindSchema, label: ZLocalizedTextSchema }),
  /** The numbers behind the alert, kept for the audit log and the review. */
  evidence: z.object({ observed: z.number(), reference: z.number(), observedAtMs: z.number() }),
});
export type TMetricAlert = z.infer<typeof ZMetricAlertSchema>;

export interface TEvaluateMetricRulesInput {
  /** Recent points of one stream (raw, or the latest readings of each batch); duplicates and late points are fine. */
  points: readonly TMetricPoint[];
  baseline: TMetricBaselineState;
  nowMs: number;
  /** When the stream went live: measures "no data yet" before the first point arrives. */
  liveSinceMs?: number;
  lastFiredAtMs: Partial<Record<TMetricRuleId, number>>;
  policy: TMetricRulePolicy;
}

export interface TEvaluateMetricRulesResult {
  alerts: TMetricAlert[];
  baseline: TMetricBaselineState;
  /** lastFiredAtMs with the alerts raised now recorded, ready to store back in workflow state. */
  lastFiredAtMs: Partial<Record<TMetricRuleId, number>>;
  /** Points dropped because their minute was already folded, or they were stamped in the future. */
  ignoredPoints: number;
}
