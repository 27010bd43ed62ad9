import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  workflowInfo,
} from '@temporalio/workflow';
import type { TWorkflowKind } from '../../activities/projection/projection.types';
import { isFanFacing } from '../../domain/notify/notification-audience';
import { SYSTEM_ACTOR, type TActor } from '../../domain/shared/actor.types';
import { toEpochMs } from '../../domain/shared/time';
import { nowIso, nowMs } from './clock';
import { inBackground } from './background';
import { EventShipper, type TCarriedShipper } from './event-shipper';
import { NotificationOutbox, type TCarriedOutbox, type TDeliveryFailure } from './notification-outbox';

/** Longest single sleep: bounds every wait, so a wait that nobody ends still comes back to re-check the world. */
export const MAX_WAIT_MS = 24 * 3600 * 1000;

/** What a kind of workflow (a stream, a campaign) tells the engine about its state and events. */
export interface TRunModel<TState, TEvent, TDraft> {
  kind: TWorkflowKind;
  /** The reducer: refuses an event its transition table does not allow in the current phase. */
  apply(state: TState, event: TEvent): TState;
  canApply(state: TState, draft: TDraft): boolean;
  version(state: TState): number;
  isPaused(state: TState): boolean;
  isCancelled(state: TState): boolean;
  /** The timeline's run-boundary marker. */
  continuedAsNew(runNumber: number): TDraft;
}

export interface TRunSettings {
  /** Absolute base for links in messages (the API's public URL). */
  publicBaseUrl: string;
  locale: 'zh-CN' | 'en';
}

/** What every kind carries into its next run: the outbox's unsent messages and the shipper's unshipped events. */
export interface TCarriedRun<TEvent> {
  runNumber: number;
  outbox: TCarriedOutbox;
  shipper: TCarriedShipper<TEvent>;
}

/** Thrown out of any wait once the workflow was cancelled, so every phase loop unwinds to the cleanup. */
export class RunCancelled extends Error {}

/**
 * The engine's run of one workflow: the reducer-built state, the notification outbox and the event shipper, and the
 * helpers every phase loop uses (emit an event, wait for a change or a deadline, roll over to a new run, drain before
 * the end). Streams and campaigns extend it with what only they hold.
 */
export class WorkflowRun<TState, TEvent, TDraft, TSettings extends TRunSettings = TRunSettings> {
  state: TState;
  readonly runNumber: number;
  readonly settings: TSettings;
  readonly outbox: NotificationOutbox;
  readonly shipper: EventShipper<TEvent, TState>;
  /** State version at the end of the last wait: what the current pass of a phase loop is based on. */
  private seenVersion = -1;

  constructor(
    protected readonly model: TRunModel<TState, TEvent, TDraft>,
    workflowId: string,
    initial: TState,
    settings: TSettings,
    carried?: TCarriedRun<TEvent>,
  ) {
    this.state = initial;
    this.settings = settings;
    this.runNumber = carried?.runNumber ?? 1;
    // Failures arrive long after construction, so the subclass's override is in place by then. A fan-facing message
    // still waiting (quiet hours) when the workflow is cancelled would announce what will not happen: withdrawn.
    this.outbox = new NotificationOutbox(
      (failure) => this.onDeliveryFailure(failure),
      carried?.outbox,
      (request) =>
        model.isCancelled(this.state) && isFanFacing(request.template)
          ? `${model.kind} cancelled before it could be sent`
          : undefined,
    );
    this.shipper = new EventShipper(model.kind, workflowId, () => this.state, carried?.shipper);
    this.outbox.kick();
    this.shipper.kick();
  }

  /**
   * Applies one domain event stamped with the workflow clock and ships it to the read model. The reducer refuses an
   * event the transition table does not allow in the current phase: that is a bug in the caller (loops use emitIf).
   */
  emit(draft: TDraft, actor: TActor = SYSTEM_ACTOR): TEvent {
    const event = { ...draft, at: nowIso(), actor } as TEvent;
    const before = this.state;
    this.state = this.model.apply(before, event);
    this.shipper.push(this.model.version(this.state), event);
    this.afterEmit(before, event);
    return event;
  }

