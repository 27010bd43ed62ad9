import { nextDeadline } from './next-deadline';
import type { TStreamState } from './state.types';

/**
 * A stream's columns in the read model (the dashboard, the lists, the calendar), judged at `now`: written by the
 * projector after each event and by the API's placeholder row at creation.
 */
export function streamListColumns(state: TStreamState, now: string) {
  const next = nextDeadline(state, now);
  return {
    title: state.plan.title,
    owner: state.plan.owner,
    phase: state.phase,
    scheduledStart: new Date(state.schedule.scheduledStart),
    timeZone: state.plan.timeZone,
    paused: state.schedule.pausedAt !== undefined,
    nextDeadlineAt: next === undefined ? null : new Date(next.at),
    nextDeadlineKind: next?.kind ?? null,
    campaignId: state.campaign?.id ?? null,
    campaignKey: state.campaign?.key ?? null,
  };
}
