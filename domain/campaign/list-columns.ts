import { campaignNextDeadline } from './deadlines';
import type { TCampaignState } from './state.types';

/**
 * A campaign's columns in the read model (the board, the calendar, the lists), judged at `now`: written by the
 * projector after each event and by the API's placeholder row at creation.
 */
export function campaignListColumns(state: TCampaignState, now: string) {
  const next = campaignNextDeadline(state, now);
  return {
    name: state.plan.name,
    owner: state.plan.owner,
    phase: state.phase,
    timeZone: state.plan.timeZone,
    preheatStart: new Date(state.windows.preheatStart),
    burstStart: new Date(state.windows.burstStart),
    burstEnd: new Date(state.windows.burstEnd),
    tailEnd: new Date(state.windows.tailEnd),
    paused: state.pause.pausedAt !== undefined,
    nextDeadlineAt: next === undefined ? null : new Date(next.at),
    nextDeadlineKind: next?.kind ?? null,
    streamCount: Object.keys(state.streams).length,
  };
}
