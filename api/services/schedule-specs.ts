import type { CalendarSpec, DayOfWeek, ScheduleOptions } from '@temporalio/client';
import type { TActor } from '../../domain/shared/actor.types';
import type { TReportCadence } from '../../domain/schedules/report-period';
import { fireTimes, type TWeekday } from '../../domain/schedules/weekly-rule';
import type { Config } from '../../runtime/config';
import type { PeriodicReportInput } from '../../workflows/schedules/periodic-report-workflow';
import type { RecurringStreamInput } from '../../workflows/schedules/recurring-stream-workflow';
import type { TRecurringStreamSchedule, TReportSchedule } from '../routes/schedules.types';

/** The memo key that marks a schedule as liveops' own, holding what it was created from. */
export const SCHEDULE_MEMO_KEY = 'liveops';

export type TScheduleDefinition =
  | Omit<TRecurringStreamSchedule, 'id' | 'paused'>
  | (Omit<TReportSchedule, 'id' | 'paused' | 'name'> & { name: string });

export interface TScheduleMemo {
  name: string;
  createdBy: string;
  definition: TScheduleDefinition;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const dayOfWeek = (day: TWeekday) => day.toUpperCase() as DayOfWeek;
const clock = (time: string) => time.split(':').map(Number) as [number, number];

/**
 * Recurring streams. Catch-up window = the lead: a fire missed by less still leaves its stream time for gates and
 * preheat; one missed by more is for a live that has started (the activity skips those too). Overlap BUFFER_ALL:
 * after downtime each missed occurrence gets its own run, one after another (each creates a different stream, and
 * SKIP would drop all but one); a run takes seconds, so nothing waits long.
 *
 * No run timeout and no pause on failure: a run waiting for a stopped worker, or retrying through a database outage,
 * must come late rather than be killed and pause the schedule without a word. The run's own clock is its occurrence
 * (recurring-stream-workflow.ts): it retries until the live begins, then tells the managers the occurrence was
 * missed; a refusal no retry can fix (template deleted, plan no longer valid) makes the run pause the schedule with
 * the reason and tell the managers, instead of failing again every week.
 */
export function recurringStreamSchedule(
  id: string,
  input: TRecurringStreamSchedule,
  actor: TActor,
  config: Pick<Config, 'temporal' | 'publicBaseUrl'>,
): ScheduleOptions {
  const { id: _id, paused, ...definition } = input;
  const rule = {
    daysOfWeek: input.daysOfWeek,
    time: input.time,
    timeZone: input.timeZone,
    leadHours: input.leadHours,
  };
  const args: RecurringStreamInput = {
    scheduleId: id,
    templateId: input.templateId,
    rule,
    createdBy: actor,
    scheduleName: input.name,
    publicBaseUrl: config.publicBaseUrl,
  };
  const memo: TScheduleMemo = { name: input.name, createdBy: actor.id, definition };
  return {
    scheduleId: id,
    spec: {
      calendars: fireTimes(rule).map((fire): CalendarSpec => ({
        dayOfWeek: dayOfWeek(fire.weekday),
        hour: fire.hour,
        minute: fire.minute,
        comment: `${input.leadHours} h before ${input.time}`,
      })),
      timezone: input.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'recurringStreamWorkflow',
      taskQueue: config.temporal.taskQueue,
      workflowId: `${id}.run`,
      args: [args],
    },
    policies: { overlap: 'BUFFER_ALL', catchupWindow: input.leadHours * HOUR_MS, pauseOnFailure: false },
    memo: { [SCHEDULE_MEMO_KEY]: memo },
    state: { paused, note: paused ? `created paused by ${actor.id}` : `created by ${actor.id}` },
  };
}

/** The report's period, one cadence long: how late a missed report may still be produced (see reportSchedule). */
const REPORT_CATCHUP_MS: Record<TReportCadence, number> = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
  monthly: 28 * DAY_MS,
};

function reportCalendar(cadence: TReportCadence, time: string): CalendarSpec {
  const [hour, minute] = clock(time);
  if (cadence === 'weekly') return { dayOfWeek: 'MONDAY', hour, minute, comment: '周报 every Monday' };
  if (cadence === 'monthly') return { dayOfMonth: 1, hour, minute, comment: '月报 on the 1st' };
  return { hour, minute, comment: '日报 every day' };
}

export const DEFAULT_REPORT_NAMES: Record<TReportCadence, string> = {
  daily: '日报 Daily report',
  weekly: '周报 Weekly report',
  monthly: '月报 Monthly report',
};

/**
 * Reports. Catch-up window = one period: after downtime shorter than that, the missed report is still made, for its
 * own period (it is computed from the scheduled time); older ones are left to a backfill rather than mailed in a
 * burst. Overlap BUFFER_ALL: two periods' reports never cancel or skip each other, they run one after another.
 * No run timeout: a run waiting for a stopped worker makes its report late, not lost (its activities' retries and
 * the delivery wait bound it once it runs). A failed run does not pause the schedule: tomorrow's report should come.
 */
export function reportSchedule(
  id: string,
  input: TReportSchedule,
  actor: TActor,
  config: Pick<Config, 'temporal' | 'publicBaseUrl' | 'notifyLocale'>,
): ScheduleOptions {
  const { id: _id, paused, ...rest } = input;
  const name = input.name ?? DEFAULT_REPORT_NAMES[input.cadence];
  const definition = { ...rest, name };
  const args: PeriodicReportInput = {
    scheduleId: id,
    scheduleName: name,
    cadence: input.cadence,
    timeZone: input.timeZone,
    recipients: input.recipients,
    locale: input.locale ?? config.notifyLocale,
    publicBaseUrl: config.publicBaseUrl,
  };
  const memo: TScheduleMemo = { name, createdBy: actor.id, definition };
  return {
    scheduleId: id,
    spec: { calendars: [reportCalendar(input.cadence, input.time)], timezone: input.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'periodicReportWorkflow',
      taskQueue: config.temporal.taskQueue,
      workflowId: `${id}.run`,
      args: [args],
    },
    policies: {
      overlap: 'BUFFER_ALL',
      catchupWindow: REPORT_CATCHUP_MS[input.cadence],
      pauseOnFailure: false,
    },
    memo: { [SCHEDULE_MEMO_KEY]: memo },
    state: { paused, note: paused ? `created paused by ${actor.id}` : `created by ${actor.id}` },
  };
}
