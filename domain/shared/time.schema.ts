import { z } from 'zod';
import { isDateOnly, isIsoInstant, isValidTimeZone } from './time';

/** Edge schemas for instants, dates and zones; deterministic code uses the plain checks in time.ts. */
export const ZIsoInstantSchema = z.string().trim().refine(isIsoInstant, {
  message: 'Expected an ISO 8601 date-time with offset, e.g. 2026-12-01T20:00:00+08:00',
});

export const ZDateOnlySchema = z
  .string()
  .trim()
  .refine(isDateOnly, { message: 'Expected a calendar date YYYY-MM-DD' });

export const ZTimeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: 'Expected an IANA time zone, e.g. Asia/Shanghai' });
