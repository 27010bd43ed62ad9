import type { TDocumentProblem, TProductCheckResult } from '../compliance/product-documents.types';
import type { TScriptFinding } from '../compliance/rules.types';
import type { TMetricName } from '../metrics/metric-kinds';
import type { TActor } from '../shared/actor.types';
import type { TStreamPhase } from './phases';
import type { TProductDocumentKind } from './plan.constants';
import type { TProduct, TProductDocument, TScriptSegment, TStreamPlan, TTeamMember } from './plan.types';

/** The campaign a stream belongs to (it was started by the campaign's workflow), with its key there. */
export interface TCampaignLink {
  id: string;
  key: string;
  name: string;
}

/**
 * The facts of a stream's life, plain JSON (no schema library: the workflow builds them, the reducer folds them, the
 * projection ships them to the database and auditors rebuild state from them). Every event says when and who; `actor`
 * is SYSTEM_ACTOR for timers, scans and metric feeds.
 */
export type { TMetricName, TDocumentProblem };

export const SCRIPT_DECISIONS = ['approved', 'rejected', 'approved_with_findings'] as const;
export type TScriptDecision = (typeof SCRIPT_DECISIONS)[number];
export const INCIDENT_KINDS = ['interruption', 'complaint', 'content_violation', 'other'] as const;
export type TIncidentKind = (typeof INCIDENT_KINDS)[number];
/** Where a metric number came from; the report and the stream page say so beside every number. */
export const METRIC_SOURCES = ['pushed', 'platform', 'simulated'] as const;
export type TMetricSource = (typeof METRIC_SOURCES)[number];

interface Base<T extends string> {
  type: T;
  at: string;
  actor: TActor;
}

export type TStreamEvent =
  /** First event of every stream; replay starts from it. */
  | (Base<'StreamPlanned'> & { streamId: string; plan: TStreamPlan; campaign?: TCampaignLink })
  | (Base<'ScriptSubmitted'> & { revision: number; segments: TScriptSegment[]; submittedBy: string })
  /**
   * `truncated`: findings beyond the stored limit (the scan found more; the reviewer sees that it did). `packVersion`:
   * the compliance rule pack that judged the script, so an auditor knows which rules applied.
   */
  | (Base<'ScriptScanned'> & {
      revision: number;
      findings: TScriptFinding[];
      truncated?: number;
      packVersion?: string;
    })
  /** `packVersion`: the rule pack the decided revision was scanned with (what the reviewer judged against). */
  | (Base<'ScriptDecided'> & {
      revision: number;
      decision: TScriptDecision;
      reasons: string[];
      acceptedFindingIds: string[];
      packVersion?: string;
    })
  | (Base<'ProductsChecked'> & { results: TProductCheckResult[] })
  | (Base<'ProductDecided'> & { sku: string; decision: 'approved' | 'rejected'; reason: string })
  /** By the system (a rejected product the plan lets go), or by a person changing the lineup before the live. */
  | (Base<'ProductDropped'> & { sku: string; reason?: string })
  /** A product joins the lineup before the live: its documents are checked and it is decided like the others. */
  | (Base<'ProductAdded'> & { product: TProduct })
  /** A new document replaces one that was missing, expired or wrong: the product is checked and decided again. */
  | (Base<'DocumentReplaced'> & {
      sku: string;
      document: TProductDocumentKind;
      replacement: TProductDocument;
    })
  /** A manager adds a reviewer to this stream (the roster's reviewers are away, or an escalation needs a decider). */
  | (Base<'ReviewerAssigned'> & { member: TTeamMember; reason: string })
  | (Base<'ReminderSent'> & { approvalKey: string; to: string[] })
  | (Base<'ApprovalEscalated'> & { approvalKey: string; to: string[] })
  | (Base<'StreamBlocked'> & { reason: string })
  | (Base<'StreamRescheduled'> & { scheduledStart: string; reason?: string })
  | (Base<'PhaseEntered'> & { phase: TStreamPhase })
  | (Base<'ChecklistSigned'> & { items: string[] })
  | (Base<'ChecklistEscalated'> & { to: string[] })
  /** One event per batch of new points (never per point, never for points already stored), so history stays small. */
  | (Base<'MetricsReceived'> & {
      count: number;
      from: string;
      to: string;
      latest: Partial<Record<TMetricName, number>>;
      source?: TMetricSource;
    })
  | (Base<'AlertRaised'> & { ruleId: string; message: string; notified: string[] })
  | (Base<'IncidentRecorded'> & { kind: TIncidentKind; description: string; steps: string[] })
  | (Base<'StreamExtended'> & { minutes: number; reason: string })
  | (Base<'StreamEndedEarly'> & { reason: string })
  | (Base<'Paused'> & { reason: string })
  /** pausedSeconds is computed once by the workflow and recorded, so replay never recomputes durations. */
  | (Base<'Resumed'> & { pausedSeconds: number })
  | (Base<'AdvancedNow'> & { from: TStreamPhase; to: TStreamPhase; reason?: string })
  | (Base<'Cancelled'> & { reason: string })
  | (Base<'ReviewReported'> & { reportId: string; summary: string })
  /** Building the review failed after its retries; the stream stays in review until a manager retries it. */
  | (Base<'ReviewFailed'> & { reason: string })
  | Base<'ReviewRetryRequested'>
  | (Base<'ReviewSignedOff'> & { reportId: string })
  /** Marks a workflow run boundary in the timeline; changes nothing else. */
  | (Base<'ContinuedAsNew'> & { runNumber: number });

export type TStreamEventType = TStreamEvent['type'];
export type TStreamEventOf<K extends TStreamEventType> = Extract<TStreamEvent, { type: K }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a workflow or an action produces it: the workflow stamps `at` (its clock) and `actor`. */
export type TStreamEventDraft = DistributiveOmit<TStreamEvent, 'at' | 'actor'>;
