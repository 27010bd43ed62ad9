import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { emptyBaselineState, type TBatchSummary, type TMetricBaselineState } from '../../domain/metrics';
import { SYSTEM_ACTOR, type TActor } from '../../domain/shared/actor.types';
import { toEpochMs } from '../../domain/shared/time';
import type { TStreamEvent } from '../../domain/stream/events.types';
import { applyStreamEvent } from '../../domain/stream/reducer';
import { pendingApprovals } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import { SA_KIND, SA_OWNER, SA_PENDING_APPROVAL, SA_PHASE, SA_SCHEDULED_START } from '../search-attributes';
import { nowIso, nowMs } from './workflow-clock';

const { projectStreamState } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Longest single sleep: bounds every wait, so a wait that nobody ends still comes back to re-check the world. */
const MAX_WAIT_MS = 24 * 3600 * 1000;

/** What a run carries into the next one when history grows (continue-as-new). */
export interface StreamRunSettings {
  /** Absolute base for links in messages (the API's public URL). */
  publicBaseUrl: string;
  locale: 'zh-CN' | 'en';
}

export interface CarriedStreamState {
  state: TStreamState;
  settings: StreamRunSettings;
  baseline: TMetricBaselineState;
  lastFiredAtMs: Record<string, number>;
  pendingBatches: TBatchSummary[];
  runNumber: number;
}

/** Thrown out of any wait once the stream was cancelled, so every phase loop unwinds to the cleanup. */
export class StreamCancelled extends Error {}

/**
 * The mutable heart of one stream run: the reducer-built state, the metric baseline, queued metric batches, and the
 * helpers every phase loop uses (emit an event, wait for a change or a deadline, checkpoint).
 */
export class StreamRun {
  state: TStreamState;
  baseline: TMetricBaselineState;
  lastFiredAtMs: Record<string, number>;
  pendingBatches: TBatchSummary[];
  readonly runNumber: number;
  readonly settings: StreamRunSettings;
  private projectedVersion = 0;
  /** State version at the end of the last wait: what the current pass of a phase loop is based on. */
  private seenVersion = -1;

  constructor(
    initial: TStreamState,
    settings: StreamRunSettings,
    carried?: Omit<CarriedStreamState, 'state' | 'settings'>,
  ) {
    this.state = initial;
    this.settings = settings;
    this.baseline = carried?.baseline ?? emptyBaselineState();
    this.lastFiredAtMs = carried?.lastFiredAtMs ?? {};
    this.pendingBatches = carried?.pendingBatches ?? [];
    this.runNumber = carried?.runNumber ?? 1;
  }

  /** Applies one domain event stamped with the workflow clock; the reducer refuses events that cannot happen. */
  emit(event: DistributiveOmit<TStreamEvent, 'at' | 'actor'>, actor: TActor = SYSTEM_ACTOR): TStreamState {
    this.state = applyStreamEvent(this.state, { ...event, at: nowIso(), actor } as TStreamEvent);
    return this.state;
  }

  get locale(): 'zh-CN' | 'en' {
    return this.settings.locale;
  }

  /** Absolute link into the web UI for messages. */
  link(path: string): string {
    return `${this.settings.publicBaseUrl.replace(/\/$/, '')}${path}`;
  }

  get isPaused(): boolean {
    return this.state.schedule.pausedAt !== undefined;
  }

  /**
   * Waits until the state changes, `wake()` turns true, or the deadline passes. "Changes" counts from the end of the
   * previous wait, so an Update that lands while the loop is busy in an activity is seen at once rather than at the
   * next deadline. While paused, deadlines do not run: the wait holds until resumed (deadlines derived from state move
   * back by the pause length).
   */
  async waitForChange(
    deadlineIso: string | undefined,
    wake: () => boolean = () => false,
  ): Promise<'changed' | 'deadline'> {
    const changed = () => this.state.version !== this.seenVersion || wake();
    try {
      this.throwIfCancelled();
      if (changed()) return 'changed';
      const deadlineMs = deadlineIso === undefined ? nowMs() + MAX_WAIT_MS : toEpochMs(deadlineIso);
      const timeoutMs = this.isPaused
        ? MAX_WAIT_MS
        : Math.min(MAX_WAIT_MS, Math.max(0, deadlineMs - nowMs()));
      // A deadline already past returns at once: the caller handles whatever is due on its next pass.
      const woke = timeoutMs === 0 ? changed() : await condition(changed, timeoutMs);
      this.throwIfCancelled();
      return woke ? 'changed' : 'deadline';
    } finally {
      this.seenVersion = this.state.version;
    }
  }

  private throwIfCancelled(): void {
    if (this.state.phase === 'cancelled') throw new StreamCancelled();
  }

  isDue(iso: string | undefined): boolean {
    return iso !== undefined && !this.isPaused && toEpochMs(iso) <= nowMs();
  }

  /** Projects a changed state to the read model and search attributes; rolls over to a new run when history is long. */
  async checkpoint(): Promise<void> {
    if (this.state.version !== this.projectedVersion) {
      const state = this.state;
      const pending = pendingApprovals(state, nowIso());
      upsertSearchAttributes([
        { key: SA_KIND, value: 'stream' },
        { key: SA_PHASE, value: state.phase },
        { key: SA_PENDING_APPROVAL, value: pending.length > 0 },
        { key: SA_SCHEDULED_START, value: new Date(toEpochMs(state.schedule.scheduledStart)) },
        { key: SA_OWNER, value: state.plan.owner },
      ]);
      await projectStreamState({
        streamId: state.streamId,
        title: state.plan.title,
        owner: state.plan.owner,
        phase: state.phase,
        scheduledStart: state.schedule.scheduledStart,
        pendingApprovals: pending.length,
        stateVersion: state.version,
        state,
      });
      this.projectedVersion = state.version;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      // Marks the run boundary in the timeline, so auditors see where one history ends and the next begins.
      this.emit({ type: 'ContinuedAsNew', runNumber: this.runNumber + 1 });
      const carried: CarriedStreamState = {
        state: this.state,
        settings: this.settings,
        baseline: this.baseline,
        lastFiredAtMs: this.lastFiredAtMs,
        pendingBatches: this.pendingBatches,
        runNumber: this.runNumber + 1,
      };
      await continueAsNew<(input: { carried: CarriedStreamState }) => Promise<unknown>>({ carried });
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
