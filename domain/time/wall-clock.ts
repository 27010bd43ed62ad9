import type { TLocalDateTime } from './time.types';
import { addLocalDays, zonedParts, zonedTimeToEpoch } from './zoned-time';

/**
 * Wall-clock arithmetic: a zone's clock reading written as if it were a UTC instant ("wall ms"), so that adding a day
 * or an hour moves the reading, not the instant. Converting back through the zone keeps local times across DST
 * changes: 20:00 plus seven days is 20:00 again, whether the week holds a clock change or not.
 */
const SECOND_MS = 1000;

function subSecondMs(epochMs: number): number {
  return ((epochMs % SECOND_MS) + SECOND_MS) % SECOND_MS;
}

/** The clock reading of an instant in a zone, as wall ms (milliseconds kept). */
export function toWallMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + subSecondMs(epochMs);
}

/** The local date-time fields of a wall-ms reading. */
export function wallFields(wallMs: number): TLocalDateTime {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The instant at which the zone's clocks read `wallMs`. A reading skipped by a spring-forward moves past the gap; a
 * repeated one (fall-back) is the earlier instant (see zonedTimeToEpoch).
 */
export function fromWallMs(wallMs: number, timeZone: string): number {
  return zonedTimeToEpoch(wallFields(wallMs), timeZone) + subSecondMs(wallMs);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date. */
export function isoWeekday(date: { year: number; month: number; day: number }): number {
  const sunday0 = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** The instant a local date reads `hour:minute` in the zone (the date moved by `addDays` first). */
export function atLocalTime(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
  addDays = 0,
): number {
  return zonedTimeToEpoch({ ...addLocalDays(date, addDays), hour, minute }, timeZone);
}
