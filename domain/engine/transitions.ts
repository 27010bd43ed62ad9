import { DomainError } from '../shared/errors';

/**
 * A phase transition table: for each event type, the phases it may happen in and the phase it leads to ('stay' for
 * events that change no phase). The reducer consults it for every event, so an event that cannot happen in the
 * current phase is refused instead of silently moving a workflow (a cancelled stream never becomes blocked because a
 * timer fired a moment later). Loops ask `canApply` before emitting what a timer or an activity produced.
 */
export interface TTransition<TPhase extends string> {
  readonly from: readonly TPhase[];
  readonly to: TPhase | 'stay';
}

export type TTransitionTable<TPhase extends string, TEventType extends string> = Readonly<
  Record<TEventType, readonly TTransition<TPhase>[]>
>;

/** The phase an event names as its destination (PhaseEntered, AdvancedNow), if any. */
export type TTargetOf<TEvent> = (event: TEvent) => string | undefined;

/** The phase after `event` in `phase`, or undefined when the table has no such transition. */
export function nextPhaseFor<TPhase extends string, TEvent extends { type: string }>(
  table: TTransitionTable<TPhase, string>,
  targetOf: TTargetOf<TEvent>,
  phase: TPhase,
  event: TEvent,
): TPhase | undefined {
  const target = targetOf(event);
  const rules = table[event.type] ?? [];
  const match = rules.find(
    (rule) => rule.from.includes(phase) && (target === undefined || rule.to === target),
  );
  if (match === undefined) return undefined;
  return match.to === 'stay' ? phase : match.to;
}

export function assertTransition<TPhase extends string, TEvent extends { type: string }>(
  table: TTransitionTable<TPhase, string>,
  targetOf: TTargetOf<TEvent>,
  phase: TPhase,
  event: TEvent,
): TPhase {
  const next = nextPhaseFor(table, targetOf, phase, event);
  if (next === undefined) {
    const target = targetOf(event);
    throw new DomainError(
      'INVALID_PHASE',
      `${event.type}${target === undefined ? '' : ` to ${target}`} cannot happen in ${phase}`,
    );
  }
  return next;
}
