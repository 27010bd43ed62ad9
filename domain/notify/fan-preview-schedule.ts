import { z } from 'zod';
import { nextAllowedSendTime } from '../time/quiet-hours';
import { ZLocalTimeSchema, ZQuietHoursSchema } from '../time/time.types';
import { zonedParts, zonedTimeToEpoch } from '../time/zoned-time';
import type { TFanTier } from './notify.types';

const HOUR_MINUTES = 60;

export const ZFanPreviewPolicySchema = z.object({
  /** Recipients' quiet hours, read in the stream's zone (fans are assumed to be where the stream is). */
  quietHours: ZQuietHoursSchema.default({ start: '23:00', end: '08:00' }),
  /** Core fans: exclusive early notice and a last call. */
  coreLeadMinutes: z.array(z.number().int().min(1)).default([24 * HOUR_MINUTES, HOUR_MINUTES]),
  /** Active fans: a time-slot reminder. */
  activeLeadMinutes: z.array(z.number().int().min(1)).default([HOUR_MINUTES]),
  /** Casual fans get the stream in the daily preview digest, sent at this local time on the day of the stream. */
  casualDigestLocalTime: ZLocalTimeSchema.default('10:00'),
});
export type TFanPreviewPolicy = z.infer<typeof ZFanPreviewPolicySchema>;

export interface TFanPreviewSend {
  tier: TFanTier;
  /** Stable per stream, usable as the `purpose` of notificationKey. */
  purpose: string;
  /** Intended instant before quiet-hours adjustment, kept so the audit log can explain a moved send. */
  plannedAtMs: number;
  sendAtMs: number;
}

export interface TFanPreviewSchedule {
  sends: TFanPreviewSend[];
  /** Sends that quiet hours (or a late digest) would push to or past the start: a preview after it starts is noise. */
  skipped: Array<TFanPreviewSend & { reason: 'after_live_start' }>;
}

/**
 * When to notify each fan tier about a stream. Each send is pushed out of quiet hours; any that would then land at or
 * after the start is skipped rather than sent late. Sorted by send time.
 */
export function fanPreviewSchedule(
  liveStartMs: number,
  timeZone: string,
  policy: TFanPreviewPolicy,
): TFanPreviewSchedule {
  const planned: Array<Omit<TFanPreviewSend, 'sendAtMs'>> = [
    ...policy.coreLeadMinutes.map((lead) => ({
      tier: 'core' as const,
      purpose: `fan_preview.core.t-${lead}m`,
      plannedAtMs: liveStartMs - lead * 60_000,
    })),
    ...policy.activeLeadMinutes.map((lead) => ({
      tier: 'active' as const,
      purpose: `fan_preview.active.t-${lead}m`,
      plannedAtMs: liveStartMs - lead * 60_000,
    })),
  ];
  const day = zonedParts(liveStartMs, timeZone);
  const [hour, minute] = policy.casualDigestLocalTime.split(':').map(Number) as [number, number];
  planned.push({
    tier: 'casual',
    purpose: 'fan_preview.casual.digest',
    plannedAtMs: zonedTimeToEpoch({ year: day.year, month: day.month, day: day.day, hour, minute }, timeZone),
  });

  const schedule: TFanPreviewSchedule = { sends: [], skipped: [] };
  for (const send of planned) {
    const withTime = {
      ...send,
      sendAtMs: nextAllowedSendTime(send.plannedAtMs, timeZone, policy.quietHours),
    };
    if (withTime.sendAtMs >= liveStartMs) schedule.skipped.push({ ...withTime, reason: 'after_live_start' });
    else schedule.sends.push(withTime);
  }
  schedule.sends.sort((a, b) => a.sendAtMs - b.sendAtMs || a.purpose.localeCompare(b.purpose));
  return schedule;
}

/**
 * Whether one more message may go to a recipient today. `sentTodayCount` is counted per recipient-local day (see
 * localDateKey); `remaining` is what is left after this send if it goes out.
 */
export function applyFrequencyCap(
  sentTodayCount: number,
  cap: number,
): { allowed: boolean; remaining: number } {
  if (!Number.isInteger(sentTodayCount) || sentTodayCount < 0) {
    throw new RangeError(
      `applyFrequencyCap: sentTodayCount must be a non-negative integer, got ${sentTodayCount}`,
    );
  }
  if (!Number.isInteger(cap) || cap < 0)
    throw new RangeError(`applyFrequencyCap: cap must be a non-negative integer, got ${cap}`);
  const allowed = sentTodayCount < cap;
  return { allowed, remaining: allowed ? cap - sentTodayCount - 1 : 0 };
}
