import { DomainError } from '../shared/errors';
import { addSeconds, isBefore, secondsBetween } from '../shared/time';
import type { TCampaignEvent } from './events.types';
import { shiftStream, shiftUnstarted, shiftWindows } from './shift';
import type { TActor } from '../shared/actor.types';
import type { TCampaignState, TCampaignStream, TStreamAuthor } from './state.types';
import { childWorkflowId, sortedStreamKeys } from './streams';

/** Bounded so a long run of alerts cannot grow workflow state without limit. */
export const RECENT_CAMPAIGN_ALERTS_LIMIT = 50;

function updateStream(
  state: TCampaignState,
  key: string,
  change: (stream: TCampaignStream) => TCampaignStream,
): TCampaignState {
  const stream = state.streams[key];
  if (stream === undefined) throw new DomainError('NOT_FOUND', `No stream ${key} in this campaign`);
  return { ...state, streams: { ...state.streams, [key]: change(stream) } };
}

function updateStreams(
  state: TCampaignState,
  keys: readonly string[],
  change: (stream: TCampaignStream) => TCampaignStream,
): TCampaignState {
  return keys.reduce((acc, key) => updateStream(acc, key, change), state);
}

function withStreams(state: TCampaignState, streams: Record<string, TCampaignStream>): TCampaignState {
  return { ...state, streams, streamOrder: sortedStreamKeys(streams) };
}

/**
 * What each event does to the campaign besides its phase (the transition table decides that). The reducer records,
 * it does not judge who may act (that is the action registry); it refuses what cannot belong to this history.
 */
