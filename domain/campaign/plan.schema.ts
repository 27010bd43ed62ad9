import { z } from 'zod';
import { parseInput } from '../shared/parse-input';
import { isIsoInstant, toIsoUtc } from '../shared/time';
import { ZTimeZoneSchema } from '../shared/time.schema';
import { ZStreamPlanSchema, ZTeamRosterSchema } from '../stream/plan.types';
import { zonedTimeToEpoch } from '../time/zoned-time';
import { DATA_CHECK_FLOOR_SECONDS, PERSON_FLOOR_SECONDS } from '../shared/timing-floors';
import { CAMPAIGN_KPIS } from './kpi-names';
import {
  CAMPAIGN_STREAMS_MAX,
  expandRecurring,
  isTimeOfDay,
  overlappingSlot,
  slotOutsideBurst,
  windowsOrderProblem,
  WINDOW_KEYS,
  type TSlot,
} from './plan-rules';

/** Ids and names end up in notifications (a person field holds 100 characters); lists in fan-outs. */
const PERSON_MAX = 100;
const KEY_MAX = 64;
const AMOUNT_MAX = 1e12;
const HOUR = 3600;
const DAY = 24 * HOUR;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-06-18T20:00" in the campaign's zone, or an instant with an offset; undefined when it is neither. */
export function zonedInstant(text: string, timeZone: string): string | undefined {
  const trimmed = text.trim();
  if (isIsoInstant(trimmed)) return toIsoUtc(Date.parse(trimmed));
  const match = LOCAL_DATE_TIME.exec(trimmed);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const candidate = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${String(second).padStart(2, '0')}Z`;
  // Reject 2026-02-30 and 25:00 the same way instants are rejected.
  if (!isIsoInstant(candidate)) return undefined;
  return toIsoUtc(
    zonedTimeToEpoch(
      { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second },
      timeZone,
    ),
  );
}

const ZZonedTextSchema = z.string().trim().min(1).max(40);
export const RECURRING_RULES_MAX = 10;
const seconds = (fallback: number, min: number, max: number) =>
  z.number().int().min(min).max(max).default(fallback);
const amount = () => z.number().nonnegative().max(AMOUNT_MAX);
const key = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(KEY_MAX)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Letters, digits, - and _ (it becomes part of a workflow id)');

export const ZCampaignGoalsSchema = z.object({
  gmv: amount().optional(),
  orders: amount().optional(),
  newFollowers: amount().optional(),
  participants: amount().optional(),
  /** GMV per yuan of budget (3 = GMV three times the budget); below it for long, the manager is asked. */
  roiFloor: amount().optional(),
});
export type TCampaignGoals = z.infer<typeof ZCampaignGoalsSchema>;

export const ZCampaignTimingSchema = z.object({
  /** The plan's approval is due this long after it was submitted (never later than preheat start). */
  approvalSlaSeconds: seconds(24 * HOUR, PERSON_FLOOR_SECONDS, 30 * DAY),
  approvalReminderIntervalSeconds: seconds(4 * HOUR, PERSON_FLOOR_SECONDS, 7 * DAY),
  /** KPIs are rolled up from the children at this cadence during burst and tail. */
  rollupEverySeconds: seconds(300, DATA_CHECK_FLOOR_SECONDS, DAY),
  /** The same alert rule stays quiet this long after it fired. */
  alertCooldownSeconds: seconds(30 * 60, PERSON_FLOOR_SECONDS, DAY),
  reviewSignoffSlaSeconds: seconds(72 * HOUR, PERSON_FLOOR_SECONDS, 90 * DAY),
  reviewSignoffReminderIntervalSeconds: seconds(24 * HOUR, PERSON_FLOOR_SECONDS, 7 * DAY),
});
export type TCampaignTiming = z.infer<typeof ZCampaignTimingSchema>;

export const ZCampaignAlertSchema = z
  .object({
    id: key(),
    metric: z.enum(CAMPAIGN_KPIS),
    below: z.number().min(0).max(AMOUNT_MAX).optional(),
    above: z.number().min(0).max(AMOUNT_MAX).optional(),
  })
  .refine((alert) => (alert.below === undefined) !== (alert.above === undefined), {
    message: 'Give exactly one of below or above',
    path: ['below'],
  });
export type TCampaignAlert = z.infer<typeof ZCampaignAlertSchema>;

export const ZCampaignRulesSchema = z.object({
  /** Goals all met during burst: the burst ends early (tail starts), on the timeline with the numbers. */
  endBurstWhenGoalsMet: z.boolean().default(false),
  /** With goals.roiFloor: how long ROI may stay under it before the manager is asked, and what silence means. */
  roiFloor: z
    .object({
      forSeconds: seconds(30 * 60, PERSON_FLOOR_SECONDS, DAY),
      confirmWithinSeconds: seconds(15 * 60, PERSON_FLOOR_SECONDS, DAY),
      onNoAnswer: z.enum(['continue', 'pause_remaining']).default('continue'),
    })
    .prefault({}),
});
export type TCampaignRules = z.infer<typeof ZCampaignRulesSchema>;

export const ZCampaignStreamInputSchema = z.object({
  key: key(),
  /** The studio or room the stream is shot in: one live per room at a time. */
  room: z.string().trim().min(1).max(KEY_MAX).default('main'),
  plan: ZStreamPlanSchema,
});

export const ZRecurringInputSchema = z.object({
  key: key(),
  room: z.string().trim().min(1).max(KEY_MAX).default('main'),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  time: z.string().trim().refine(isTimeOfDay, 'Expected a local time HH:MM'),
  /** The stream template: a stream plan whose scheduledStart is replaced by each occurrence. */
  plan: ZStreamPlanSchema,
});

const ZWindowsInputSchema = z.object(
  Object.fromEntries(WINDOW_KEYS.map((field) => [field, ZZonedTextSchema])) as Record<
    (typeof WINDOW_KEYS)[number],
    typeof ZZonedTextSchema
  >,
);

/** What a plan's streams and recurring rules may leave out: the campaign fills in its owner and zone. */
function withCampaignDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const plan = raw as Record<string, unknown>;
  const fill = (entries: unknown, extra: Record<string, unknown> = {}) =>
    Array.isArray(entries)
      ? entries.map((entry: unknown) => {
          if (typeof entry !== 'object' || entry === null) return entry;
          const e = entry as Record<string, unknown>;
          if (typeof e.plan !== 'object' || e.plan === null) return entry;
          return {
            ...e,
            plan: { owner: plan.owner, timeZone: plan.timeZone, ...extra, ...(e.plan as object) },
          };
        })
      : entries;
  // A recurring template's own start is never used (each occurrence sets it): a placeholder keeps it parseable.
  return {
    ...plan,
    streams: fill(plan.streams),
    recurring: fill(plan.recurring, { scheduledStart: '2000-01-01T00:00:00Z' }),
  };
}

/** A plan as written, before its windows and recurring rules are read (the API documents requests with it). */
export const ZCampaignPlanInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  owner: z.string().trim().min(1).max(PERSON_MAX),
  timeZone: ZTimeZoneSchema.default('Asia/Shanghai'),
  goals: ZCampaignGoalsSchema.default({}),
  /** Yuan: what the campaign may spend; ROI is GMV against it. */
  budget: amount().default(0),
  windows: ZWindowsInputSchema,
  streams: z.array(ZCampaignStreamInputSchema).max(CAMPAIGN_STREAMS_MAX).default([]),
  recurring: z.array(ZRecurringInputSchema).max(RECURRING_RULES_MAX).default([]),
  /** Chat channels (configured names, never URLs) that hear about phase changes. */
  channels: z.array(z.string().trim().min(1).max(PERSON_MAX)).max(20).default([]),
  /** Fan tiers or segments the campaign addresses (路人粉, 活跃粉, 核心粉...), for the record and the previews. */
  audiences: z.array(z.string().trim().min(1).max(PERSON_MAX)).max(20).default([]),
  /** Who may approve the plan (user ids or emails); empty: any manager. Never the submitter. */
  approvers: z.array(z.string().trim().min(1).max(PERSON_MAX)).max(20).default([]),
  team: ZTeamRosterSchema.prefault({}),
  alerts: z.array(ZCampaignAlertSchema).max(20).default([]),
  rules: ZCampaignRulesSchema.prefault({}),
  timing: ZCampaignTimingSchema.prefault({}),
});

export interface TCampaignStreamEntry {
  key: string;
  room: string;
  /** Listed in the plan, expanded from a recurring rule, or added while the campaign ran. */
  origin: 'plan' | 'recurring' | 'added';
  plan: z.infer<typeof ZStreamPlanSchema>;
}

export const ZCampaignPlanSchema = z.preprocess(
  withCampaignDefaults,
  ZCampaignPlanInputSchema.transform((input, ctx) => {
    const windows = { preheatStart: '', burstStart: '', burstEnd: '', tailEnd: '' };
    for (const field of WINDOW_KEYS) {
      const instant = zonedInstant(input.windows[field], input.timeZone);
      if (instant === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['windows', field],
          message: `Expected a date-time: 2026-06-18T20:00 (in ${input.timeZone}) or an ISO instant with offset`,
        });
        return z.NEVER;
      }
      windows[field] = instant;
    }
    const order = windowsOrderProblem(windows);
    if (order !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['windows', order.field], message: order.message });
      return z.NEVER;
    }
    const streams: TCampaignStreamEntry[] = input.streams.map((entry) => ({ ...entry, origin: 'plan' }));
    const paths = new Map<string, (string | number)[]>(
      input.streams.map((entry, index) => [entry.key, ['streams', index]]),
    );
    input.recurring.forEach((rule, index) => {
      const occurrences = expandRecurring(
        {
          key: rule.key,
          weekdays: rule.weekdays,
          time: rule.time,
          durationMinutes: rule.plan.plannedDurationMinutes,
        },
        windows,
        input.timeZone,
      );
      if (occurrences.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['recurring', index, 'weekdays'],
          message: 'No occurrence of this rule fits inside the burst window',
        });
      for (const occurrence of occurrences) {
        streams.push({
          key: occurrence.key,
          room: rule.room,
          origin: 'recurring',
          plan: { ...rule.plan, scheduledStart: occurrence.start },
        });
        paths.set(occurrence.key, ['recurring', index]);
      }
    });
    if (streams.length > CAMPAIGN_STREAMS_MAX)
      ctx.addIssue({
        code: 'custom',
        path: ['recurring'],
        message: `At most ${CAMPAIGN_STREAMS_MAX} streams in one campaign (recurring occurrences included); this plan has ${streams.length}`,
      });
    const slots: TSlot[] = streams.map(slotOf);
    const seen = new Set<string>();
    for (const slot of slots) {
      const at = paths.get(slot.key) ?? ['streams'];
      if (seen.has(slot.key))
        ctx.addIssue({ code: 'custom', path: [...at, 'key'], message: `Duplicate stream key ${slot.key}` });
      seen.add(slot.key);
      if (slotOutsideBurst(slot, windows))
        ctx.addIssue({
          code: 'custom',
          path: at[0] === 'streams' ? [...at, 'plan', 'scheduledStart'] : at,
          message: `Stream ${slot.key} (${slot.start}, ${slot.durationMinutes} min) is outside the burst window ${windows.burstStart} – ${windows.burstEnd}`,
        });
      const clash = overlappingSlot(slot, slots);
      if (clash !== undefined && slots.indexOf(clash) < slots.indexOf(slot))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'room'],
          message: `Stream ${slot.key} overlaps ${clash.key} in room ${slot.room}`,
        });
    }
    return {
      ...input,
      windows,
      streams,
      recurring: input.recurring.map(({ plan: template, ...rule }) => ({ ...rule, title: template.title })),
    };
  }),
);
export type TCampaignPlan = z.output<typeof ZCampaignPlanSchema>;
export type TCampaignPlanInput = z.input<typeof ZCampaignPlanInputSchema>;

export function slotOf(entry: Pick<TCampaignStreamEntry, 'key' | 'room' | 'plan'>): TSlot {
  return {
    key: entry.key,
    room: entry.room,
    start: entry.plan.scheduledStart,
    durationMinutes: entry.plan.plannedDurationMinutes,
  };
}

/** Throws DomainError INVALID_INPUT with the zod issues (each naming its field). */
export function parseCampaignPlan(input: unknown): TCampaignPlan {
  return parseInput(ZCampaignPlanSchema, input, 'campaign plan');
}