  /** Kind-specific consequences of an applied event (search attributes, commands to other workflows). */
  protected afterEmit(_before: TState, _event: TEvent): void {}

  /** A message that could not be delivered after its retries: kinds put it on their timeline. */
  protected onDeliveryFailure(_failure: TDeliveryFailure): void {}

  /**
   * Emits what a timer or an activity produced only if it can still happen: a person may have cancelled or advanced
   * the workflow while the loop was waiting, and their action wins. Returns whether the event was applied.
   */
  emitIf(draft: TDraft): boolean {
    if (!this.model.canApply(this.state, draft)) return false;
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
    return this.model.isPaused(this.state);
  }

  /**
   * Waits until the state changes, `wake()` turns true, or the deadline passes. "Changes" counts from the end of the
   * previous wait, so an Update that lands while the loop is busy in an activity is seen at once rather than at the
   * next deadline. While paused, deadlines do not run: the wait holds until resumed.
   */
  async waitForChange(
    deadlineIso: string | undefined,
    wake: () => boolean = () => false,
  ): Promise<'changed' | 'deadline'> {
    const changed = () => this.model.version(this.state) !== this.seenVersion || wake();
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
      this.seenVersion = this.model.version(this.state);
    }
  }

  /**
   * Runs the workflow's body out of reach of Temporal-level cancellation, and hands a cancellation request (an operator's
   * `temporal workflow cancel`, a client's `handle.cancel()`) to `onCancelRequested` as a decision of the kind's own:
   * it becomes an event on the timeline with everything the kind does for it (who is told, what is stopped), instead
   * of a CancelledFailure thrown from whatever await happened to be pending, leaving the read model and the team
   * behind. The body must then end by itself (the kind's cancelled phase).
   */
  async shieldFromCancellation<T>(onCancelRequested: () => void, body: () => Promise<T>): Promise<T> {
    CancellationScope.current().cancelRequested.catch(() => inBackground(async () => onCancelRequested()));
    return CancellationScope.nonCancellable(body);
  }

  throwIfCancelled(): void {
    if (this.model.isCancelled(this.state)) throw new RunCancelled();
  }

  isDue(iso: string | undefined): boolean {
    return iso !== undefined && !this.isPaused && toEpochMs(iso) <= nowMs();
  }

  /** The run-level part of what continue-as-new carries (kinds add their own). */
  protected carryRun(): TCarriedRun<TEvent> {
    return { runNumber: this.runNumber + 1, outbox: this.outbox.carry(), shipper: this.shipper.carry() };
  }

  /**
   * Rolls over to a new run when the server suggests it, carrying everything (unsent messages and events too).
   * `carry` builds the next run's input once what is in flight has had a moment to land.
   */
  protected async continueAsNewWith(carry: () => unknown): Promise<void> {
    if (!workflowInfo().continueAsNewSuggested) return;
    await condition(allHandlersFinished);
    // Marks the run boundary in the timeline, so auditors see where one history ends and the next begins.
    this.emit(this.model.continuedAsNew(this.runNumber + 1));
    // Whatever has not landed is carried and sent again (idempotently).
    await condition(() => this.shipper.idle && this.outbox.idle, 10_000);
    await continueAsNew<(input: { carried: unknown }) => Promise<unknown>>({ carried: carry() });
  }

  /**
   * Before the workflow ends: the read model and the outbox must have everything, however long the database is
   * down (a finished workflow has nothing else to do). Checked daily, so the wait has its timeout branch.
   */
  async drainBeforeEnd(): Promise<void> {
    while (!(this.shipper.idle && this.outbox.idle)) {
      this.shipper.kick();
      this.outbox.kick();
      await condition(() => this.shipper.idle && this.outbox.idle, MAX_WAIT_MS);
    }
  }
}
