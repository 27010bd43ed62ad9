import { toEpochMs } from '../../domain/shared/time';
import type { TCampaignEvent } from '../../domain/campaign/events.types';
import type { TCampaignState } from '../../domain/campaign/state.types';
import type { CampaignRun } from './campaign-run';
import {
  ALERT_ROLES,
  CAMPAIGN_CANCELLED_PURPOSE,
  cancellationNotice,
  WHOLE_TEAM,
} from '../../domain/campaign/audience';
import { campaignUrl, notifyCampaign } from './notify';

function numbersText(numbers: Record<string, number> | undefined): string {
  if (numbers === undefined) return '';
  return Object.entries(numbers)
    .map(([name, value]) => `${name} ${Number.isInteger(value) ? value : value.toFixed(2)}`)
    .join(', ');
}

/**
 * Who hears about what, decided once per applied event: each message is keyed by the event's sequence number, so a
 * replay or a new run never repeats one, and nothing here waits (the outbox delivers in the background).
 */
export function announce(run: CampaignRun, before: TCampaignState, event: TCampaignEvent): void {
  const seq = run.state.version;
  switch (event.type) {
    case 'PlanDecided':
      notifyCampaign(
        run,
        `plan-decided:r${event.revision}`,
        1,
        { ids: [before.submittedBy, before.plan.owner] },
        'campaign_plan_decided',
        {
          decision: event.decision,
          decidedBy: (event.actor.name ?? event.actor.id).slice(0, 100),
          ...(event.reason ? { reason: event.reason.slice(0, 500) } : {}),
          campaignUrl: campaignUrl(run),
        },
      );
      return;
    case 'PhaseEntered':
    case 'AdvancedNow': {
      const to = event.type === 'PhaseEntered' ? event.phase : event.to;
      const reason =
        event.type === 'AdvancedNow'
          ? `${event.actor.id}: ${event.reason}`
          : event.rule === 'goals_met'
            ? `every goal met (${numbersText(event.numbers)})`
            : undefined;
      notifyCampaign(
        run,
        `phase:${seq}`,
        1,
        { roles: WHOLE_TEAM, channels: true },
        'campaign_phase_changed',
        {
          from: before.phase,
          to,
          changedAt: toEpochMs(event.at),
          ...(reason === undefined ? {} : { reason: reason.slice(0, 500) }),
          campaignUrl: campaignUrl(run),
        },
      );
      return;
    }
    case 'CampaignCancelled':
      notifyCampaign(
        run,
        CAMPAIGN_CANCELLED_PURPOSE,
        1,
        { roles: WHOLE_TEAM, channels: true },
        'campaign_cancelled',
        cancellationNotice(before, event.reason, event.actor.name ?? event.actor.id, campaignUrl(run)),
      );
      return;
    case 'AlertRaised':
      if (event.ruleId === 'notification_failed') return;
      notifyCampaign(run, `alert:${seq}`, 1, { roles: ALERT_ROLES }, 'campaign_alert', {
        message: event.message.slice(0, 500),
        detectedAt: toEpochMs(event.at),
        campaignUrl: campaignUrl(run),
      });
      return;
    case 'ContinueConfirmationRequested':
      notifyCampaign(run, `confirm:${seq}`, 1, { roles: ['manager'] }, 'campaign_confirmation', {
        roi: event.roi,
        floor: event.floor,
        dueAt: toEpochMs(event.dueAt),
        onNoAnswer: run.state.plan.rules.roiFloor.onNoAnswer,
        campaignUrl: campaignUrl(run),
      });
      return;
    case 'ChildCommandFailed':
    case 'ChildStartFailed':
    case 'ChildFailed': {
      const problem =
        event.type === 'ChildCommandFailed'
          ? `refused ${event.command}: ${event.reason}`
          : event.type === 'ChildStartFailed'
            ? `could not be started: ${event.reason}`
            : `closed without finishing (${event.status})`;
      notifyCampaign(run, `stream-problem:${seq}`, 1, { roles: ['manager'] }, 'campaign_stream_problem', {
        streamKey: event.key.slice(0, 64),
        problem: problem.slice(0, 500),
        campaignUrl: campaignUrl(run),
      });
      return;
    }
    case 'ReviewReported':
      notifyCampaign(run, 'review-ready', 1, { roles: ['manager', 'analyst', 'promoter'] }, 'review_ready', {
        reviewUrl: campaignUrl(run, '/review'),
        highlights: [event.summary.slice(0, 300)],
      });
      return;
    case 'ReviewFailed':
      notifyCampaign(run, `review-failed:${seq}`, 1, { roles: ['manager'] }, 'review_failed', {
        reason: event.reason.slice(0, 500),
        failures: run.state.review.failures,
        streamUrl: campaignUrl(run),
      });
      return;
    default:
      return;
  }
}
