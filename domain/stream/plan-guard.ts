import { isIsoInstant, isValidTimeZone } from '../shared/time';
import { STREAM_ROLES } from './plan.constants';

const TIMING_NUMBERS = [
  'preheatLeadSeconds',
  'gateCutoffBeforeStartSeconds',
  'approvalSlaSeconds',
  'approvalReminderIntervalSeconds',
  'checklistDueBeforeStartSeconds',
  'tailDurationSeconds',
  'reviewSignoffReminderIntervalSeconds',
  'reviewSignoffSlaSeconds',
  'metricNoDataSeconds',
  'alertCooldownSeconds',
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * The workflow's guard on its start input. Plans are parsed at the edge (ZStreamPlanSchema: bounds, defaults); inside
 * the workflow sandbox there is no schema library, so this checks the shape the workflow relies on and names the
 * first thing wrong, for a start that bypassed the API. Undefined when the plan is usable.
 */
export function planShapeProblem(plan: unknown): string | undefined {
  if (!isRecord(plan)) return 'plan: expected an object (a plan parsed by ZStreamPlanSchema)';
  if (typeof plan.title !== 'string' || plan.title === '') return 'plan.title: expected text';
  if (typeof plan.owner !== 'string' || plan.owner === '') return 'plan.owner: expected text';
  if (typeof plan.scheduledStart !== 'string' || !isIsoInstant(plan.scheduledStart))
    return 'plan.scheduledStart: expected an ISO instant with offset';
  if (typeof plan.timeZone !== 'string' || !isValidTimeZone(plan.timeZone))
    return 'plan.timeZone: expected an IANA time zone';
  if (!isFiniteNumber(plan.plannedDurationMinutes) || plan.plannedDurationMinutes <= 0)
    return 'plan.plannedDurationMinutes: expected a positive number';
  if (!isRecord(plan.team)) return 'plan.team: expected the roster';
  for (const role of STREAM_ROLES)
    if (!Array.isArray(plan.team[role]))
      return `plan.team.${role}: expected a list (defaults are applied at the edge)`;
  for (const list of ['products', 'script', 'interactions', 'checklist', 'platforms'] as const)
    if (!Array.isArray(plan[list])) return `plan.${list}: expected a list`;
  if (!isRecord(plan.timing)) return 'plan.timing: expected the timing policy';
  const timing = plan.timing;
  for (const key of TIMING_NUMBERS)
    if (!isFiniteNumber(timing[key]) || timing[key] < 0) return `plan.timing.${key}: expected seconds`;
  if (!Array.isArray(timing.checklistReminderOffsetsSeconds))
    return 'plan.timing.checklistReminderOffsetsSeconds: expected a list';
  if (!isRecord(plan.targets)) return 'plan.targets: expected an object';
  return undefined;
}
