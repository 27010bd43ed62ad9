import { DomainError } from '../shared/errors';
import { earlierOf, isBefore, laterOf } from '../shared/time';
import type { TStreamEvent } from './events.types';
import type { TScriptRevision, TStreamState, TProductState } from './state.types';

/** Bounded so a long burst of alerts cannot grow workflow state without limit. */
export const RECENT_ALERTS_LIMIT = 50;

function updateRevision(
  state: TStreamState,
  revision: number,
  change: (r: TScriptRevision) => TScriptRevision,
): TStreamState {
  if (!state.script.revisions.some((r) => r.revision === revision))
    throw new DomainError('NOT_FOUND', `Script revision r${revision} does not exist`);
  const revisions = state.script.revisions.map((r) => (r.revision === revision ? change(r) : r));
  return { ...state, script: { ...state.script, revisions } };
}

function updateProduct(
  state: TStreamState,
  sku: string,
  change: (p: TProductState) => TProductState,
): TStreamState {
  const product = state.products[sku];
  if (product === undefined) throw new DomainError('NOT_FOUND', `Product ${sku} is not in the lineup`);
  return { ...state, products: { ...state.products, [sku]: change(product) } };
}

/**
 * What each event does to the state besides the phase (the phase follows the transition table in transitions.ts,
 * applied by the reducer). The reducer records; it does not judge permissions (that is the action registry), but it
 * refuses events that cannot belong to this history, because a silently skipped event would make replay lie to
 * auditors.
 */
