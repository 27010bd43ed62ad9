import { isBefore } from '../shared/time';
import { streamDeadlines } from './deadlines';
import { pendingItems } from './pending-items';
import { gateStatus } from './selectors';
import type { TStreamState } from './state.types';

export const NEXT_DEADLINE_KINDS = [
  'approval_due',
  'gate_cutoff',
  'preheat_start',
  'checklist_due',
  'live_start',
  'live_end',
  'tail_end',
  'signoff_due',
] as const;
export type TNextDeadlineKind = (typeof NEXT_DEADLINE_KINDS)[number];

export interface TNextDeadline {
  kind: TNextDeadlineKind;
  at: string;
}

/**
 * The one instant a team watches in each phase: what happens next, and when. Lists sort and show it from a column,
 * so it is computed where the state is (the workflow, the projection), never per row on a page.
 */
export function nextDeadline(state: TStreamState, now: string): TNextDeadline | undefined {
  const d = streamDeadlines(state, now);
  const firstDue = pendingItems(state, now)
    .map((item) => item.dueAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  switch (state.phase) {
    case 'draft':
    case 'compliance':
      // Through the gates, the stream waits for the start of preheat (start minus the plan's preheat lead).
      if (gateStatus(state).passed) return { kind: 'preheat_start', at: d.preheatStart };
      return firstDue !== undefined && isBefore(firstDue, d.gateCutoff)
        ? { kind: 'approval_due', at: firstDue }
        : { kind: 'gate_cutoff', at: d.gateCutoff };
    case 'preheat':
      return state.checklist.signedAt === undefined
        ? { kind: 'checklist_due', at: d.checklistDue }
        : { kind: 'live_start', at: d.liveStart };
    case 'burst':
      return { kind: 'live_end', at: d.liveEnd };
    case 'tail':
      return { kind: 'tail_end', at: d.tailEnd };
    case 'review':
      return firstDue === undefined ? undefined : { kind: 'signoff_due', at: firstDue };
    case 'blocked':
      return { kind: 'live_start', at: state.schedule.scheduledStart };
    default:
      return undefined;
  }
}
