import type { TNextDeadlineKind } from '../../domain/stream/next-deadline';
import type { AnonymousContext } from './context';
import { formatInstant } from './i18n';
import { html, type SafeHtml } from './html';
import type { TMessageKey } from './messages';

/** How each kind of "what happens next" is called on a page. */
export const NEXT_DEADLINE_LABELS: Record<TNextDeadlineKind, TMessageKey> = {
  approval_due: 'deadline.approvalDue',
  gate_cutoff: 'deadline.gateCutoff',
  preheat_start: 'deadline.preheatStart',
  checklist_due: 'deadline.checklistDue',
  live_start: 'deadline.liveStart',
  live_end: 'deadline.liveEnd',
  tail_end: 'deadline.tailEnd',
  signoff_due: 'deadline.signoffDue',
};

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
 * text so the page is right without scripts too. `frozen` (a paused stream): shown, not ticking.
 */
export function countdown(ctx: AnonymousContext, at: string, timeZone?: string, frozen = false): SafeHtml {
  const ms = Date.parse(at) - Date.now();
  const inLabel = ctx.t('countdown.in');
  const overdueLabel = ctx.t('countdown.overdue');
  const day = ctx.t('countdown.day');
  return html`<time
    class="countdown${ms < 0 ? ' overdue' : ''}${frozen ? ' frozen' : ''}"
    datetime="${new Date(at).toISOString()}"
    title="${formatInstant(at, ctx.locale, timeZone)}"
    data-in="${inLabel}"
    data-overdue="${overdueLabel}"
    data-day="${day}"
    >${ms < 0 ? overdueLabel : inLabel} ${duration(ms, day)}</time
  >`;
}