export function applyEventPayload(state: TStreamState, event: TStreamEvent): TStreamState {
  const { at } = event;
  switch (event.type) {
    case 'StreamPlanned':
      throw new DomainError('INVALID_STATE', 'StreamPlanned can only start a history');
    case 'ScriptSubmitted': {
      if (event.revision !== state.script.currentRevision + 1)
        throw new DomainError(
          'STALE_REVISION',
          `Expected revision r${state.script.currentRevision + 1}, got r${event.revision}`,
        );
      const revision: TScriptRevision = {
        revision: event.revision,
        segments: event.segments,
        submittedBy: event.submittedBy,
        submittedAt: at,
      };
      return {
        ...state,
        script: { currentRevision: event.revision, revisions: [...state.script.revisions, revision] },
      };
    }
    case 'ScriptScanned':
      return updateRevision(state, event.revision, (r) => ({
        ...r,
        findings: event.findings,
        ...(event.truncated ? { findingsTruncated: event.truncated } : {}),
        ...(event.packVersion === undefined ? {} : { packVersion: event.packVersion }),
        scannedAt: at,
      }));
    case 'ScriptDecided': {
      const { decision, reasons, acceptedFindingIds } = event;
      const record = { decision, reasons, acceptedFindingIds, decidedBy: event.actor.id, decidedAt: at };
      return updateRevision(state, event.revision, (r) => ({ ...r, decision: record }));
    }
    case 'ProductsChecked':
      return event.results.reduce<TStreamState>(
        (acc, result) =>
          updateProduct(acc, result.sku, (p) => {
            // An approval given before the documents went bad no longer holds: the product is decided again.
            const keep =
              p.decision !== undefined && !(p.decision.decision === 'approved' && result.problems.length > 0);
            const { decision: _dropped, ...rest } = p;
            return {
              ...rest,
              ...(keep ? { decision: p.decision } : {}),
              problems: result.problems,
              checkedAt: at,
            };
          }),
        { ...state, productsCheckedAt: at },
      );
    case 'ProductDecided': {
      const decision = {
        decision: event.decision,
        reason: event.reason,
        decidedBy: event.actor.id,
        decidedAt: at,
      };
      return updateProduct(state, event.sku, (p) => ({ ...p, decision }));
    }
    case 'ProductDropped':
      return updateProduct(state, event.sku, (p) => ({ ...p, dropped: true, droppedAt: at }));
    case 'ProductAdded': {
      if (state.products[event.product.sku] !== undefined)
        throw new DomainError('INVALID_STATE', `Product ${event.product.sku} is already in the lineup`);
      const { productsCheckedAt: _checked, ...unchecked } = state;
      return {
        ...unchecked,
        plan: { ...state.plan, products: [...state.plan.products, event.product] },
        products: {
          ...state.products,
          [event.product.sku]: { sku: event.product.sku, dropped: false, submittedBy: event.actor.id },
        },
      };
    }
    case 'DocumentReplaced': {
      const replaced = updateProduct(state, event.sku, (p) => {
        // New evidence: the old check and any decision on it no longer hold.
        const { problems: _p, checkedAt: _c, decision: _d, ...rest } = p;
        return { ...rest, submittedBy: event.actor.id };
      });
      const { productsCheckedAt: _checked, blockedReason: _blocked, ...unchecked } = replaced;
      return {
        ...unchecked,
        plan: {
          ...state.plan,
          products: state.plan.products.map((product) =>
            product.sku === event.sku
              ? { ...product, documents: { ...product.documents, [event.document]: event.replacement } }
              : product,
          ),
        },
      };
    }
    case 'ReviewerAssigned':
      return {
        ...state,
        assignedReviewers: [
          ...state.assignedReviewers.filter((m) => m.id.toLowerCase() !== event.member.id.toLowerCase()),
          event.member,
        ],
      };
    case 'ReminderSent': {
      const notices = state.approvalNotices[event.approvalKey] ?? { reminders: 0 };
      const updated = { ...notices, reminders: notices.reminders + 1, lastReminderAt: at };
      return { ...state, approvalNotices: { ...state.approvalNotices, [event.approvalKey]: updated } };
    }
    case 'ApprovalEscalated': {
      const notices = state.approvalNotices[event.approvalKey] ?? { reminders: 0 };
      const updated = { ...notices, escalatedAt: at, escalatedTo: event.to };
      return { ...state, approvalNotices: { ...state.approvalNotices, [event.approvalKey]: updated } };
    }
    case 'StreamBlocked':
      return { ...state, blockedReason: event.reason };
    case 'StreamRescheduled': {
      // The pre-live checklist was signed for the old start; equipment and network are checked again for the new one.
      // Documents must be valid until the new end, so they are checked again, and rejected products (fixed meanwhile,
      // one hopes) are decided again instead of blocking the new date forever.
      const products = Object.fromEntries(
        Object.entries(state.products).map(([sku, p]) => {
          const { problems: _p, checkedAt: _c, decision, ...rest } = p;
          return [
            sku,
            decision === undefined || decision.decision === 'rejected' ? rest : { ...rest, decision },
          ];
        }),
      );
      const { productsCheckedAt: _checked, blockedReason: _blocked, ...unchecked } = state;
      return {
        ...unchecked,
        products,
        schedule: { ...state.schedule, scheduledStart: event.scheduledStart },
        checklist: { items: [] },
      };
    }
    case 'PhaseEntered':
      return state;
    case 'ChecklistSigned':
      return {
        ...state,
        checklist: { ...state.checklist, signedBy: event.actor.id, signedAt: at, items: event.items },
      };
    case 'ChecklistEscalated':
      return { ...state, checklist: { ...state.checklist, escalatedAt: at } };
    case 'MetricsReceived': {
      const m = state.metrics;
      const source = event.source;
      return {
        ...state,
        metrics: {
          batches: m.batches + 1,
          points: m.points + event.count,
          batchesOutsideLive: m.batchesOutsideLive + (state.phase === 'burst' ? 0 : 1),
          sources:
            source === undefined
              ? m.sources
              : {
                  ...m.sources,
                  ...Object.fromEntries(Object.keys(event.latest).map((metric) => [metric, source])),
                },
          firstFrom: m.firstFrom === undefined ? event.from : earlierOf(m.firstFrom, event.from),
          lastTo: m.lastTo === undefined ? event.to : laterOf(m.lastTo, event.to),
          lastReceivedAt: at,
          // A late (T+1) batch fills gaps but must not overwrite values that are newer than it.
          latest:
            m.lastTo !== undefined && isBefore(event.to, m.lastTo)
              ? { ...event.latest, ...m.latest }
              : { ...m.latest, ...event.latest },
        },
      };
    }
    case 'AlertRaised': {
      const record = { ruleId: event.ruleId, message: event.message, notified: event.notified, at };
      return {
        ...state,
        alerts: {
          total: state.alerts.total + 1,
          lastFiredAt: { ...state.alerts.lastFiredAt, [event.ruleId]: at },
          recent: [...state.alerts.recent, record].slice(-RECENT_ALERTS_LIMIT),
        },
      };
    }
    case 'IncidentRecorded': {
      const { kind, description, steps } = event;
      const incident = {
        id: `incident-${state.incidents.length + 1}`,
        kind,
        description,
        steps,
        recordedBy: event.actor.id,
        at,
      };
      return { ...state, incidents: [...state.incidents, incident] };
    }
    case 'StreamExtended':
      return {
        ...state,
        schedule: {
          ...state.schedule,
          extensionSeconds: state.schedule.extensionSeconds + event.minutes * 60,
        },
      };
    case 'StreamEndedEarly':
      return { ...state, schedule: { ...state.schedule, endedEarly: { at, reason: event.reason } } };
    case 'Paused': {
      const pause = { from: at, phase: state.phase, reason: event.reason };
      return {
        ...state,
        schedule: { ...state.schedule, pausedAt: at, pauses: [...state.schedule.pauses, pause] },
      };
    }
    case 'Resumed': {
      const { pausedAt, pauses } = state.schedule;
      if (pausedAt === undefined) throw new DomainError('INVALID_STATE', 'Resumed while not paused');
      const closed = pauses.map((p, i) =>
        i === pauses.length - 1 ? { ...p, to: at, seconds: event.pausedSeconds } : p,
      );
      const schedule = {
        ...state.schedule,
        pauses: closed,
        pausedTotalSeconds: state.schedule.pausedTotalSeconds + event.pausedSeconds,
      };
      delete schedule.pausedAt;
      return { ...state, schedule };
    }
    case 'AdvancedNow':
      if (event.from !== state.phase)
        throw new DomainError(
          'INVALID_STATE',
          `AdvancedNow from ${event.from}, but the stream is ${state.phase}`,
        );
      return state;
    case 'Cancelled':
      return { ...state, cancelledReason: event.reason };
    case 'ReviewReported':
      return {
        ...state,
        review: {
          reportId: event.reportId,
          summary: event.summary,
          reportedBy: event.actor.id,
          reportedAt: at,
          failures: state.review.failures,
        },
      };
    case 'ReviewFailed':
      return {
        ...state,
        review: {
          ...state.review,
          failedAt: at,
          failureReason: event.reason,
          failures: state.review.failures + 1,
        },
      };
    case 'ReviewRetryRequested': {
      const { failedAt: _at, failureReason: _reason, ...review } = state.review;
      return { ...state, review };
    }
    case 'ReviewSignedOff':
      return { ...state, review: { ...state.review, signedOffBy: event.actor.id, signedOffAt: at } };
    case 'ContinuedAsNew':
      return state;
  }
}
