import type { BenchOptions } from '../options';
import type { CreationResult } from '../setup/populations';
import type { IdleDecisions } from '../rows/decision-row';
import type { HistorySize } from '../rows/history-row';
import type { InboxUnderLoad } from '../rows/inbox-load-row';
import type { InboxIdle } from '../rows/inbox-row';
import type { ListsAtLevel } from '../rows/lists-row';
import type { MemoryPerWorkflow } from '../rows/memory-row';
import type { LifecycleRun } from '../rows/stream-lifecycle';
import type { StreamsListAtLevel } from '../rows/streams-list-row';

/** Everything one level (N waiting streams) measured; a measurement that failed leaves its error instead. */
export interface LevelResults {
  streams: number;
  creation?: { api: CreationResult; raw: CreationResult; settleSeconds: number };
  memory?: MemoryPerWorkflow;
  inboxIdle?: InboxIdle;
  lists?: ListsAtLevel;
  streamsList?: StreamsListAtLevel;
  inboxLoad?: InboxUnderLoad;
  decisionsIdle?: IdleDecisions;
  errors: Record<string, string>;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  target: { dir: string; commit: string; dirty: boolean; temporalSdk: string };
  machine: {
    cpus: number;
    totalMemoryMb: number;
    loadAtStart: { one: number; five: number; fifteen: number };
    loadAtEnd?: { one: number; five: number; fifteen: number };
  };
  options: BenchOptions;
  history?: { lifecycle: LifecycleRun; size: HistorySize } | { error: string };
  levels: LevelResults[];
  /** Set when the run stopped early; what was measured before is still reported. */
  fatalError?: string;
  /** The table as printed, row by row. */
  table?: TableRow[];
}

export interface TableRow {
  row: string;
  at: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
  n: string;
}
