import { condition, patched, upsertSearchAttributes } from '@temporalio/workflow';
import { childCommandsFor, unairedStreams, type TChildCommand } from '../../domain/campaign/child-commands';
import type { TCampaignEvent, TCampaignEventDraft } from '../../domain/campaign/events.types';
import { applyCampaignEvent } from '../../domain/campaign/reducer';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { canApplyCampaignEvent } from '../../domain/campaign/transitions';
import type { TActor } from '../../domain/shared/actor.types';
import type { TDeliveryFailure } from '../engine/notification-outbox';
import {
  MAX_WAIT_MS,
  WorkflowRun,
  type TCarriedRun,
  type TRunModel,
  type TRunSettings,
} from '../engine/workflow-run';
import { SA_PHASE } from '../search-attributes';
import { announce } from './announcements';
import { ChildCommandQueue } from './child-command-queue';

/** Versioned change: leaving the burst stops the streams that have not gone on air (UnairedStreamsStopped). */
export const UNAIRED_STREAMS_PATCH = 'stop-unaired-streams-after-burst';

export interface CarriedCampaignState extends TCarriedRun<TCampaignEvent> {
  state: TCampaignState;
  settings: TRunSettings;
  commands: TChildCommand[];
}

const CAMPAIGN_MODEL: TRunModel<TCampaignState, TCampaignEvent, TCampaignEventDraft> = {
  kind: 'campaign',
  apply: applyCampaignEvent,
  canApply: (state, draft) => canApplyCampaignEvent(state.phase, draft),
  version: (state) => state.version,
  isPaused: (state) => state.pause.pausedAt !== undefined,
  isCancelled: (state) => state.phase === 'cancelled',
  continuedAsNew: (runNumber) => ({ type: 'ContinuedAsNew', runNumber }),
};

/**
 * One campaign's run on the engine. Besides the engine's outbox and shipper it has a queue of commands to its
 * streams: every applied event may ask something of them (child-commands.ts), and is announced to the team.
 */
export class CampaignRun extends WorkflowRun<TCampaignState, TCampaignEvent, TCampaignEventDraft> {
  readonly commands: ChildCommandQueue;

  constructor(
    initial: TCampaignState,
    settings: TRunSettings,
    carried?: Omit<CarriedCampaignState, 'state' | 'settings'>,
  ) {
    super(CAMPAIGN_MODEL, initial.campaignId, initial, settings, carried);
    this.commands = new ChildCommandQueue(
      () => this.actor,
      (command, reason) =>
        this.emitIf({
          type: 'ChildCommandFailed',
          key: command.key,
          command: command.action,
          reason: reason.slice(0, 500),
          ...(command.slotKept === undefined ? {} : { slotKept: command.slotKept }),
        }),
      carried?.commands,
    );
    this.commands.kick();
  }

  /** How the campaign appears on its streams' timelines when it acts on them (their validators judge it as a manager). */
  get actor(): TActor {
    return {
      id: `campaign:${this.state.campaignId}`.slice(0, 100),
      name: this.state.plan.name.slice(0, 100),
      roles: ['manager'],
    };
  }

  protected override afterEmit(before: TCampaignState, event: TCampaignEvent): void {
    if (this.state.phase !== before.phase)
      upsertSearchAttributes([{ key: SA_PHASE, value: this.state.phase }]);
    for (const command of childCommandsFor(before, this.state, event, this.state.version))
      if (command.patch === undefined || patched(command.patch)) this.commands.enqueue(command);
    announce(this, before, event);
    if (before.phase === 'burst' && this.state.phase === 'tail') this.stopUnairedStreams();
  }

  /**
   * The burst is over, however it ended (its time, every goal met, a manager): what has not gone on air does not go on
   * air in the tail. Campaigns whose burst ended before this change keep their old history (UNAIRED_STREAMS_PATCH).
   */
  private stopUnairedStreams(): void {
    const { notStarted, beforeLive } = unairedStreams(this.state);
    if (notStarted.length + beforeLive.length === 0 || !patched(UNAIRED_STREAMS_PATCH)) return;
    this.emit({
      type: 'UnairedStreamsStopped',
      notStarted,
      beforeLive,
      reason: 'the burst is over',
    });
  }

  protected override onDeliveryFailure(failure: TDeliveryFailure): void {
    const { request } = failure;
    this.emitIf({
      type: 'AlertRaised',
      ruleId: 'notification_failed',
      message:
        `${failure.failed} ${request.template} message(s) not delivered (${request.key}): ${failure.reason}`.slice(
          0,
          500,
        ),
      values: {},
      notified: [],
    });
  }

  async continueAsNewIfSuggested(): Promise<void> {
    await this.continueAsNewWith((): CarriedCampaignState => ({
      ...this.carryRun(),
      state: this.state,
      settings: this.settings,
      commands: this.commands.carry(),
    }));
  }

  /** Commands to the streams go out before the end too (a cancelled campaign's streams must hear of it). */
  override async drainBeforeEnd(): Promise<void> {
    while (!this.commands.idle) {
      this.commands.kick();
      await condition(() => this.commands.idle, MAX_WAIT_MS);
    }
    await super.drainBeforeEnd();
  }
}
