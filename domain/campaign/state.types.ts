import type { TActor } from '../shared/actor.types';
import type { TApprovalNotices } from '../stream/state.types';
import type { TStreamPhase } from '../stream/phases';
import type { TCampaignEventType, TKpiNumbers, TStreamKpis } from './events.types';
import type { TCampaignPhase } from './phases';
import type { TCampaignPlan, TCampaignStreamEntry } from './plan.schema';
import type { TCampaignWindows } from './plan-rules';

/** Plain JSON types: built by the reducer, never parsed from outside. */

export type TChildStatus =
  /** Not started yet: it starts in time for its gates. */
  | 'planned'
  /** Held by the campaign (ROI under the floor, paused remaining streams): not started until released. */
  | 'held'
  | 'started'
  /** Its workflow finished (signed review) or was cancelled. */
  | 'ended'
  /** Taken out of the campaign: by a manager, or because the burst ended before its slot. */
  | 'dropped'
  /** Its workflow closed without finishing (failed, terminated) or could not be started. */
  | 'failed';

export interface TStreamAuthor {
  id: string;
  name?: string;
  roles: TActor['roles'];
}

export interface TCampaignStream extends TCampaignStreamEntry {
  workflowId: string;
  status: TChildStatus;
  /** The stream's last phase the campaign heard of, and the stream's state version it was entered at. */
  phase?: TStreamPhase;
  phaseVersion?: number;
  /**
   * Who wrote this stream's plan (its script and lineup): the campaign's submitter, or the person who added it. The
   * stream's gates are theirs as submitter, so they cannot approve them. Absent in campaigns from before.
   */
  author?: TStreamAuthor;
  startedAt?: string;
  /** Paused through the campaign (held), so releasing resumes exactly these. */
  pausedByCampaign: boolean;
  droppedReason?: string;
  failure?: string;
  kpis?: TStreamKpis;
}

export interface TCampaignPause {
  from: string;
  to?: string;
  seconds?: number;
  phase: TCampaignPhase;
  reason: string;
}

export interface TCampaignTimelineEntry {
  seq: number;
  type: TCampaignEventType;
  at: string;
  actorId: string;
  actorName?: string;
  summary: string;
}

export interface TCampaignState {
  campaignId: string;
  phase: TCampaignPhase;
  phaseEnteredAt: Partial<Record<TCampaignPhase, string>>;
  /** The plan as approved and amended (goals, budget); its streams live in `streams`. */
  plan: Omit<TCampaignPlan, 'streams'>;
  /** Who asked for approval of the current revision (they cannot approve it), and when. */
  submittedBy: string;
  submittedAt: string;
  createdAt: string;
  updatedAt: string;
  planRevision: number;
  approval?: { decision: 'approved' | 'rejected'; reason: string; decidedBy: string; decidedAt: string };
  /** The windows now: the plan's, moved by reschedules, extensions and pauses. */
  windows: TCampaignWindows;
  pause: { pausedAt?: string; pausedTotalSeconds: number; pauses: TCampaignPause[] };
  extensions: Array<{ minutes: number; reason: string; at: string; by: string }>;
  streams: Record<string, TCampaignStream>;
  /** Stream keys in slot order, as lists show them. */
  streamOrder: string[];
  kpis: { at?: string; totals: TKpiNumbers; rollups: number; roiPace?: number };
  alerts: {
    total: number;
    lastFiredAt: Record<string, string>;
    recent: Array<{ ruleId: string; message: string; at: string }>;
  };
  steering: {
    /** When ROI went under the floor (during burst), while it stays there. */
    roiBelowSince?: string;
    confirmation?: { requestedAt: string; dueAt: string; roi: number; floor: number };
    lastDecision?: { decision: 'continue' | 'pause_remaining'; at: string; by: string; timedOut: boolean };
    goalsMetAt?: string;
  };
  approvalNotices: Record<string, TApprovalNotices>;
  review: {
    reportId?: string;
    summary?: string;
    reportedAt?: string;
    signedOffBy?: string;
    signedOffAt?: string;
    failedAt?: string;
    failureReason?: string;
    failures: number;
  };
  blockedReason?: string;
  cancelledReason?: string;
  version: number;
  timeline: { entries: TCampaignTimelineEntry[]; totalCount: number };
}
