import { addSeconds, isBefore, secondsBetween, toEpochMs, toIsoUtc } from '../shared/time';
import { phasesMoving } from './pause-policy';
import type { TStreamPhase } from './phases';
import type { TStreamState } from './state.types';

/**
 * Seconds of pause that push a deadline back. `phases` picks the pauses that matter (PAUSE_POLICY: a pause during
 * burst moves the live end; one during preheat does not move the announced start); `since` ignores pauses before a
 * wait began.
 * An open pause counts up to `now` (defaults to the last event time), i.e. "as if resumed now".
 */
export function pausedSeconds(
  state: TStreamState,
  options: { phases?: readonly TStreamPhase[]; since?: string; now?: string } = {},
): number {
  const now = options.now ?? state.updatedAt;
  return state.schedule.pauses
    .filter((pause) => options.phases === undefined || options.phases.includes(pause.phase))
    .filter((pause) => options.since === undefined || !isBefore(pause.from, options.since))
    .reduce((total, pause) => total + (pause.seconds ?? Math.max(0, secondsBetween(pause.from, now))), 0);
}

export interface TStreamDeadlines {
  preheatStart: string;
  gateCutoff: string;
  checklistReminders: string[];
  checklistDue: string;
  liveStart: string;
  liveEnd: string;
  tailEnd: string;
}

/**
 * The elastic timeline. Pre-live instants hang off the scheduled start (it was announced to fans); live start is the
 * actual one once burst began; live end moves with extensions and with the pauses PAUSE_POLICY says move it, and tail
 * end moves with live end. Instants are UTC ISO strings. Once a phase has actually ended, its real end time is
 * returned.
 */
export function streamDeadlines(state: TStreamState, now?: string): TStreamDeadlines {
  const timing = state.plan.timing;
  const { scheduledStart, plannedDurationSeconds, extensionSeconds } = state.schedule;
  const startMs = toEpochMs(scheduledStart);
  const liveStart = state.phaseEnteredAt.burst ?? toIsoUtc(startMs);
  const pausedOptions = now === undefined ? {} : { now };
  const liveEnd =
    state.phaseEnteredAt.tail ??
    addSeconds(
      liveStart,
      plannedDurationSeconds +
        extensionSeconds +
        pausedSeconds(state, { ...pausedOptions, phases: phasesMoving('live_end') }),
    );
  const tailEnd =
    state.phaseEnteredAt.review ??
    addSeconds(
      liveEnd,
      timing.tailDurationSeconds +
        pausedSeconds(state, { ...pausedOptions, phases: phasesMoving('tail_end') }),
    );
  return {
    preheatStart: toIsoUtc(startMs - timing.preheatLeadSeconds * 1000),
    gateCutoff: toIsoUtc(startMs - timing.gateCutoffBeforeStartSeconds * 1000),
    checklistReminders: [...timing.checklistReminderOffsetsSeconds]
      .sort((a, b) => b - a)
      .map((offset) => toIsoUtc(startMs - offset * 1000)),
    checklistDue: toIsoUtc(startMs - timing.checklistDueBeforeStartSeconds * 1000),
    liveStart,
    liveEnd,
    tailEnd,
  };
}
