import { DomainError } from './errors';

/**
 * Time helpers for deterministic code: every instant comes in as a parameter. Instants must carry an offset (or Z)
 * because a bare "2026-12-01T20:00" means different moments in Shanghai and in a UTC server. No schema library here
 * (workflows import this file); the zod schemas for the edges are in time.schema.ts.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  // Date.parse happily rolls 2026-02-30 over to March 2nd; compare against a real calendar instead.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoInstant(value: string): boolean {
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s, oh, om] = match.map((part) => (part === undefined ? 0 : Number(part)));
  if (!isCalendarDate(y ?? 0, mo ?? 0, d ?? 0)) return false;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59 || (oh ?? 0) > 14 || (om ?? 0) > 59) return false;
  return Number.isFinite(Date.parse(value));
}

export function isDateOnly(value: string): boolean {
  const match = DATE_ONLY.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function toEpochMs(iso: string): number {
  if (!isIsoInstant(iso)) throw new DomainError('INVALID_INPUT', `Not an ISO instant with offset: ${iso}`);
  return Date.parse(iso);
}

/** Canonical output form: UTC with Z, so instants compare as strings and serialize the same everywhere. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function addSeconds(iso: string, seconds: number): string {
  return toIsoUtc(toEpochMs(iso) + seconds * 1000);
}

export function secondsBetween(fromIso: string, toIso: string): number {
  return (toEpochMs(toIso) - toEpochMs(fromIso)) / 1000;
}

/** The calendar date (YYYY-MM-DD) of an instant as seen in a time zone; document expiry dates are local dates. */
export function localDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(toEpochMs(iso)));
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Compares instants, not strings: "+08:00" and "Z" forms of the same moment sort differently as text. */
export function isBefore(aIso: string, bIso: string): boolean {
  return toEpochMs(aIso) < toEpochMs(bIso);
}

export function laterOf(aIso: string, bIso: string): string {
  return isBefore(aIso, bIso) ? bIso : aIso;
}

export function earlierOf(aIso: string, bIso: string): string {
  return isBefore(bIso, aIso) ? bIso : aIso;
}
