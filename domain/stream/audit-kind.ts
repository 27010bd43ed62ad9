import type { TAuditKind, TAuditStateView } from '../audit/audit-kind.types';
import { gateStatus, pendingItems, streamDeadlines } from './selectors';
import type { TStreamEvent } from './events.types';
import { applyStreamEvent, replayStream } from './reducer';
import type { TStreamState } from './state.types';
import { summarizeEvent } from './timeline-summary';

function carriedState(startInput: unknown): TStreamState | undefined {
  const carried = (startInput as { carried?: { state?: TStreamState } } | null)?.carried;
  return typeof carried?.state?.streamId === 'string' ? carried.state : undefined;
}

function view(state: TStreamState, at: string): TAuditStateView {
  const deadlines = streamDeadlines(state, at);
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  const gates = gateStatus(state);
  const facts = [
    { label: 'title', value: state.plan.title },
    { label: 'owner', value: state.plan.owner },
    { label: 'scheduled start', value: state.schedule.scheduledStart },
    {
      label: 'script',
      value: current
        ? `r${current.revision} ${current.decision?.decision ?? 'awaiting a decision'}`
        : 'none submitted',
    },
    { label: 'gates', value: gates.passed ? 'passed' : `closed (${gates.blockers.length} blockers)` },
    {
      label: 'checklist',
      value: state.checklist.signedBy ? `signed by ${state.checklist.signedBy}` : 'not signed',
    },
    { label: 'alerts', value: String(state.alerts.total) },
    { label: 'incidents', value: String(state.incidents.length) },
    { label: 'extension', value: `${state.schedule.extensionSeconds / 60} min` },
    ...(state.review.reportId ? [{ label: 'review report', value: state.review.reportId }] : []),
    ...(state.review.signedOffBy ? [{ label: 'review signed off by', value: state.review.signedOffBy }] : []),
    ...(state.blockedReason ? [{ label: 'blocked', value: state.blockedReason }] : []),
    ...(state.cancelledReason ? [{ label: 'cancelled', value: state.cancelledReason }] : []),
  ];
  return {
    phase: state.phase,
    version: state.version,
    paused: state.schedule.pausedAt !== undefined,
    facts,
    pending: pendingItems(state, at).map((item) => ({
      key: item.key,
      kind: item.kind,
      assignees: item.assignees,
      dueAt: item.dueAt,
      escalated: item.escalated,
    })),
    deadlines: Object.entries(deadlines).flatMap(([name, value]) =>
      Array.isArray(value)
        ? value.map((instant, index) => ({ name: `${name}[${index}]`, at: instant }))
        : [{ name, at: value }],
    ),
  };
}

/** Streams for the audit tooling: the workflow's own reducer, selectors and timeline wording. */
export const STREAM_AUDIT_KIND: TAuditKind<TStreamState, TStreamEvent> = {
  kind: 'stream',
  workflowType: 'streamWorkflow',
  carriedState,
  initial: (first) => replayStream([first]),
  apply: applyStreamEvent,
  versionOf: (state) => state.version,
  phaseOf: (state) => state.phase,
  summarize: summarizeEvent,
  view,
};
