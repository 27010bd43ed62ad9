import type { TStreamPhase } from './phases';

/** Deadlines a pause can push back. */
export type TPausableDeadline = 'approval_due' | 'live_end' | 'tail_end' | 'signoff_due';
/** What stops happening while a stream is paused. */
export type TPausedActivity =
  'reminders' | 'escalations' | 'preheat_start' | 'fan_previews' | 'go_live' | 'alerts' | 'phase_end';
/** Instants a pause never moves: they were announced (fans, platforms) or hang off the announced start. */
export type TFixedInstant = 'announced_start' | 'gate_cutoff' | 'checklist_due';

export interface TPauseRule {
  /** Move back by the pause length. */
  moves: readonly TPausableDeadline[];
  /** Wait until resumed. */
  waits: readonly TPausedActivity[];
  /** Stay where they are: moving the announced start is a reschedule, which re-announces and re-checks. */
  stays: readonly TFixedInstant[];
}

/**
 * What a pause holds in each phase: one table that the deadline math, the workflow's waits, the stream page's banner
 * and the README all follow. A pause is "stop the clocks we own"; the start fans were told is not ours to move.
 */
export const PAUSE_POLICY: Partial<Record<TStreamPhase, TPauseRule>> = {
  compliance: {
    moves: ['approval_due'],
    // Through the gates, preheat (announcing to fans) begins when resumed if its time passed meanwhile.
    waits: ['reminders', 'escalations', 'preheat_start'],
    stays: ['announced_start', 'gate_cutoff'],
  },
  preheat: {
    moves: [],
    // If the start passes while paused, the stream goes live when resumed (late), not at the announced time.
    waits: ['reminders', 'escalations', 'fan_previews', 'go_live'],
    stays: ['announced_start', 'checklist_due'],
  },
  burst: { moves: ['live_end'], waits: ['alerts', 'phase_end'], stays: [] },
  tail: { moves: ['tail_end'], waits: ['phase_end'], stays: [] },
  review: { moves: ['signoff_due'], waits: ['reminders'], stays: [] },
};

/** The phases whose pauses push `deadline` back. */
export function phasesMoving(deadline: TPausableDeadline): TStreamPhase[] {
  return (Object.entries(PAUSE_POLICY) as [TStreamPhase, TPauseRule][])
    .filter(([, rule]) => rule.moves.includes(deadline))
    .map(([phase]) => phase);
}
