/**
 * What auditing needs to know about one kind of workflow (a stream, a campaign), so export, replay and point-in-time
 * reconstruction stay generic: every kind ships its domain events the same way (workflows/engine/event-shipper.ts),
 * and differs only in its reducer, where a continued run carries its state, and how its state reads for a person.
 * Plain types: the audit tooling, the API and the web pages import these, never the workflow.
 */

/** A domain event as the workflow shipped it: plain JSON that says what, when and who. */
export interface TShippedEvent {
  type: string;
  at: string;
  actor: { id: string; name?: string; roles?: string[] };
}

/** How a state reads at one point of the timeline: phase, a few facts, what waits on whom, and what is due when. */
export interface TAuditStateView {
  phase: string;
  version: number;
  paused: boolean;
  facts: Array<{ label: string; value: string }>;
  pending: Array<{ key: string; kind: string; assignees: string[]; dueAt: string; escalated: boolean }>;
  deadlines: Array<{ name: string; at: string }>;
}

export interface TAuditKind<TState = unknown, TEvent extends TShippedEvent = TShippedEvent> {
  /** The kind's name, as the shipper sends it (`recordWorkflowEvents` input `kind`). */
  kind: string;
  /** The Temporal workflow type (the exported function's name). */
  workflowType: string;
  /**
   * The state a run starts from, read from its start input: the carried state of a run that continued as new, or
   * undefined for a first run (its first shipped event, seq 1, starts the state).
   */
  carriedState(startInput: unknown): TState | undefined;
  /** The state after the first event (seq 1). Throws when the event cannot start a state of this kind. */
  initial(first: TEvent): TState;
  /** The same pure reducer the workflow uses. */
  apply(state: TState, event: TEvent): TState;
  /** Number of events applied (the seq of the last one). */
  versionOf(state: TState): number;
  phaseOf(state: TState): string;
  /** One line for the timeline, as the workflow's own timeline words it. */
  summarize(event: TEvent): string;
  /** The state as a person reads it at instant `at` (pending items and deadlines are judged as of then). */
  view(state: TState, at: string): TAuditStateView;
}
