import { upsertSearchAttributes } from '@temporalio/workflow';
import type { TBatchSummary } from '../../domain/metrics/metric.types';
import type { TMetricBaselineState } from '../../domain/metrics/metric-rules.types';
import { emptyBaselineState } from '../../domain/metrics/rolling-baseline';
import { toEpochMs } from '../../domain/shared/time';
import type { TStreamEvent, TStreamEventDraft } from '../../domain/stream/events.types';
import { applyStreamEvent } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { canApplyStreamEvent } from '../../domain/stream/transitions';
import type { TDeliveryFailure } from '../engine/notification-outbox';
import {
  RunCancelled,
  WorkflowRun,
  type TCarriedRun,
  type TRunModel,
  type TRunSettings,
} from '../engine/workflow-run';
import { SA_PHASE, SA_SCHEDULED_START } from '../search-attributes';
import { tellCampaign } from './campaign-link';

/** Batches kept for the live rules between two passes of the burst loop; more are folded in without being judged. */
export const RULES_QUEUE_LIMIT = 50;

export type StreamRunSettings = TRunSettings;

/** What a run carries into the next one when history grows (continue-as-new). */
export interface CarriedStreamState extends TCarriedRun<TStreamEvent> {
  state: TStreamState;
  settings: StreamRunSettings;
  baseline: TMetricBaselineState;
  lastFiredAtMs: Record<string, number>;
  rulesQueue: TBatchSummary[];
}

/** Thrown out of any wait once the stream was cancelled, so every phase loop unwinds to the cleanup. */
export const StreamCancelled = RunCancelled;

const STREAM_MODEL: TRunModel<TStreamState, TStreamEvent, TStreamEventDraft> = {
  kind: 'stream',
  apply: applyStreamEvent,
  canApply: (state, draft) => canApplyStreamEvent(state.phase, draft),
  version: (state) => state.version,
  isPaused: (state) => state.schedule.pausedAt !== undefined,
  isCancelled: (state) => state.phase === 'cancelled',
  continuedAsNew: (runNumber) => ({ type: 'ContinuedAsNew', runNumber }),
};

/**
 * One stream's run on the engine: besides the engine's state, outbox and shipper, the metric baseline and the batches
 * waiting for the live rules. Phase and start changes update the search attributes, and a campaign's stream tells
 * its campaign each phase it enters.
 */
export class StreamRun extends WorkflowRun<TStreamState, TStreamEvent, TStreamEventDraft, StreamRunSettings> {
  baseline: TMetricBaselineState;
  lastFiredAtMs: Record<string, number>;
  rulesQueue: TBatchSummary[];

  constructor(
    initial: TStreamState,
    settings: StreamRunSettings,
    private readonly deliveryFailed: (run: StreamRun, failure: TDeliveryFailure) => void,
    carried?: Omit<CarriedStreamState, 'state' | 'settings'>,
  ) {
    super(STREAM_MODEL, initial.streamId, initial, settings, carried);
    this.baseline = carried?.baseline ?? emptyBaselineState();
    this.lastFiredAtMs = carried?.lastFiredAtMs ?? {};
    this.rulesQueue = carried?.rulesQueue ?? [];
  }

  protected override afterEmit(before: TStreamState): void {
    if (this.state.phase !== before.phase) {
      upsertSearchAttributes([{ key: SA_PHASE, value: this.state.phase }]);
      // A campaign's stream tells its campaign each phase it enters.
      if (this.state.campaign !== undefined)
        tellCampaign(this.state.campaign, this.state.phase, this.state.version);
    }
    if (this.state.schedule.scheduledStart !== before.schedule.scheduledStart)
      upsertSearchAttributes([
        { key: SA_SCHEDULED_START, value: new Date(toEpochMs(this.state.schedule.scheduledStart)) },
      ]);
  }

  protected override onDeliveryFailure(failure: TDeliveryFailure): void {
    this.deliveryFailed(this, failure);
  }

  /** Rolls over to a new run when the server suggests it, carrying everything (unsent messages and events too). */
  async continueAsNewIfSuggested(): Promise<void> {
    await this.continueAsNewWith((): CarriedStreamState => ({
      ...this.carryRun(),
      state: this.state,
      settings: this.settings,
      baseline: this.baseline,
      lastFiredAtMs: this.lastFiredAtMs,
      rulesQueue: this.rulesQueue,
    }));
  }
}
