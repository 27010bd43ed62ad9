import { z } from 'zod';
import { ZMetricNameSchema, type TMetricName } from '../metrics/metric.types';
import { ZActorSchema } from '../shared/actor.types';
import { ZIsoInstantSchema } from '../shared/time';
import { ZProductCheckResultSchema } from '../compliance/product-documents.types';
import { ZScriptFindingSchema } from '../compliance/rules.types';
import { ZStreamPhaseSchema } from './phases';
import { ZScriptSegmentSchema, ZStreamPlanSchema } from './plan.types';

/** Every event says when and who; `actor` is SYSTEM_ACTOR for timers, scans and metric feeds. */
const base = { at: ZIsoInstantSchema, actor: ZActorSchema };
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...base, ...shape });

const revision = z.number().int().positive();
const reason = z.string().trim().min(1);
const recipients = z.array(z.string().min(1));

/** Metric names come from domain/metrics (snake_case), so batches summarized there fit here unchanged. */
export { ZMetricNameSchema, type TMetricName };

export const SCRIPT_DECISIONS = ['approved', 'rejected', 'approved_with_findings'] as const;
export const INCIDENT_KINDS = ['interruption', 'complaint', 'content_violation', 'other'] as const;

export const ZStreamEventSchema = z.discriminatedUnion('type', [
  /** First event of every stream; replay starts from it. */
  event('StreamPlanned', { streamId: z.string().min(1), plan: ZStreamPlanSchema }),
  event('ScriptSubmitted', {
    revision,
    segments: z.array(ZScriptSegmentSchema).min(1),
    submittedBy: z.string().min(1),
  }),
  /** packVersion: the rule pack that judged the script (absent in scans recorded before rule packs). */
  event('ScriptScanned', {
    revision,
    findings: z.array(ZScriptFindingSchema),
    packVersion: z.string().min(1).optional(),
  }),
  event('ScriptDecided', {
    revision,
    decision: z.enum(SCRIPT_DECISIONS),
    reasons: z.array(z.string()),
    acceptedFindingIds: z.array(z.string()),
  }),
  event('ProductsChecked', { results: z.array(ZProductCheckResultSchema) }),
  event('ProductDecided', {
    sku: z.string().min(1),
    decision: z.enum(['approved', 'rejected']),
    reason: z.string(),
  }),
  event('ProductDropped', { sku: z.string().min(1) }),
  event('ReminderSent', { approvalKey: z.string().min(1), to: recipients }),
  event('ApprovalEscalated', { approvalKey: z.string().min(1), to: recipients }),
  event('StreamBlocked', { reason }),
  event('StreamRescheduled', { scheduledStart: ZIsoInstantSchema, reason: z.string().optional() }),
  event('PhaseEntered', { phase: ZStreamPhaseSchema }),
  event('ChecklistSigned', { items: z.array(z.string().min(1)) }),
  event('ChecklistEscalated', { to: recipients }),
  /** One event per batch of points (never per point), so history stays small during a busy burst. */
  event('MetricsReceived', {
    count: z.number().int().nonnegative(),
    from: ZIsoInstantSchema,
    to: ZIsoInstantSchema,
    latest: z.partialRecord(ZMetricNameSchema, z.number()),
  }),
  event('AlertRaised', { ruleId: z.string().min(1), message: z.string().min(1), notified: recipients }),
  event('IncidentRecorded', {
    kind: z.enum(INCIDENT_KINDS),
    description: z.string().min(1),
    steps: z.array(z.string()),
  }),
  event('StreamExtended', { minutes: z.number().int().positive(), reason }),
  event('StreamEndedEarly', { reason }),
  event('Paused', { reason }),
  /** pausedSeconds is computed once by the workflow and recorded, so replay never recomputes durations. */
  event('Resumed', { pausedSeconds: z.number().nonnegative() }),
  event('AdvancedNow', { from: ZStreamPhaseSchema, to: ZStreamPhaseSchema }),
  event('Cancelled', { reason }),
  event('ReviewReported', { reportId: z.string().min(1), summary: z.string() }),
  event('ReviewSignedOff', { reportId: z.string().min(1) }),
  /** Marks a workflow run boundary in the timeline; changes nothing else. */
  event('ContinuedAsNew', { runNumber: z.number().int().positive() }),
]);

export type TStreamEvent = z.infer<typeof ZStreamEventSchema>;
export type TStreamEventType = TStreamEvent['type'];
export type TStreamEventOf<K extends TStreamEventType> = Extract<TStreamEvent, { type: K }>;
export const STREAM_EVENT_TYPES = ZStreamEventSchema.options.map((option) => option.shape.type.value);
