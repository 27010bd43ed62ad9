import type { TActor } from '../shared/actor.types';
import type { TStreamPhase } from '../stream/phases';
import type { TCampaignKpi } from './kpi-names';
import type { TCampaignPhase } from './phases';
import type { TCampaignGoals, TCampaignPlan, TCampaignStreamEntry } from './plan.schema';

/** Plain types (no zod): the campaign's state is a fold over these events, in the workflow and in the read model. */

export type TKpiNumbers = Partial<Record<TCampaignKpi, number>>;

/** What one stream contributed at the last rollup. */
export interface TStreamKpis {
  gmv: number;
  orders: number;
  participants: number;
  newFollowers: number;
}

/**
 * The commands a campaign sends its streams, each one of the stream's own actions taken as the campaign (its
 * validators judge it); tests/unit/domain/action-registries.test.ts holds each to the stream registry.
 */
export const CHILD_COMMAND_NAMES = [
  'extend',
  'reschedule',
  'cancel',
  'end-early',
  'pause',
  'resume',
] as const;
export type TChildCommandName = (typeof CHILD_COMMAND_NAMES)[number];

export type TWindowPhase = 'preheat' | 'burst' | 'tail' | 'review';

interface E<T extends string> {
  type: T;
  at: string;
  actor: TActor;
}

export type TCampaignEvent =
  | (E<'CampaignPlanned'> & { campaignId: string; plan: TCampaignPlan; submittedBy: string })
  | (E<'PlanRevised'> & { revision: number; goals: TCampaignGoals; budget: number; reason: string })
  | (E<'PlanDecided'> & { revision: number; decision: 'approved' | 'rejected'; reason: string })
  | (E<'ReminderSent'> & { approvalKey: string; to: string[] })
  | (E<'ApprovalEscalated'> & { approvalKey: string; to: string[] })
  | (E<'CampaignBlocked'> & { reason: string })
  /** Every window and every stream not started yet move by `shiftSeconds` (a reschedule moves the campaign whole). */
  | (E<'CampaignRescheduled'> & { shiftSeconds: number; reason: string })
  /** A window boundary passed, or a rule moved the campaign on; `numbers` are what triggered it, if a rule did. */
  | (E<'PhaseEntered'> & { phase: TWindowPhase; rule?: 'goals_met'; numbers?: TKpiNumbers })
  | (E<'AdvancedNow'> & { from: TCampaignPhase; to: TWindowPhase; reason: string })
  /** The burst is longer by `minutes`: the tail with it; `moved` slots start later, `extendedLive` streams run longer. */
  | (E<'BurstExtended'> & { minutes: number; reason: string; moved: string[]; extendedLive: string[] })
  | (E<'StreamAdded'> & { entry: TCampaignStreamEntry })
  | (E<'StreamDropped'> & { key: string; reason: string })
  | (E<'ChildStarted'> & { key: string; workflowId: string })
  | (E<'ChildStartFailed'> & { key: string; reason: string })
  /**
   * The stream entered `phase` at its state `version` (absent in histories from before versions were sent). A phase is
   * taken only from a newer version than the one the campaign has: what a stream said never goes backwards.
   */
  | (E<'ChildPhaseChanged'> & { key: string; phase: TStreamPhase; version?: number })
  /** The stream's workflow closed without a review (failed, terminated, timed out). */
  | (E<'ChildFailed'> & { key: string; status: string })
  /** `slotKept`: a refused reschedule leaves the stream's slot where the stream has it (the campaign takes it back). */
  | (E<'ChildCommandFailed'> & { key: string; command: TChildCommandName; reason: string; slotKept?: string })
  /**
   * The burst is over (at its end, by a rule or by a manager): streams not started never start, streams started but
   * not live yet are cancelled; live ones run their course.
   */
  | (E<'UnairedStreamsStopped'> & { notStarted: string[]; beforeLive: string[]; reason: string })
  /** The streams not on air yet wait: unstarted ones are not started, started ones are paused. */
  | (E<'StreamsHeld'> & { keys: string[]; reason: string })
  | (E<'StreamsReleased'> & { keys: string[] })
  | (E<'Paused'> & { reason: string })
  /** The campaign's instants still ahead when it paused move by the pause's length. */
  | (E<'Resumed'> & { pausedSeconds: number })
  | (E<'CampaignCancelled'> & { reason: string })
  /**
   * `roiPace`: during burst, GMV so far against the share of the budget the elapsed part of the burst stands for (the
   * budget spread evenly over the burst); the ROI floor rule judges it, so an early hour is not held to the whole budget.
   */
  | (E<'KpisRolledUp'> & { totals: TKpiNumbers; perStream: Record<string, TStreamKpis>; roiPace?: number })
  | (E<'AlertRaised'> & { ruleId: string; message: string; values: TKpiNumbers; notified: string[] })
  | (E<'ContinueConfirmationRequested'> & { roi: number; floor: number; belowSince: string; dueAt: string })
  | (E<'ContinueDecided'> & { decision: 'continue' | 'pause_remaining'; reason: string; timedOut: boolean })
  | (E<'ReviewReported'> & { reportId: string; summary: string })
  | (E<'ReviewFailed'> & { reason: string })
  | (E<'ReviewRetryRequested'> & Record<never, never>)
  | (E<'ReviewSignedOff'> & { reportId: string; note?: string })
  | (E<'ContinuedAsNew'> & { runNumber: number });

export type TCampaignEventType = TCampaignEvent['type'];
export type TCampaignEventOf<T extends TCampaignEventType> = Extract<TCampaignEvent, { type: T }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before the workflow stamps it with its clock and actor. */
export type TCampaignEventDraft = DistributiveOmit<TCampaignEvent, 'at' | 'actor'>;