export function applyCampaignPayload(state: TCampaignState, event: TCampaignEvent): TCampaignState {
  const { at } = event;
  switch (event.type) {
    case 'CampaignPlanned':
      throw new DomainError('INVALID_STATE', 'CampaignPlanned can only start a history');
    case 'PlanRevised': {
      // A revised plan is a new request: the earlier rejection no longer answers it.
      const { approval: _answered, ...rest } = state;
      return {
        ...rest,
        planRevision: event.revision,
        submittedBy: event.actor.id,
        submittedAt: at,
        plan: { ...state.plan, goals: event.goals, budget: event.budget },
      };
    }
    case 'PlanDecided':
      if (event.revision !== state.planRevision)
        throw new DomainError(
          'STALE_REVISION',
          `The plan is at revision ${state.planRevision}, not ${event.revision}`,
        );
      return {
        ...state,
        approval: {
          decision: event.decision,
          reason: event.reason,
          decidedBy: event.actor.id,
          decidedAt: at,
        },
      };
    case 'ReminderSent': {
      const notices = state.approvalNotices[event.approvalKey];
      return {
        ...state,
        approvalNotices: {
          ...state.approvalNotices,
          [event.approvalKey]: { ...notices, reminders: (notices?.reminders ?? 0) + 1, lastReminderAt: at },
        },
      };
    }
    case 'ApprovalEscalated': {
      const notices = state.approvalNotices[event.approvalKey];
      return {
        ...state,
        approvalNotices: {
          ...state.approvalNotices,
          [event.approvalKey]: { reminders: 0, ...notices, escalatedAt: at, escalatedTo: event.to },
        },
      };
    }
    case 'CampaignBlocked':
      return { ...state, blockedReason: event.reason };
    case 'CampaignRescheduled': {
      const { blockedReason: _cleared, ...rest } = state;
      // Back to approval from blocked: a new request, due from now.
      const request = state.phase === 'blocked' ? { submittedAt: at } : {};
      return withStreams(
        { ...rest, ...request, windows: shiftWindows(state.windows, event.shiftSeconds) },
        shiftUnstarted(state.streams, event.shiftSeconds),
      );
    }
    case 'PhaseEntered':
      return event.rule === 'goals_met'
        ? { ...state, steering: { ...state.steering, goalsMetAt: at } }
        : state;
    case 'AdvancedNow':
      return state;
    case 'BurstExtended': {
      const seconds = event.minutes * 60;
      const moved = updateStreams(state, event.moved, (stream) => shiftStream(stream, seconds));
      return withStreams(
        {
          ...moved,
          windows: {
            ...state.windows,
            burstEnd: addSeconds(state.windows.burstEnd, seconds),
            tailEnd: addSeconds(state.windows.tailEnd, seconds),
          },
          extensions: [
            ...state.extensions,
            { minutes: event.minutes, reason: event.reason, at, by: event.actor.id },
          ],
        },
        moved.streams,
      );
    }
    case 'StreamAdded': {
      if (state.streams[event.entry.key] !== undefined)
        throw new DomainError('ALREADY_DECIDED', `Stream ${event.entry.key} is already in this campaign`);
      const stream: TCampaignStream = {
        ...event.entry,
        workflowId: childWorkflowId(state.campaignId, event.entry.key),
        status: 'planned',
        pausedByCampaign: false,
        author: authorOf(event.actor),
      };
      return withStreams(state, { ...state.streams, [stream.key]: stream });
    }
    case 'StreamDropped':
      return updateStream(state, event.key, (s) => ({
        ...s,
        status: 'dropped',
        droppedReason: event.reason,
      }));
    case 'ChildStarted':
      // The start was in flight while a manager acted: taken out meanwhile, it stays out (the campaign stops it);
      // held meanwhile, it runs paused by the campaign (which pauses it), so releasing resumes it.
      return updateStream(state, event.key, (s) => ({
        ...s,
        status: s.status === 'dropped' ? 'dropped' : 'started',
        ...(s.status === 'held' ? { pausedByCampaign: true } : {}),
        workflowId: event.workflowId,
        startedAt: at,
      }));
    case 'ChildStartFailed':
      return updateStream(state, event.key, (s) => ({ ...s, status: 'failed', failure: event.reason }));
    case 'ChildPhaseChanged':
      return updateStream(state, event.key, (s) => ({
        ...s,
        phase: event.phase,
        ...(event.version === undefined ? {} : { phaseVersion: event.version }),
        ...(event.phase === 'completed' || event.phase === 'cancelled' ? { status: 'ended' as const } : {}),
      }));
    case 'ChildFailed':
      return updateStream(state, event.key, (s) => ({ ...s, status: 'failed', failure: event.status }));
    case 'ChildCommandFailed': {
      const kept = event.slotKept;
      if (kept === undefined) return state;
      const reverted = updateStream(state, event.key, (s) => ({
        ...s,
        plan: { ...s.plan, scheduledStart: kept },
      }));
      return withStreams(reverted, reverted.streams);
    }
    case 'UnairedStreamsStopped':
      return updateStreams(state, event.notStarted, (s) => ({
        ...s,
        status: 'dropped',
        droppedReason: event.reason,
      }));
    case 'StreamsHeld':
      return updateStreams(state, event.keys, (s) =>
        s.status === 'planned' ? { ...s, status: 'held' } : { ...s, pausedByCampaign: true },
      );
    case 'StreamsReleased':
      return updateStreams(state, event.keys, (s) =>
        s.status === 'held' ? { ...s, status: 'planned' } : { ...s, pausedByCampaign: false },
      );
    case 'Paused':
      return {
        ...state,
        pause: {
          ...state.pause,
          pausedAt: at,
          pauses: [...state.pause.pauses, { from: at, phase: state.phase, reason: event.reason }],
        },
      };
    case 'Resumed': {
      const from = state.pause.pausedAt;
      if (from === undefined) throw new DomainError('INVALID_STATE', 'The campaign is not paused');
      const seconds = event.pausedSeconds;
      const pauses = state.pause.pauses.map((p, i, all) =>
        i === all.length - 1 ? { ...p, to: at, seconds } : p,
      );
      // Everything still ahead when the campaign paused moves by the pause: windows, streams not started yet, and the
      // ROI rule's clocks (the stretch under the floor does not count paused time; an open question keeps its time).
      return withStreams(
        {
          ...state,
          windows: shiftWindows(state.windows, seconds, from),
          pause: { pausedTotalSeconds: state.pause.pausedTotalSeconds + seconds, pauses },
          steering: shiftSteering(state.steering, seconds),
        },
        shiftUnstarted(state.streams, seconds, from),
      );
    }
    case 'CampaignCancelled':
      return { ...state, cancelledReason: event.reason };
    case 'KpisRolledUp': {
      const streams = { ...state.streams };
      for (const [key, kpis] of Object.entries(event.perStream))
        if (streams[key] !== undefined) streams[key] = { ...streams[key]!, kpis };
      const floor = state.plan.goals.roiFloor;
      const pace = event.roiPace;
      const below = state.phase === 'burst' && floor !== undefined && pace !== undefined && pace < floor;
      const { roiBelowSince: _was, ...steering } = state.steering;
      return {
        ...state,
        streams,
        kpis: {
          at,
          totals: event.totals,
          rollups: state.kpis.rollups + 1,
          ...(pace === undefined ? {} : { roiPace: pace }),
        },
        steering: below ? { ...steering, roiBelowSince: state.steering.roiBelowSince ?? at } : steering,
      };
    }
    case 'AlertRaised':
      return {
        ...state,
        alerts: {
          total: state.alerts.total + 1,
          lastFiredAt: { ...state.alerts.lastFiredAt, [event.ruleId]: at },
          recent: [...state.alerts.recent, { ruleId: event.ruleId, message: event.message, at }].slice(
            -RECENT_CAMPAIGN_ALERTS_LIMIT,
          ),
        },
      };
    case 'ContinueConfirmationRequested':
      return {
        ...state,
        steering: {
          ...state.steering,
          confirmation: { requestedAt: at, dueAt: event.dueAt, roi: event.roi, floor: event.floor },
        },
      };
    case 'ContinueDecided': {
      const { confirmation: _answered, roiBelowSince: _restart, ...steering } = state.steering;
      return {
        ...state,
        steering: {
          ...steering,
          // Continuing starts the floor's clock again: the manager is asked again only after another full stretch.
          ...(event.decision === 'continue' && state.steering.roiBelowSince !== undefined
            ? { roiBelowSince: at }
            : {}),
          lastDecision: { decision: event.decision, at, by: event.actor.id, timedOut: event.timedOut },
        },
      };
    }
    case 'ReviewReported': {
      const { failedAt: _f, failureReason: _r, ...review } = state.review;
      return {
        ...state,
        review: { ...review, reportId: event.reportId, summary: event.summary, reportedAt: at },
      };
    }
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
      const { failedAt: _f, failureReason: _r, ...review } = state.review;
      return { ...state, review };
    }
    case 'ReviewSignedOff':
      return { ...state, review: { ...state.review, signedOffBy: event.actor.id, signedOffAt: at } };
    case 'ContinuedAsNew':
      return state;
  }
}

function shiftSteering(steering: TCampaignState['steering'], seconds: number): TCampaignState['steering'] {
  const { roiBelowSince, confirmation } = steering;
  return {
    ...steering,
    ...(roiBelowSince === undefined ? {} : { roiBelowSince: addSeconds(roiBelowSince, seconds) }),
    ...(confirmation === undefined
      ? {}
      : { confirmation: { ...confirmation, dueAt: addSeconds(confirmation.dueAt, seconds) } }),
  };
}

/** The person behind an action, as a stream's author (the roles matter for who may then decide its gates). */
export function authorOf(actor: TActor): TStreamAuthor {
  return { id: actor.id, ...(actor.name === undefined ? {} : { name: actor.name }), roles: actor.roles };
}

/** Seconds the campaign has been paused so far (the open pause counted up to `now`). */
export function campaignPausedSeconds(state: TCampaignState, now: string): number {
  const open = state.pause.pausedAt;
  return (
    state.pause.pausedTotalSeconds +
    (open !== undefined && isBefore(open, now) ? Math.round(secondsBetween(open, now)) : 0)
  );
}
