import { localDateKey, zonedParts } from '../time/zoned-time';
import { atLocalTime, fromWallMs, isoWeekday, toWallMs, wallFields } from '../time/wall-clock';

/**
 * A recurring stream's calendar: the local days and time it goes live, in a zone, and how long ahead of each
 * occurrence the stream is created (its compliance gates and preheat need that time). Plain types: the recurring
 * stream workflow imports this file.
 */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

export interface TWeeklyRule {
  daysOfWeek: TWeekday[];
  /** 'HH:MM', local to `timeZone`. */
  time: string;
  timeZone: string;
  /** Whole hours between creating the stream and its start. */
  leadHours: number;
}

/** A weekly fire time of the schedule, local to the rule's zone. */
export interface TFireTime {
  weekday: TWeekday;
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
/** How far a fire may be from occurrence minus lead and still be that occurrence's fire: a DST change moves it 1 h. */
const DST_TOLERANCE_MS = 90 * MINUTE_MS;

function clock(rule: TWeeklyRule): { hour: number; minute: number } {
  const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
  return { hour, minute };
}

const weekdayIndex = (day: TWeekday): number => WEEKDAYS.indexOf(day);

/**
 * When the schedule fires: each occurrence's local day and time moved back by the lead, on the wall clock (Wednesday
 * 20:00 with 48 h lead fires Monday 20:00). On a week with a clock change the real lead is an hour longer or shorter.
 */
export function fireTimes(rule: TWeeklyRule): TFireTime[] {
  const { hour, minute } = clock(rule);
  const seen = new Map<number, TFireTime>();
  for (const day of rule.daysOfWeek) {
    const occurrence = weekdayIndex(day) * DAY_MINUTES + hour * 60 + minute;
    const fire = (((occurrence - rule.leadHours * 60) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    seen.set(fire, {
      weekday: WEEKDAYS[Math.floor(fire / DAY_MINUTES)]!,
      hour: Math.floor((fire % DAY_MINUTES) / 60),
      minute: fire % 60,
    });
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, fire]) => fire);
}

/** Occurrences of the rule on the local dates around an instant, as instants, ascending. */
function occurrencesAround(epochMs: number, rule: TWeeklyRule, fromDay: number, toDay: number): number[] {
  const { hour, minute } = clock(rule);
  const today = zonedParts(epochMs, rule.timeZone);
  const out: number[] = [];
  for (let offset = fromDay; offset <= toDay; offset += 1) {
    const instant = atLocalTime(today, hour, minute, rule.timeZone, offset);
    const date = zonedParts(instant, rule.timeZone);
    if (rule.daysOfWeek.includes(WEEKDAYS[isoWeekday(date) - 1]!)) out.push(instant);
  }
  return out;
}

/**
 * The occurrence a run of the schedule is for, from the time the schedule meant to fire (not from "now": a run that
 * catches up after downtime, or a backfill, creates the stream of its own occurrence):
 * - a calendar fire: the occurrence at fire + lead on the wall clock (within the hour a DST change shifts it);
 * - any other time (a manual trigger): the next occurrence after it.
 */
export function occurrenceForFire(fireMs: number, rule: TWeeklyRule): number {
  const expectedWall = toWallMs(fireMs, rule.timeZone) + rule.leadHours * HOUR_MS;
  const expected = fromWallMs(expectedWall, rule.timeZone);
  const calendarFire = occurrencesAround(expected, rule, -1, 1).find(
    (instant) => Math.abs(instant - expected) <= DST_TOLERANCE_MS,
  );
  if (calendarFire !== undefined) return calendarFire;
  const next = occurrencesAround(fireMs, rule, 0, 8).find((instant) => instant > fireMs);
  if (next === undefined) throw new RangeError('occurrenceForFire: a weekly rule needs at least one day');
  return next;
}

/**
 * One stream id per occurrence (`<schedule>.<local date>-<HHMM>`), so a retry, a re-trigger or a catch-up run finds
 * the stream already started instead of making a second one.
 */
export function occurrenceStreamId(scheduleId: string, occurrenceMs: number, timeZone: string): string {
  const { hour, minute } = wallFields(toWallMs(occurrenceMs, timeZone));
  const hhmm = `${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`;
  return `${scheduleId}.${localDateKey(occurrenceMs, timeZone)}-${hhmm}`;
}
