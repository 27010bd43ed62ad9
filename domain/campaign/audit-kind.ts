import type { TAuditKind, TAuditStateView } from '../audit/audit-kind.types';
import { approvalDueAt, signoffDueAt, windowBoundary } from './deadlines';
import type { TCampaignEvent } from './events.types';
import { campaignPendingItems } from './pending-items';
import { applyCampaignEvent, replayCampaign } from './reducer';
import type { TCampaignState } from './state.types';
import { summarizeCampaignEvent } from './timeline-summary';

function carriedState(startInput: unknown): TCampaignState | undefined {
  const carried = (startInput as { carried?: { state?: TCampaignState } } | null)?.carried;
  return typeof carried?.state?.campaignId === 'string' ? carried.state : undefined;
}

function view(state: TCampaignState, at: string): TAuditStateView {
  const streams = Object.values(state.streams);
  const count = (status: string) => streams.filter((s) => s.status === status).length;
  const totals = Object.entries(state.kpis.totals)
    .map(([name, value]) => `${name} ${Number.isInteger(value) ? value : Number(value).toFixed(2)}`)
    .join(', ');
  const facts = [
    { label: 'name', value: state.plan.name },
    { label: 'owner', value: state.plan.owner },
    { label: 'plan', value: `r${state.planRevision} ${state.approval?.decision ?? 'awaiting a decision'}` },
    { label: 'budget', value: String(state.plan.budget) },
    {
      label: 'streams',
      value: `${streams.length} (${count('started')} running, ${count('planned')} planned, ${count('held')} held, ${count('ended')} ended, ${count('dropped')} dropped, ${count('failed')} failed)`,
    },
    { label: 'numbers', value: totals || 'none yet' },
    { label: 'extensions', value: state.extensions.map((e) => `${e.minutes} min`).join(', ') || 'none' },
    { label: 'alerts', value: String(state.alerts.total) },
    ...(state.steering.lastDecision
      ? [
          {
            label: 'ROI decision',
            value: `${state.steering.lastDecision.decision}${state.steering.lastDecision.timedOut ? ' (no answer)' : ''}`,
          },
        ]
      : []),
    ...(state.review.reportId ? [{ label: 'review report', value: state.review.reportId }] : []),
    ...(state.review.signedOffBy ? [{ label: 'review signed off by', value: state.review.signedOffBy }] : []),
    ...(state.blockedReason ? [{ label: 'blocked', value: state.blockedReason }] : []),
    ...(state.cancelledReason ? [{ label: 'cancelled', value: state.cancelledReason }] : []),
  ];
  const boundary = windowBoundary(state);
  const signoff = signoffDueAt(state, at);
  const deadlines = [
    { name: 'preheatStart', at: state.windows.preheatStart },
    { name: 'burstStart', at: state.windows.burstStart },
    { name: 'burstEnd', at: state.windows.burstEnd },
    { name: 'tailEnd', at: state.windows.tailEnd },
    ...(state.phase === 'approval' ? [{ name: 'approvalDue', at: approvalDueAt(state, at) }] : []),
    ...(boundary ? [{ name: `next: ${boundary.phase}`, at: boundary.at }] : []),
    ...(state.steering.confirmation
      ? [{ name: 'confirmationDue', at: state.steering.confirmation.dueAt }]
      : []),
    ...(signoff ? [{ name: 'signoffDue', at: signoff }] : []),
  ];
  return {
    phase: state.phase,
    version: state.version,
    paused: state.pause.pausedAt !== undefined,
    facts,
    pending: campaignPendingItems(state, at).map((item) => ({
      key: item.key,
      kind: item.kind,
      assignees: item.assignees,
      dueAt: item.dueAt,
      escalated: item.escalated,
    })),
    deadlines,
  };
}

/** Campaigns for the audit tooling: the workflow's own reducer, selectors and timeline wording. */
export const CAMPAIGN_AUDIT_KIND: TAuditKind<TCampaignState, TCampaignEvent> = {
  kind: 'campaign',
  workflowType: 'campaignWorkflow',
  carriedState,
  initial: (first) => replayCampaign([first]),
  apply: applyCampaignEvent,
  versionOf: (state) => state.version,
  phaseOf: (state) => state.phase,
  summarize: summarizeCampaignEvent,
  view,
};
