import {
  allHandlersFinished,
  condition,
  continueAsNew,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { TBatchSummary } from '../../domain/metrics/metric.types';
import type { TMetricBaselineState } from '../../domain/metrics/metric-rules.types';
import { emptyBaselineState } from '../../domain/metrics/rolling-baseline';
import { SYSTEM_ACTOR, type TActor } from '../../domain/shared/actor.types';
import { toEpochMs } from '../../domain/shared/time';
import type { TStreamEvent, TStreamEventDraft } from '../../domain/stream/events.types';
import { applyStreamEvent } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { canApplyStreamEvent } from '../../domain/stream/transitions';
import { nowIso, nowMs } from '../engine/clock';
import { EventShipper, type TCarriedShipper } from '../engine/event-shipper';
import {
  NotificationOutbox,
  type TCarriedOutbox,
  type TDeliveryFailure,
} from '../engine/notification-outbox';
import { SA_PHASE, SA_SCHEDULED_START } from '../search-attributes';

/** Longest single sleep: bounds every wait, so a wait that nobody ends still comes back to re-check the world. */
const MAX_WAIT_MS = 24 * 3600 * 1000;
/** Batches kept for the live rules between two passes of the burst loop; more are folded in without being judged. */
export const RULES_QUEUE_LIMIT = 50;

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
  rulesQueue: TBatchSummary[];
  runNumber: number;
  outbox: TCarriedOutbox;
  shipper: TCarriedShipper<TStreamEvent>;
}

/** Thrown out of any wait once the stream was cancelled, so every phase loop unwinds to the cleanup. */
export class StreamCancelled extends Error {}

/**
 * The mutable heart of one stream run: the reducer-built state, the metric baseline, the batches waiting for the live
 * rules, the notification outbox and the event shipper, and the helpers every phase loop uses (emit an event, wait
 * for a change or a deadline, roll over to a new run).
 */
export class StreamRun {
  state: TStreamState;
  baseline: TMetricBaselineState;
  lastFiredAtMs: Record<string, number>;
  rulesQueue: TBatchSummary[];
  readonly runNumber: number;
  readonly settings: StreamRunSettings;
  readonly outbox: NotificationOutbox;
  readonly shipper: EventShipper<TStreamEvent, TStreamState>;
  /** State version at the end of the last wait: what the current pass of a phase loop is based on. */
  private seenVersion = -1;

  constructor(
    initial: TStreamState,
    settings: StreamRunSettings,
    onDeliveryFailure: (run: StreamRun, failure: TDeliveryFailure) => void,
    carried?: Omit<CarriedStreamState, 'state' | 'settings'>,
  ) {
    this.state = initial;
    this.settings = settings;
    this.baseline = carried?.baseline ?? emptyBaselineState();
    this.lastFiredAtMs = carried?.lastFiredAtMs ?? {};
    this.rulesQueue = carried?.rulesQueue ?? [];
    this.runNumber = carried?.runNumber ?? 1;
    this.outbox = new NotificationOutbox((failure) => onDeliveryFailure(this, failure), carried?.outbox);
    this.shipper = new EventShipper('stream', initial.streamId, () => this.state, carried?.shipper);
    this.outbox.kick();
    this.shipper.kick();
  }

  /**
   * Applies one domain event stamped with the workflow clock and ships it to the read model. The reducer refuses an
   * event the transition table does not allow in the current phase: that is a bug in the caller (loops use emitIf).
   */
  emit(draft: TStreamEventDraft, actor: TActor = SYSTEM_ACTOR): TStreamEvent {
    const event = { ...draft, at: nowIso(), actor } as TStreamEvent;
    const before = this.state;
    this.state = applyStreamEvent(before, event);
    this.shipper.push(this.state.version, event);
    if (this.state.phase !== before.phase)
      upsertSearchAttributes([{ key: SA_PHASE, value: this.state.phase }]);
    if (this.state.schedule.scheduledStart !== before.schedule.scheduledStart)
      upsertSearchAttributes([
        { key: SA_SCHEDULED_START, value: new Date(toEpochMs(this.state.schedule.scheduledStart)) },
      ]);
    return event;
  }

  /**
   * Emits what a timer or an activity produced only if it can still happen: a person may have cancelled or advanced
   * the stream while the loop was waiting, and their action wins. Returns whether the event was applied.
   */
  emitIf(draft: TStreamEventDraft): boolean {
    if (!canApplyStreamEvent(this.state.phase, draft)) return false;
    this.emit(draft);
    return true;
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
   * back as the pause policy says).
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

  throwIfCancelled(): void {
    if (this.state.phase === 'cancelled') throw new StreamCancelled();
  }

  isDue(iso: string | undefined): boolean {
    return iso !== undefined && !this.isPaused && toEpochMs(iso) <= nowMs();
  }

  /** Rolls over to a new run when the server suggests it, carrying everything (unsent messages and events too). */
  async continueAsNewIfSuggested(): Promise<void> {
    if (!workflowInfo().continueAsNewSuggested) return;
    await condition(allHandlersFinished);
    // Marks the run boundary in the timeline, so auditors see where one history ends and the next begins.
    this.emit({ type: 'ContinuedAsNew', runNumber: this.runNumber + 1 });
    // Give what is in flight a moment to land; whatever has not is carried and sent again (idempotently).
    await condition(() => this.shipper.idle && this.outbox.idle, 10_000);
    const carried: CarriedStreamState = {
      state: this.state,
      settings: this.settings,
      baseline: this.baseline,
      lastFiredAtMs: this.lastFiredAtMs,
      rulesQueue: this.rulesQueue,
      runNumber: this.runNumber + 1,
      outbox: this.outbox.carry(),
      shipper: this.shipper.carry(),
    };
    await continueAsNew<(input: { carried: CarriedStreamState }) => Promise<unknown>>({ carried });
  }

  /**
   * Before the workflow ends: the read model and the outbox must have everything, however long the database is
   * down (a finished stream has nothing else to do). Checked daily, so the wait has its timeout branch.
   */
  async drainBeforeEnd(): Promise<void> {
    while (!(this.shipper.idle && this.outbox.idle)) {
      this.shipper.kick();
      this.outbox.kick();
      await condition(() => this.shipper.idle && this.outbox.idle, MAX_WAIT_MS);
    }
  }
}
