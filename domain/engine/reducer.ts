import { DomainError } from '../shared/errors';
import { laterOf } from '../shared/time';

/** What every kind's events carry. */
export interface TEngineEvent<TType extends string = string> {
  type: TType;
  at: string;
  actor: { id: string; name?: string };
}

/** One row of a workflow's timeline, whatever its kind: `seq` is the state version right after the event. */
export interface TEngineTimelineEntry<TType extends string = string> {
  seq: number;
  type: TType;
  at: string;
  actorId: string;
  actorName?: string;
  summary: string;
}

/** What the engine keeps in every kind's state: its phase, when each phase began, its version and its timeline. */
export interface TEngineState<TPhase extends string, TType extends string> {
  phase: TPhase;
  phaseEnteredAt: Partial<Record<TPhase, string>>;
  updatedAt: string;
  version: number;
  timeline: { entries: Array<TEngineTimelineEntry<TType>>; totalCount: number };
}

/** A kind's part of the reducer: where an event leads (or a refusal), what it changes, how its timeline names it. */
export interface TReducerDefinition<TPhase extends string, TState, TEvent> {
  phaseAfter(phase: TPhase, event: TEvent): TPhase;
  applyPayload(state: TState, event: TEvent): TState;
  summarize(event: TEvent): string;
  timelineLimit: number;
}

export function timelineEntryOf<TEvent extends TEngineEvent>(
  event: TEvent,
  seq: number,
  summarize: (event: TEvent) => string,
): TEngineTimelineEntry<TEvent['type']> {
  return {
    seq,
    type: event.type,
    at: event.at,
    actorId: event.actor.id,
    ...(event.actor.name === undefined ? {} : { actorName: event.actor.name }),
    summary: summarize(event),
  };
}

/**
 * A kind's reducer: a new state, never mutating the input (workflow queries may hold on to it). The phase follows the
 * kind's transition table (`phaseAfter` throws INVALID_PHASE for an event that cannot happen now); the version counts
 * events; the timeline keeps the latest `timelineLimit` rows and the count of all.
 */
export function reducerFor<
  TPhase extends string,
  TType extends string,
  TEvent extends TEngineEvent<TType>,
  TState extends TEngineState<TPhase, TType>,
>(definition: TReducerDefinition<TPhase, TState, TEvent>): (state: TState, event: TEvent) => TState {
  return (state, event) => {
    const phase = definition.phaseAfter(state.phase, event);
    const next = definition.applyPayload(state, event);
    const seq = state.version + 1;
    const entries = [...state.timeline.entries, timelineEntryOf(event, seq, definition.summarize)];
    return {
      ...next,
      ...(phase === state.phase
        ? {}
        : { phase, phaseEnteredAt: { ...next.phaseEnteredAt, [phase]: event.at } }),
      updatedAt: laterOf(state.updatedAt, event.at),
      version: seq,
      timeline: {
        entries:
          entries.length > definition.timelineLimit ? entries.slice(-definition.timelineLimit) : entries,
        totalCount: seq,
      },
    };
  };
}

/** Rebuilds a workflow's state from its full history: the first event (of type `firstType`) makes the initial state. */
export function replayWith<TEvent extends { type: string }, TFirst extends TEvent, TState>(
  kind: string,
  firstType: TFirst['type'],
  initial: (first: TFirst) => TState,
  apply: (state: TState, event: TEvent) => TState,
): (events: readonly TEvent[]) => TState {
  return (events) => {
    const [first, ...rest] = events;
    if (first === undefined || first.type !== firstType)
      throw new DomainError('INVALID_INPUT', `A ${kind} history starts with ${firstType}`);
    return rest.reduce(apply, initial(first as TFirst));
  };
}
