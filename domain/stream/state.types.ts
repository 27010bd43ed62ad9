import type { TDocumentProblem } from '../compliance/product-documents.types';
import type { TScriptFinding } from '../compliance/rules.types';
import type {
  TCampaignLink,
  TIncidentKind,
  TMetricName,
  TMetricSource,
  TStreamEventType,
} from './events.types';
import type { TStreamPhase } from './phases';
import type { TScriptSegment, TStreamPlan, TTeamMember } from './plan.types';

/** Plain JSON types (no zod): state is built by the reducer, never parsed from outside. */

export interface TScriptDecisionRecord {
  decision: 'approved' | 'rejected' | 'approved_with_findings';
  reasons: string[];
  acceptedFindingIds: string[];
  decidedBy: string;
  decidedAt: string;
}

export interface TScriptRevision {
  revision: number;
  segments: TScriptSegment[];
  submittedBy: string;
  submittedAt: string;
  /** Undefined until scanned: "not scanned yet" and "scanned, nothing found" are different facts. */
  findings?: TScriptFinding[];
  /** Findings the scan reported beyond the stored limit (see apply-event.ts). */
  findingsTruncated?: number;
  /** The compliance rule pack version that scanned it. */
  packVersion?: string;
  scannedAt?: string;
  decision?: TScriptDecisionRecord;
}

export interface TProductState {
  sku: string;
  /**
   * Who put it in the lineup, or last supplied its documents: its submitter, who cannot decide it (absent in streams
   * from before: the plan's owner stands for them, as always).
   */
  submittedBy?: string;
  problems?: TDocumentProblem[];
  checkedAt?: string;
  decision?: { decision: 'approved' | 'rejected'; reason: string; decidedBy: string; decidedAt: string };
  dropped: boolean;
  droppedAt?: string;
}

export interface TPauseRecord {
  from: string;
  to?: string;
  seconds?: number;
  /** Which phase was paused decides which deadlines the pause pushes back (see selectors). */
  phase: TStreamPhase;
  reason: string;
}

export interface TSchedule {
  scheduledStart: string;
  plannedDurationSeconds: number;
  extensionSeconds: number;
  pausedTotalSeconds: number;
  pausedAt?: string;
  pauses: TPauseRecord[];
  endedEarly?: { at: string; reason: string };
}

export interface TApprovalNotices {
  reminders: number;
  lastReminderAt?: string;
  escalatedAt?: string;
  escalatedTo?: string[];
}

export interface TIncident {
  id: string;
  kind: TIncidentKind;
  description: string;
  steps: string[];
  recordedBy: string;
  at: string;
}

export interface TAlertRecord {
  ruleId: string;
  message: string;
  notified: string[];
  at: string;
}

export interface TTimelineEntry {
  /** 1-based position in the stream's history (equals the state version right after the event). */
  seq: number;
  type: TStreamEventType;
  at: string;
  actorId: string;
  actorName?: string;
  summary: string;
}

export interface TStreamState {
  streamId: string;
  /** Set when a campaign started this stream. */
  campaign?: TCampaignLink;
  phase: TStreamPhase;
  /** When each phase was last entered; actual live start/end come from here. */
  phaseEnteredAt: Partial<Record<TStreamPhase, string>>;
  plan: TStreamPlan;
  createdAt: string;
  updatedAt: string;
  schedule: TSchedule;
  script: { currentRevision: number; revisions: TScriptRevision[] };
  products: Record<string, TProductState>;
  productsCheckedAt?: string;
  checklist: { signedBy?: string; signedAt?: string; items: string[]; escalatedAt?: string };
  approvalNotices: Record<string, TApprovalNotices>;
  incidents: TIncident[];
  alerts: { total: number; lastFiredAt: Record<string, string>; recent: TAlertRecord[] };
  metrics: {
    batches: number;
    points: number;
    /** Batches that arrived outside the live (before burst, or late: T+1 corrections); folded in, not alerted on. */
    batchesOutsideLive: number;
    /** Where the latest numbers came from, per metric. */
    sources: Partial<Record<TMetricName, TMetricSource>>;
    firstFrom?: string;
    lastTo?: string;
    lastReceivedAt?: string;
    latest: Partial<Record<TMetricName, number>>;
  };
  review: {
    reportId?: string;
    summary?: string;
    reportedBy?: string;
    reportedAt?: string;
    signedOffBy?: string;
    signedOffAt?: string;
    /** Set when building the report failed after its retries; cleared by a manager's retry. */
    failedAt?: string;
    failureReason?: string;
    failures: number;
  };
  /** Reviewers a manager added to this stream besides the plan's roster. */
  assignedReviewers: TTeamMember[];
  blockedReason?: string;
  cancelledReason?: string;
  /** Number of events applied, StreamPlanned included; doubles as an optimistic-concurrency token. */
  version: number;
  /** Bounded so workflow state and query results stay small; the full history lives in Temporal. */
  timeline: { entries: TTimelineEntry[]; totalCount: number };
}
