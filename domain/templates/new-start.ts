import { DomainError } from '../shared/errors';
import { isDateOnly, toEpochMs, toIsoUtc } from '../shared/time';
import { zonedParts, zonedTimeToEpoch } from '../time/zoned-time';

/**
 * Where a plan made from a template starts, said one of three ways:
 * - `start`: an instant with offset (API clients that computed it);
 * - `localStart`: 'YYYY-MM-DDTHH:MM' read in the template's zone (the web form's date-time field);
 * - `date`: 'YYYY-MM-DD', at the template's own local time of day (every brand day at 20:00, whatever the season).
 */
export type TNewStart = { start: string } | { localStart: string } | { date: string };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DDTHH:MM' with a real calendar date and a 24-hour time. */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  return match !== null && isDateOnly(value.slice(0, 10)) && Number(match[4]) <= 23 && Number(match[5]) <= 59;
}

/**
 * The new anchor as an instant (ISO, UTC). A local time skipped by a spring-forward moves past the gap, as calendars
 * do (02:30 on the New York spring-forward day is 03:30 EDT).
 */
export function resolveNewStart(anchorIso: string, timeZone: string, spec: TNewStart): string {
  if ('start' in spec) return toIsoUtc(toEpochMs(spec.start));
  if ('localStart' in spec) {
    if (!isLocalDateTime(spec.localStart))
      throw new DomainError('INVALID_INPUT', `Not a local date-time YYYY-MM-DDTHH:MM: ${spec.localStart}`);
    const [date, time] = spec.localStart.split('T') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return toIsoUtc(zonedTimeToEpoch({ year, month, day, hour, minute }, timeZone));
  }
  if (!isDateOnly(spec.date)) throw new DomainError('INVALID_INPUT', `Not a date YYYY-MM-DD: ${spec.date}`);
  const [year, month, day] = spec.date.split('-').map(Number) as [number, number, number];
  const { hour, minute, second } = zonedParts(toEpochMs(anchorIso), timeZone);
  return toIsoUtc(zonedTimeToEpoch({ year, month, day, hour, minute, second }, timeZone));
}
