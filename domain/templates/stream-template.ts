import type { TStreamPlan } from '../stream/plan.types';
import { wallClockShift } from './wall-clock-shift';

/**
 * A stream plan moved to a new start, every instant keeping its local time in the plan's zone. The start is a stream
 * plan's only instant: interactions, reminders, gates and the tail are offsets from it and move along by themselves.
 * Product documents' expiry dates are not moved: they are facts about a certificate, and one that has expired by the
 * new date must block its product again.
 */
export function streamPlanStartingAt(plan: TStreamPlan, startIso: string): TStreamPlan {
  const shift = wallClockShift(plan.scheduledStart, startIso, plan.timeZone);
  return { ...plan, scheduledStart: shift(plan.scheduledStart) };
}
