import { z } from 'zod';
import { APP_ROLES } from '../../domain/shared/actor.types';
import { REPORT_CADENCES } from '../../domain/schedules/report-period';
import { WEEKDAYS } from '../../domain/schedules/weekly-rule';
import { ZLocalTimeSchema, ZTimeZoneSchema } from '../../domain/time/time.types';
import { ZTemplateIdSchema } from './templates.types';

/** Schedule ids become the prefix of every stream id a recurring schedule creates: short and URL-safe. */
export const ZScheduleIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9-]{0,47}$/,
    'letters, digits and - (at most 48), starting with a letter or digit',
  );
export const ZScheduleIdParamsSchema = z.object({ id: ZScheduleIdSchema });

const ZNameSchema = z.string().trim().min(1).max(200);
export const DEFAULT_SCHEDULE_ZONE = 'Asia/Shanghai';

/** "Every Wednesday 20:00 Asia/Shanghai brand day", created `leadHours` ahead from a stream template. */
export const ZRecurringStreamScheduleSchema = z.object({
  kind: z.literal('recurring-stream'),
  id: ZScheduleIdSchema.optional(),
  name: ZNameSchema,
  templateId: ZTemplateIdSchema,
  daysOfWeek: z
    .array(z.enum(WEEKDAYS))
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'each day once'),
  /** The live start, local to timeZone. */
  time: ZLocalTimeSchema,
  timeZone: ZTimeZoneSchema.default(DEFAULT_SCHEDULE_ZONE),
  /** Hours ahead of each occurrence the stream is created: its compliance gates and preheat need that time. */
  leadHours: z.number().int().min(1).max(168).default(48),
  paused: z.boolean().default(false),
});

/** 日报 daily, 周报 Monday, 月报 on the 1st, at `time` in `timeZone`. */
export const ZReportScheduleSchema = z.object({
  kind: z.literal('report'),
  id: ZScheduleIdSchema.optional(),
  name: ZNameSchema.optional(),
  cadence: z.enum(REPORT_CADENCES),
  time: ZLocalTimeSchema.default('09:00'),
  timeZone: ZTimeZoneSchema.default(DEFAULT_SCHEDULE_ZONE),
  recipients: z
    .object({
      /** Every enabled user with one of these roles, as they are when the report runs. */
      roles: z.array(z.enum(APP_ROLES)).max(APP_ROLES.length).default([]),
      emails: z.array(z.email().max(254)).max(100).default([]),
    })
    .refine((r) => r.roles.length + r.emails.length > 0, 'name at least one role or email'),
  /** Default: NOTIFY_LOCALE. */
  locale: z.enum(['zh-CN', 'en']).optional(),
  paused: z.boolean().default(false),
});

export const ZCreateScheduleBodySchema = z.discriminatedUnion('kind', [
  ZRecurringStreamScheduleSchema,
  ZReportScheduleSchema,
]);
export type TCreateScheduleBody = z.output<typeof ZCreateScheduleBodySchema>;
export type TRecurringStreamSchedule = z.output<typeof ZRecurringStreamScheduleSchema>;
export type TReportSchedule = z.output<typeof ZReportScheduleSchema>;

export const ZPauseScheduleBodySchema = z.object({ note: z.string().trim().max(500).optional() });

const ZScheduleDefinitionSchema = z.looseObject({ kind: z.enum(['recurring-stream', 'report']) });

export const ZScheduleSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['recurring-stream', 'report']),
  name: z.string(),
  createdBy: z.string(),
  paused: z.boolean(),
  note: z.string().nullable(),
  timeZone: z.string(),
  nextActionTimes: z.array(z.string()),
  definition: ZScheduleDefinitionSchema,
});

export const ZScheduleDetailSchema = ZScheduleSummarySchema.extend({
  calendars: z.array(z.object({ comment: z.string().optional() }).loose()),
  policies: z.object({ overlap: z.string(), catchupWindowMs: z.number(), pauseOnFailure: z.boolean() }),
  recentActions: z.array(z.object({ scheduledAt: z.string(), takenAt: z.string(), workflowId: z.string() })),
  runningWorkflowIds: z.array(z.string()),
  numActionsTaken: z.number(),
  numActionsMissedCatchupWindow: z.number(),
  numActionsSkippedOverlap: z.number(),
  createdAt: z.string(),
});
