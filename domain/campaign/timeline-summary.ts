import type { TCampaignEvent, TKpiNumbers } from './events.types';

function numbers(values: TKpiNumbers | undefined): string {
  if (values === undefined) return '';
  const parts = Object.entries(values).map(
    ([name, value]) => `${name} ${Number.isInteger(value) ? value : Number(value).toFixed(2)}`,
  );
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** One line per event for the timeline ("who did what", with the numbers behind every automatic step). */
export function summarizeCampaignEvent(event: TCampaignEvent): string {
  switch (event.type) {
    case 'CampaignPlanned':
      return `planned "${event.plan.name}": preheat ${event.plan.windows.preheatStart}, burst ${event.plan.windows.burstStart} – ${event.plan.windows.burstEnd}, ${event.plan.streams.length} streams`;
    case 'PlanRevised':
      return `revised the plan (revision ${event.revision}): ${event.reason}`;
    case 'PlanDecided':
      return `plan revision ${event.revision} ${event.decision}${event.reason ? `: ${event.reason}` : ''}`;
    case 'ReminderSent':
      return `reminded ${event.to.join(', ') || 'nobody'} about ${event.approvalKey}`;
    case 'ApprovalEscalated':
      return `escalated ${event.approvalKey} to ${event.to.join(', ')}`;
    case 'CampaignBlocked':
      return `blocked: ${event.reason}`;
    case 'CampaignRescheduled':
      return `rescheduled by ${Math.round(event.shiftSeconds / 60)} min: ${event.reason}`;
    case 'PhaseEntered':
      return event.rule === 'goals_met'
        ? `entered ${event.phase}: every goal met${numbers(event.numbers)}`
        : `entered ${event.phase}`;
    case 'AdvancedNow':
      return `advanced ${event.from} -> ${event.to}: ${event.reason}`;
    case 'BurstExtended':
      return `extended the burst by ${event.minutes} min (${event.moved.length} streams moved, ${event.extendedLive.length} live streams extended): ${event.reason}`;
    case 'StreamAdded':
      return `added stream ${event.entry.key} "${event.entry.plan.title}" at ${event.entry.plan.scheduledStart} in ${event.entry.room}`;
    case 'StreamDropped':
      return `took stream ${event.key} out: ${event.reason}`;
    case 'ChildStarted':
      return `started stream ${event.key} (${event.workflowId})`;
    case 'ChildStartFailed':
      return `could not start stream ${event.key}: ${event.reason}`;
    case 'ChildPhaseChanged':
      return `stream ${event.key} is ${event.phase}`;
    case 'ChildFailed':
      return `stream ${event.key} closed without finishing (${event.status})`;
    case 'ChildCommandFailed':
      return `stream ${event.key} refused ${event.command}: ${event.reason}${event.slotKept === undefined ? '' : `; its slot stays ${event.slotKept}`}`;
    case 'UnairedStreamsStopped':
      return `${event.reason}: ${[
        event.notStarted.length > 0 ? `not starting ${event.notStarted.join(', ')}` : '',
        event.beforeLive.length > 0 ? `cancelling ${event.beforeLive.join(', ')} (not live yet)` : '',
      ]
        .filter(Boolean)
        .join('; ')}`;
    case 'StreamsHeld':
      return `held ${event.keys.length} streams (${event.keys.join(', ')}): ${event.reason}`;
    case 'StreamsReleased':
      return `released ${event.keys.length} streams (${event.keys.join(', ')})`;
    case 'Paused':
      return `paused: ${event.reason}`;
    case 'Resumed':
      return `resumed after ${event.pausedSeconds} s; the campaign's timers moved by as much`;
    case 'CampaignCancelled':
      return `cancelled: ${event.reason}`;
    case 'KpisRolledUp':
      return `rolled up ${Object.keys(event.perStream).length} streams${numbers(event.totals)}`;
    case 'AlertRaised':
      return `alert ${event.ruleId}: ${event.message}`;
    case 'ContinueConfirmationRequested':
      return `ROI ${event.roi.toFixed(2)} under the floor ${event.floor} since ${event.belowSince}: asked whether to continue (due ${event.dueAt})`;
    case 'ContinueDecided':
      return `${event.timedOut ? 'no answer in time, as the plan says: ' : ''}${event.decision === 'continue' ? 'continue' : 'pause the remaining streams'}${event.reason ? `: ${event.reason}` : ''}`;
    case 'ReviewReported':
      return `review report ${event.reportId}: ${event.summary}`;
    case 'ReviewFailed':
      return `review report failed: ${event.reason}`;
    case 'ReviewRetryRequested':
      return 'asked for the review report again';
    case 'ReviewSignedOff':
      return `signed the review off${event.note ? `: ${event.note}` : ''}`;
    case 'ContinuedAsNew':
      return `history continued in run ${event.runNumber}`;
  }
}
