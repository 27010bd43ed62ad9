import { toEpochMs, toIsoUtc } from '../shared/time';
import { addLocalDays, zonedParts, zonedTimeToEpoch } from '../time/zoned-time';
import type { TCampaignState } from './state.types';
import { WINDOW_KEYS } from './plan-rules';

/**
 * Reuse (常态化): a campaign as it last stood, turned back into a plan a new campaign can start from (a clone of last
 * year's 618, or a template). Its streams are those still on its calendar (dropped ones are left out, added ones kept);
 * streams that came from a recurring rule are left to the rule, which expands again on the new dates.
 */
export function campaignPlanInputFromState(state: TCampaignState): Record<string, unknown> {
  const { plan } = state;
  const streams = state.streamOrder
    .map((key) => state.streams[key]!)
    .filter((s) => s.status !== 'dropped' && s.origin !== 'recurring');
  const recurring = plan.recurring.map((rule) => {
    const occurrence = state.streamOrder
      .map((key) => state.streams[key]!)
      .find((s) => s.origin === 'recurring' && s.key.startsWith(`${rule.key}-`));
    return {
      key: rule.key,
      room: rule.room,
      weekdays: rule.weekdays,
      time: rule.time,
      ...(occurrence === undefined ? {} : { plan: occurrence.plan }),
    };
  });
  return {
    name: plan.name,
    ...(plan.description === undefined ? {} : { description: plan.description }),
    owner: plan.owner,
    timeZone: plan.timeZone,
    goals: plan.goals,
    budget: plan.budget,
    windows: state.windows,
    streams: streams.map((s) => ({ key: s.key, room: s.room, plan: s.plan })),
    // A rule whose template is lost with its occurrences (all dropped) cannot be expanded again: left out.
    recurring: recurring.filter((rule) => 'plan' in rule),
    channels: plan.channels,
    audiences: plan.audiences,
    approvers: plan.approvers,
    team: plan.team,
    alerts: plan.alerts,
    rules: plan.rules,
    timing: plan.timing,
  };
}

/** An instant moved by whole local days in `timeZone`, keeping its wall-clock time (20:00 stays 20:00 across DST). */
export function shiftLocalDays(iso: string, days: number, timeZone: string): string {
  const parts = zonedParts(toEpochMs(iso), timeZone);
  const date = addLocalDays(parts, days);
  return toIsoUtc(
    zonedTimeToEpoch({ ...date, hour: parts.hour, minute: parts.minute, second: parts.second }, timeZone),
  );
}

/** Whole local days from the local date of `iso` to `date` (YYYY-MM-DD) in `timeZone`. */
export function localDaysBetween(iso: string, date: string, timeZone: string): number {
  const from = zonedParts(toEpochMs(iso), timeZone);
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(
    (Date.UTC(year!, month! - 1, day!) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );
}

/** A plan input (as campaignPlanInputFromState gives) with every window and stream moved by `days` local days. */
export function shiftCampaignPlanInput(
  input: Record<string, unknown>,
  days: number,
): Record<string, unknown> {
  const zone = String(input.timeZone ?? 'Asia/Shanghai');
  const windows = input.windows as Record<string, string>;
  const shifted = Object.fromEntries(
    WINDOW_KEYS.map((key) => [key, shiftLocalDays(windows[key]!, days, zone)]),
  );
  const streams = (input.streams as Array<{ key: string; room: string; plan: Record<string, unknown> }>).map(
    (s) => ({
      ...s,
      plan: {
        ...s.plan,
        scheduledStart: shiftLocalDays(String(s.plan.scheduledStart), days, String(s.plan.timeZone ?? zone)),
      },
    }),
  );
  return { ...input, windows: shifted, streams };
}
