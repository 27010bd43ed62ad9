import { isBefore } from '../../domain/shared/time';
import { pendingApprovals, streamDeadlines } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import type { AnonymousContext } from './context';
import { formatInstant } from './i18n';
import { html, type SafeHtml } from './html';
import type { TMessageKey } from './messages';

export interface NextDeadline {
  label: TMessageKey;
  at: string;
}

/** The one instant a team watches in each phase: what happens next, and when. */
export function nextDeadline(state: TStreamState, now: string): NextDeadline | undefined {
  const d = streamDeadlines(state, now);
  const firstDue = pendingApprovals(state, now)
    .map((item) => item.dueAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  switch (state.phase) {
    case 'draft':
    case 'compliance':
      return firstDue !== undefined && isBefore(firstDue, d.gateCutoff)
        ? { label: 'deadline.approvalDue', at: firstDue }
        : { label: 'deadline.gateCutoff', at: d.gateCutoff };
    case 'preheat':
      return state.checklist.signedAt === undefined
        ? { label: 'deadline.checklistDue', at: d.checklistDue }
        : { label: 'deadline.liveStart', at: d.liveStart };
    case 'burst':
      return { label: 'deadline.liveEnd', at: d.liveEnd };
    case 'tail':
      return { label: 'deadline.tailEnd', at: d.tailEnd };
    case 'review':
      return firstDue === undefined ? undefined : { label: 'deadline.signoffDue', at: firstDue };
    default:
      return undefined;
  }
}

function duration(ms: number, dayUnit: string): string {
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400);
  s %= 86400;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}${dayUnit} ${clock}` : clock;
}

/**
 * A countdown the browser keeps ticking (/assets/web.js reads datetime and the labels); the server renders the same
 * text so the page is right without scripts too.
 */
export function countdown(ctx: AnonymousContext, at: string, timeZone?: string): SafeHtml {
  const ms = Date.parse(at) - Date.now();
  const inLabel = ctx.t('countdown.in');
  const overdueLabel = ctx.t('countdown.overdue');
  const day = ctx.t('countdown.day');
  return html`<time
    class="countdown${ms < 0 ? ' overdue' : ''}"
    datetime="${new Date(at).toISOString()}"
    title="${formatInstant(at, ctx.locale, timeZone)}"
    data-in="${inLabel}"
    data-overdue="${overdueLabel}"
    data-day="${day}"
    >${ms < 0 ? overdueLabel : inLabel} ${duration(ms, day)}</time
  >`;
}
