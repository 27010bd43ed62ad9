/** Kinds of workflow whose events the read model projects. */
export type TWorkflowKind = 'stream' | 'campaign';

export interface TRecordEventsInput {
  kind: TWorkflowKind;
  workflowId: string;
  /** Sequence number of the first event (1 = the planned event); the rest follow without gaps. */
  fromSeq: number;
  events: unknown[];
  /** The workflow's current state, sent when the read model reported a gap it cannot fill from stored events. */
  snapshot?: unknown;
}

export interface TRecordEventsResult {
  /** Events not stored before. */
  stored: number;
  /** The read model's state version after this call. */
  version: number;
  /** The stored events do not reach back to the state this batch continues: send a snapshot. */
  needsSnapshot?: true;
}

/** One kind's read model: fold events into its state and write the list columns. */
export interface TProjector {
  /** The version the read model holds, and its state when it holds one. */
  load(workflowId: string): Promise<{ version: number; state?: unknown }>;
  /** Folds `events` (consecutive, starting right after `state`, or from the first event when there is no state). */
  fold(state: unknown | undefined, events: readonly unknown[]): unknown;
  versionOf(state: unknown): number;
  /** Writes the state and its list columns unless a newer version is there already. */
  save(workflowId: string, state: unknown): Promise<void>;
}
