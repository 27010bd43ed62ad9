import { z } from 'zod';

/** 'HH:MM' on a 24-hour clock, as typed into schedule forms. */
export const ZLocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00-23:59)');
export type TLocalTime = z.infer<typeof ZLocalTimeSchema>;

/** An IANA zone name that this runtime's Intl knows (an unknown zone would throw deep inside a workflow). */
export { ZTimeZoneSchema } from '../shared/time.schema';
export { isValidTimeZone as isKnownTimeZone } from '../shared/time';
export type TTimeZone = string;

/**
 * Quiet hours in the recipient's local time. `start` is inclusive, `end` exclusive; `start > end` wraps past midnight
 * (23:00-08:00). `start === end` means no quiet hours at all, not "quiet all day": a typo must not silence a stream.
 */
export const ZQuietHoursSchema = z.object({ start: ZLocalTimeSchema, end: ZLocalTimeSchema });
export type TQuietHours = z.infer<typeof ZQuietHoursSchema>;

export interface TZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0-23 */
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number;
  /** Local time minus UTC, in minutes (Asia/Shanghai: +480). */
  offsetMinutes: number;
}

export interface TLocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}
