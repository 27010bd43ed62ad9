import type { TCampaignEvent } from '../../../domain/campaign/events.types';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import { STREAM_ROLES } from '../../../domain/stream/plan.constants';
import { formatZonedDateTime } from '../../../domain/time/format-zoned';
import { isMember } from '../../../domain/stream/roster';
import { alertText } from '../alert-words';
import type { PageContext } from '../context';
import type { TMessageKey } from '../messages';

/** A person on the campaign's team by name, else the id they act under. */
export function campaignPerson(state: TCampaignState, id: string): string {
  const found = STREAM_ROLES.flatMap((role) => state.plan.team[role]).find((m) => isMember(m, id));
  return found?.name ?? id;
}

/**
 * One campaign timeline line in the reader's language, from the stored event (history keeps its English one-liners for
 * auditors). Typed reasons stay as typed; numbers are shown as the rule saw them.
 */
export function describeCampaignEvent(
  ctx: PageContext,
  state: TCampaignState,
  event: TCampaignEvent,
): string {
  const { t } = ctx;
  const reason = (text: string | undefined) => (text ? t('words.because', { reason: text }) : '');
  const phase = (p: string) => t(`cphase.${p}` as TMessageKey);
  const who = (ids: readonly string[]) => ids.map((id) => campaignPerson(state, id)).join('、') || '–';
  switch (event.type) {
    case 'CampaignPlanned':
      return t('cev.CampaignPlanned', { name: event.plan.name, count: event.plan.streams.length });
    case 'PlanRevised':
      return t('cev.PlanRevised', { revision: event.revision }) + reason(event.reason);
    case 'PlanDecided':
      return (
        t('cev.PlanDecided', { revision: event.revision, decision: t(`decision.${event.decision}`) }) +
        reason(event.reason)
      );
    case 'ReminderSent':
      return t('cev.ReminderSent', { who: who(event.to) });
    case 'ApprovalEscalated':
      return t('cev.ApprovalEscalated', { who: who(event.to) });
    case 'CampaignBlocked':
      return t('cev.CampaignBlocked');
    case 'CampaignRescheduled':
      return (
        t('cev.CampaignRescheduled', { minutes: Math.round(event.shiftSeconds / 60) }) + reason(event.reason)
      );
    case 'PhaseEntered':
      return t(event.rule === 'goals_met' ? 'cev.PhaseEnteredGoals' : 'cev.PhaseEntered', {
        phase: phase(event.phase),
      });
    case 'AdvancedNow':
      return t('ev.AdvancedNow', { from: phase(event.from), to: phase(event.to) }) + reason(event.reason);
    case 'BurstExtended':
      return (
        t('cev.BurstExtended', { minutes: event.minutes, moved: event.moved.length }) + reason(event.reason)
      );
    case 'StreamAdded':
      return t('cev.StreamAdded', { title: event.entry.plan.title });
    case 'StreamDropped':
      return t('cev.StreamDropped', { key: event.key }) + reason(event.reason);
    case 'ChildStarted':
      return t('cev.ChildStarted', { key: event.key });
    case 'ChildStartFailed':
      return t('cev.ChildStartFailed', { key: event.key });
    case 'ChildPhaseChanged':
      return t('cev.ChildPhaseChanged', { key: event.key, phase: t(`phase.${event.phase}`) });
    case 'ChildFailed':
      return t('cev.ChildFailed', { key: event.key });
    case 'ChildCommandFailed':
      return event.slotKept === undefined
        ? t('cev.ChildCommandFailed', { key: event.key })
        : t('cev.ChildCommandFailedSlotKept', {
            key: event.key,
            slot: formatZonedDateTime(Date.parse(event.slotKept), state.plan.timeZone, ctx.locale),
          });
    case 'UnairedStreamsStopped':
      return (
        t('cev.UnairedStreamsStopped', {
          notStarted: event.notStarted.length,
          beforeLive: event.beforeLive.length,
        }) + reason(event.reason)
      );
    case 'StreamsHeld':
      return t('cev.StreamsHeld', { count: event.keys.length }) + reason(event.reason);
    case 'StreamsReleased':
      return t('cev.StreamsReleased', { count: event.keys.length });
    case 'Paused':
      return t('ev.Paused') + reason(event.reason);
    case 'Resumed':
      return t('ev.Resumed', { minutes: Math.round(event.pausedSeconds / 60) });
    case 'CampaignCancelled':
      return t('cev.CampaignCancelled') + reason(event.reason);
    case 'KpisRolledUp':
      return t('cev.KpisRolledUp', { count: Object.keys(event.perStream).length });
    case 'AlertRaised':
      return alertText(t, event);
    case 'ContinueConfirmationRequested':
      return t('cev.ContinueConfirmationRequested', { roi: event.roi.toFixed(2), floor: event.floor });
    case 'ContinueDecided':
      return (
        t(event.decision === 'continue' ? 'cev.ContinueDecidedGo' : 'cev.ContinueDecidedPause') +
        reason(event.reason)
      );
    case 'ReviewReported':
      return t('ev.ReviewReported');
    case 'ReviewFailed':
      return t('ev.ReviewFailed');
    case 'ReviewRetryRequested':
      return t('ev.ReviewRetryRequested');
    case 'ReviewSignedOff':
      return t('ev.ReviewSignedOff') + reason(event.note);
    case 'ContinuedAsNew':
      return t('ev.ContinuedAsNew', { run: event.runNumber });
  }
}
