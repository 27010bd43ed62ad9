import { nextAllowedSendTime } from '../time/quiet-hours';
import { zonedParts, zonedTimeToEpoch } from '../time/zoned-time';
import type { TFanPreviewPolicy } from './fan-preview-policy.schema';
import type { TFanTier } from './notify.types';

export type { TFanPreviewPolicy };

const HOUR_MINUTES = 60;

/** The default policy as plain data (workflows use it); fan-preview-policy.schema.ts validates written ones. */
export const DEFAULT_FAN_PREVIEW_POLICY: TFanPreviewPolicy = {
  quietHours: { start: '23:00', end: '08:00' },
  coreLeadMinutes: [24 * HOUR_MINUTES, HOUR_MINUTES],
  activeLeadMinutes: [HOUR_MINUTES],
  casualDigestLocalTime: '10:00',
};

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
