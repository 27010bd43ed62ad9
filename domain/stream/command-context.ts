import type { TStreamPhase } from './phases';

/** Passed to validators that check against the clock; Update validators use workflow time. */
export interface TCommandContext {
  /** Current time, for checks against the clock (a new start must lie in the future). */
  now?: string;
}

export const GATE_PHASES: readonly TStreamPhase[] = ['compliance', 'preheat', 'blocked'];
export const ACTIVE_PHASES: readonly TStreamPhase[] = ['compliance', 'preheat', 'burst', 'tail', 'review'];
