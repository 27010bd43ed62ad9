import { toIsoUtc } from '../shared/time';
import { addLocalDays, localDateKey, zonedParts, zonedTimeToEpoch } from '../time/zoned-time';
import { isoWeekday } from '../time/wall-clock';

/** 日报, 周报, 月报. Plain types: the report workflow imports this file. */
export const REPORT_CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type TReportCadence = (typeof REPORT_CADENCES)[number];

export const REPORT_CADENCE_LABELS: Record<TReportCadence, { 'zh-CN': string; en: string }> = {
  daily: { 'zh-CN': '日报', en: 'Daily report' },
  weekly: { 'zh-CN': '周报', en: 'Weekly report' },
  monthly: { 'zh-CN': '月报', en: 'Monthly report' },
};

export interface TReportPeriod {
  cadence: TReportCadence;
  /** First instant of the period (local midnight), inclusive. */
  startIso: string;
  /** First instant after it, exclusive. */
  endIso: string;
  /** 'daily-2027-03-09', 'weekly-2027-03-01' (its Monday), 'monthly-2027-02': one report per period. */
  key: string;
}

type TLocalDate = { year: number; month: number; day: number };

const midnight = (date: TLocalDate, timeZone: string): number =>
  zonedTimeToEpoch({ ...date, hour: 0, minute: 0 }, timeZone);

function periodStarting(cadence: TReportCadence, start: TLocalDate, timeZone: string): TReportPeriod {
  const end =
    cadence === 'daily'
      ? addLocalDays(start, 1)
      : cadence === 'weekly'
        ? addLocalDays(start, 7)
        : start.month === 12
          ? { year: start.year + 1, month: 1, day: 1 }
          : { year: start.year, month: start.month + 1, day: 1 };
  const startMs = midnight(start, timeZone);
  const dateKey = localDateKey(startMs, timeZone);
  return {
    cadence,
    startIso: toIsoUtc(startMs),
    endIso: toIsoUtc(midnight(end, timeZone)),
    key: `${cadence}-${cadence === 'monthly' ? dateKey.slice(0, 7) : dateKey}`,
  };
}

/** The first local date of the period that contains `date`. */
function periodStartOf(cadence: TReportCadence, date: TLocalDate): TLocalDate {
  if (cadence === 'daily') return date;
  if (cadence === 'weekly') return addLocalDays(date, 1 - isoWeekday(date));
  return { year: date.year, month: date.month, day: 1 };
}

/**
 * The whole local day, week (Monday to Sunday) or month before the one the report was scheduled in: the 09:00 daily
 * report of March 10th covers March 9th, 00:00 to 24:00 in the report's zone (23 or 25 hours on a DST change day).
 * Computed from the scheduled time, so a report run late (catch-up, backfill) still covers its own period.
 */
export function previousPeriod(
  cadence: TReportCadence,
  scheduledMs: number,
  timeZone: string,
): TReportPeriod {
  const current = periodStartOf(cadence, zonedParts(scheduledMs, timeZone));
  const previous =
    cadence === 'daily'
      ? addLocalDays(current, -1)
      : cadence === 'weekly'
        ? addLocalDays(current, -7)
        : current.month === 1
          ? { year: current.year - 1, month: 12, day: 1 }
          : { year: current.year, month: current.month - 1, day: 1 };
  return periodStarting(cadence, previous, timeZone);
}

/** The period before `period` (for "compared with the week before"). */
export function periodBefore(period: TReportPeriod, timeZone: string): TReportPeriod {
  return previousPeriod(period.cadence, Date.parse(period.startIso), timeZone);
}
