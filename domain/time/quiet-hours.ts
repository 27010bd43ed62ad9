import type { TQuietHours } from './time.types';
import { addLocalDays, zonedParts, zonedTimeToEpoch } from './zoned-time';

function minutesOfDay(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`expected HH:MM, got ${JSON.stringify(hhmm)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isWithinQuietHours(epochMs: number, timeZone: string, quietHours: TQuietHours): boolean {
  const start = minutesOfDay(quietHours.start);
  const end = minutesOfDay(quietHours.end);
  if (start === end) return false;
  const parts = zonedParts(epochMs, timeZone);
  // Fractional minutes so that 07:59:30 is still inside a window ending at 08:00.
  const now = parts.hour * 60 + parts.minute + parts.second / 60;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first instant at or after `epochMs` that is outside quiet hours. Quiet hours end at the local `end` wall time on
 * the day the window closes; if that wall time is skipped by DST the send moves to the first instant after the gap.
 */
export function nextAllowedSendTime(epochMs: number, timeZone: string, quietHours: TQuietHours): number {
  if (!isWithinQuietHours(epochMs, timeZone, quietHours)) return epochMs;
  const parts = zonedParts(epochMs, timeZone);
  const [endHour, endMinute] = quietHours.end.split(':').map(Number) as [number, number];
  const nowMinutes = parts.hour * 60 + parts.minute;
  // Inside a window that wraps midnight, before midnight the window closes tomorrow; after midnight, today.
  const closesTomorrow = nowMinutes >= endHour * 60 + endMinute;
  const date = addLocalDays(parts, closesTomorrow ? 1 : 0);
  const local = { ...date, hour: endHour, minute: endMinute };
  const earlier = zonedTimeToEpoch(local, timeZone, 'earlier');
  // In a fall-back overlap the earlier reading of `end` can precede `epochMs` (we are in the repeated hour).
  const candidate = earlier >= epochMs ? earlier : zonedTimeToEpoch(local, timeZone, 'later');
  if (candidate < epochMs || isWithinQuietHours(candidate, timeZone, quietHours)) {
    throw new Error(`nextAllowedSendTime: no exit from quiet hours found after ${epochMs} in ${timeZone}`);
  }
  return candidate;
}
