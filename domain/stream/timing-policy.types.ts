import { z } from 'zod';

import { DATA_CHECK_FLOOR_SECONDS, PERSON_FLOOR_SECONDS } from '../shared/timing-floors';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Bounds make every accepted policy run: a floor on what repeats (a reminder, SLA or cool-down of zero floods the
 * team) and a ceiling far below what a JS Date holds once added to a start time (9007199254740991 s is not a date).
 */
const between = (min: number, max: number) => z.number().int().min(min).max(max);
const seconds = (fallback: number, min: number, max: number) => between(min, max).default(fallback);

/**
 * Every duration a stream waits on, in seconds, so tests and demos can shrink a day-long stream to seconds.
 * Defaults follow the usual rhythm: preheat a day ahead, gates closed two hours before start, a day of tail.
 */
export const ZTimingPolicySchema = z.object({
  /** Preheat (previews, fan reminders) starts this long before live start, once the gates have passed. */
  preheatLeadSeconds: seconds(24 * HOUR, 0, 30 * DAY),
  /** Compliance gates must pass by start minus this, or the stream is blocked (nothing unreviewed goes on air). */
  gateCutoffBeforeStartSeconds: seconds(2 * HOUR, 0, 30 * DAY),
  /** A pending approval is due this long after it was requested (capped by the gate cutoff), then escalated. */
  approvalSlaSeconds: seconds(4 * HOUR, PERSON_FLOOR_SECONDS, 30 * DAY),
  /** Reminders repeat at this interval while an approval is pending; they never cancel the task. */
  approvalReminderIntervalSeconds: seconds(1 * HOUR, PERSON_FLOOR_SECONDS, 7 * DAY),
  /** Checklist reminders go out at start minus each offset (T-24h, T-1h, T-15m). */
  checklistReminderOffsetsSeconds: z
    .array(between(1, 30 * DAY))
    .max(10)
    .default([24 * HOUR, 1 * HOUR, 15 * MINUTE]),
  /** The pre-live checklist is due at start minus this; unsigned by then, it escalates. */
  checklistDueBeforeStartSeconds: seconds(5 * MINUTE, 0, 7 * DAY),
  /** Tail (clips, UGC, after-sales) lasts this long after live end. */
  tailDurationSeconds: seconds(24 * HOUR, 0, 30 * DAY),
  /** The manager is reminded to sign the review off at this interval. */
  reviewSignoffReminderIntervalSeconds: seconds(24 * HOUR, PERSON_FLOOR_SECONDS, 7 * DAY),
  /** Review sign-off is due this long after the review report arrives. */
  reviewSignoffSlaSeconds: seconds(72 * HOUR, PERSON_FLOOR_SECONDS, 90 * DAY),
  /** During burst, no metric batch for this long raises a "no data" alert (platform feed or collector is down). */
  metricNoDataSeconds: seconds(5 * MINUTE, DATA_CHECK_FLOOR_SECONDS, DAY),
  /** The same alert rule does not fire again within this window, so the room operator is not flooded. */
  alertCooldownSeconds: seconds(10 * MINUTE, PERSON_FLOOR_SECONDS, DAY),
});
export type TTimingPolicy = z.infer<typeof ZTimingPolicySchema>;
export type TTimingPolicyInput = z.input<typeof ZTimingPolicySchema>;
