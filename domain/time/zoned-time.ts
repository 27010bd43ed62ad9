import type { TLocalDateTime, TZonedParts } from './time.types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Building a DateTimeFormat is far more expensive than using one; the cache is deterministic (same input, same output),
// so it is safe inside workflow code.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12:false: some engines print midnight as "24" with hour12:false.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone, plus the zone's UTC offset at that instant. */
export function zonedParts(epochMs: number, timeZone: string): TZonedParts {
  if (!Number.isFinite(epochMs)) throw new RangeError(`zonedParts: not a finite instant: ${epochMs}`);
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const year = Number(fields.year);
  const month = Number(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour);
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  // Intl drops milliseconds, so compare against the instant truncated to the whole second.
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  const offsetMinutes = Math.round(
    (Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecondMs) / MINUTE_MS,
  );
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: WEEKDAYS[fields.weekday ?? ''] ?? 0,
    offsetMinutes,
  };
}

export type TDisambiguation = 'earlier' | 'later';

/**
 * The instant at which the zone's clocks show `local`.
 * - Repeated wall times (autumn fall-back): `earlier` (default) or `later` of the two instants.
 * - Skipped wall times (spring-forward gap): shifted forward by the gap length, as most calendars do
 *   (02:30 on the New York spring-forward day becomes 03:30 EDT), whatever the disambiguation.
 */
export function zonedTimeToEpoch(
  local: TLocalDateTime,
  timeZone: string,
  disambiguation: TDisambiguation = 'earlier',
): number {
  const wallAsUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second ?? 0,
  );
  // Offsets a day either side bracket any transition near this wall time (zones change at most once a day).
  const offsetBefore = zonedParts(wallAsUtc - DAY_MS, timeZone).offsetMinutes;
  const offsetAfter = zonedParts(wallAsUtc + DAY_MS, timeZone).offsetMinutes;
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => toWallMs(zonedParts(instant, timeZone)) === wallAsUtc)
    .sort((a, b) => a - b);
  const chosen = disambiguation === 'later' ? candidates[candidates.length - 1] : candidates[0];
  if (chosen !== undefined) return chosen;
  // In the gap: read the wall time with the offset in force before the jump, which lands after it.
  return wallAsUtc - offsetBefore * MINUTE_MS;
}

/** The first instant of the local calendar day containing `epochMs`. */
export function startOfLocalDay(epochMs: number, timeZone: string): number {
  const { year, month, day } = zonedParts(epochMs, timeZone);
  return zonedTimeToEpoch({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** Calendar arithmetic on a local date (Date.UTC normalises day 32 into the next month). */
export function addLocalDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function toWallMs(parts: TZonedParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** 'YYYY-MM-DD' of the local day, e.g. to count "sent today" per recipient in the recipient's own zone. */
export function localDateKey(epochMs: number, timeZone: string): string {
  const { year, month, day } = zonedParts(epochMs, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
