import { DomainError } from '../shared/errors';
import { wallClockShift } from '../templates/wall-clock-shift';
import { parseCampaignPlan } from './plan.schema';
import { WINDOW_KEYS } from './plan-rules';

/**
 * A campaign template is a campaign plan as a person writes it (streams listed, recurring rules with their stream
 * template), with its windows as instants: stored so that it parses again as a plan, and moved as a whole.
 */
export type TCampaignTemplatePlan = Record<string, unknown> & {
  name: string;
  timeZone: string;
  windows: Record<(typeof WINDOW_KEYS)[number], string>;
  streams: Array<{ key: string; room: string; plan: Record<string, unknown> & { scheduledStart: string } }>;
};

/** Validates a campaign plan and keeps it in its written form, windows and starts made instants. */
export function normalizeCampaignTemplate(input: unknown): TCampaignTemplatePlan {
  const parsed = parseCampaignPlan(input);
  const raw = input as Record<string, unknown>;
  return {
    ...raw,
    name: parsed.name,
    timeZone: parsed.timeZone,
    windows: parsed.windows,
    streams: parsed.streams
      .filter((s) => s.origin !== 'recurring')
      .map((s) => ({ key: s.key, room: s.room, plan: s.plan })),
    recurring: Array.isArray(raw.recurring) ? raw.recurring : [],
  };
}

/**
 * The plan moved so its preheat starts at `startIso`: every window and every stream keeps its local wall-clock time in
 * the campaign's zone (a 20:00 brand day stays at 20:00 across a DST change). Recurring rules move by themselves: they
 * expand again inside the new burst.
 */
export function campaignPlanStartingAt(plan: TCampaignTemplatePlan, startIso: string): TCampaignTemplatePlan {
  const shift = wallClockShift(plan.windows.preheatStart, startIso, plan.timeZone);
  if (!Array.isArray(plan.streams))
    throw new DomainError('INVALID_INPUT', 'A campaign template lists its streams');
  return {
    ...plan,
    windows: Object.fromEntries(
      WINDOW_KEYS.map((key) => [key, shift(plan.windows[key])]),
    ) as TCampaignTemplatePlan['windows'],
    streams: plan.streams.map((s) => ({
      ...s,
      plan: { ...s.plan, scheduledStart: shift(s.plan.scheduledStart) },
    })),
  };
}
