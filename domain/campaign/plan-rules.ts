import { addLocalDays, zonedParts, zonedTimeToEpoch } from '../time/zoned-time';
import { addSeconds, isBefore, toEpochMs, toIsoUtc } from '../shared/time';

/**
 * The rules a campaign's calendar must keep, in plain code: the plan schema (at the edge) and the actions that change
 * the calendar inside the workflow (add a stream, extend the burst) judge with the same functions.
 */

/** Dozens of streams, not hundreds: each child's plan travels in the campaign's state and its continue-as-new. */
export const CAMPAIGN_STREAMS_MAX = 60;

export interface TCampaignWindows {
  preheatStart: string;
  burstStart: string;
  burstEnd: string;
  tailEnd: string;
}

export const WINDOW_KEYS = ['preheatStart', 'burstStart', 'burstEnd', 'tailEnd'] as const;
export type TWindowKey = (typeof WINDOW_KEYS)[number];

/** One stream's place on the calendar: its room and its live slot. */
export interface TSlot {
  key: string;
  room: string;
  start: string;
  durationMinutes: number;
}

export function slotEnd(slot: Pick<TSlot, 'start' | 'durationMinutes'>): string {
  return addSeconds(slot.start, slot.durationMinutes * 60);
}

/** The first window boundary that is not after the one before it, with a message naming both. */
export function windowsOrderProblem(
  windows: TCampaignWindows,
): { field: TWindowKey; message: string } | undefined {
  for (let i = 1; i < WINDOW_KEYS.length; i += 1) {
    const before = WINDOW_KEYS[i - 1]!;
    const field = WINDOW_KEYS[i]!;
    if (!isBefore(windows[before], windows[field]))
      return { field, message: `${field} must be after ${before} (${windows[before]})` };
  }
  return undefined;
}

/** A stream slot must lie inside the burst window (its whole live time). */
export function slotOutsideBurst(slot: TSlot, windows: TCampaignWindows): boolean {
  return (
    toEpochMs(slot.start) < toEpochMs(windows.burstStart) ||
    toEpochMs(slotEnd(slot)) > toEpochMs(windows.burstEnd)
  );
}

/** The slot `slot` collides with in its room (a room hosts one live at a time), if any. */
export function overlappingSlot(slot: TSlot, others: readonly TSlot[]): TSlot | undefined {
  const start = toEpochMs(slot.start);
  const end = toEpochMs(slotEnd(slot));
  return others.find(
    (other) =>
      other.key !== slot.key &&
      other.room === slot.room &&
      toEpochMs(other.start) < end &&
      start < toEpochMs(slotEnd(other)),
  );
}

/** A recurring stream rule: "every Wednesday 20:00 brand day", in the campaign's zone. */
export interface TRecurringRule {
  key: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
  /** Local wall-clock time, HH:MM. */
  time: string;
  durationMinutes: number;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A campaign's burst is weeks, not years: the expansion walks at most this many days. */
const MAX_DAYS = 400;

export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

/**
 * The occurrences of a recurring rule whose whole slot falls inside the burst window, keyed `<rule>-<YYYYMMDD>` (the
 * local date), so the same rule and date always give the same stream key.
 */
export function expandRecurring(
  rule: TRecurringRule,
  windows: TCampaignWindows,
  timeZone: string,
): Array<{ key: string; start: string }> {
  const match = TIME_OF_DAY.exec(rule.time);
  if (match === null) return [];
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const first = zonedParts(toEpochMs(windows.burstStart), timeZone);
  const out: Array<{ key: string; start: string }> = [];
  for (let offset = 0; offset < MAX_DAYS; offset += 1) {
    const date = addLocalDays(first, offset);
    const epoch = zonedTimeToEpoch({ ...date, hour, minute }, timeZone);
    const start = toIsoUtc(epoch);
    if (!isBefore(start, windows.burstEnd)) break;
    const weekday = zonedParts(epoch, timeZone).weekday;
    const slot = { key: rule.key, room: '', start, durationMinutes: rule.durationMinutes };
    if (rule.weekdays.includes(weekday) && !slotOutsideBurst(slot, windows)) {
      const ymd = `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
      out.push({ key: `${rule.key}-${ymd}`, start });
    }
  }
  return out;
}
