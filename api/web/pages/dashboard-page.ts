import type { TNextDeadlineKind } from '../../../domain/stream/next-deadline';
import { STREAM_PHASES, type TStreamPhase } from '../../../domain/stream/phases';
import type { StreamSummary } from '../../services/stream-lists';
import type { PageContext } from '../context';
import { countdown, NEXT_DEADLINE_LABELS } from '../countdown';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { nameOr } from '../people';
import { scrollRegion } from '../widgets/scroll-region';

// Live work first, then what is waiting, then history.
const DASHBOARD_ORDER: readonly TStreamPhase[] = [
  'burst',
  'preheat',
  'compliance',
  'blocked',
  'draft',
  'tail',
  'review',
  'completed',
  'cancelled',
];

export function dashboardPage(
  ctx: PageContext,
  data: {
    streams: StreamSummary[];
    nextCursor: string | null;
    waitingForMe: number;
    /** Owners' names by email. */
    names?: ReadonlyMap<string, string>;
  },
): SafeHtml {
  const { t } = ctx;
  const phases = DASHBOARD_ORDER.filter((phase) => STREAM_PHASES.includes(phase));
  const groups = phases
    .map((phase) => ({ phase, streams: data.streams.filter((s) => s.phase === phase) }))
    .filter((group) => group.streams.length > 0);
  const inbox =
    data.waitingForMe > 0
      ? html`<p class="notice">
          <a href="/inbox">${t('dashboard.waiting', { count: data.waitingForMe })}</a>
        </p>`
      : html`<p class="muted">${t('dashboard.nothingWaiting')}</p>`;
  const tables = groups.map(
    ({ phase, streams }) =>
      html`<section aria-labelledby="p-${phase}">
        <h2 id="p-${phase}">
          <span class="phase phase-${phase}">${t(`phase.${phase}`)}</span>
          <span class="count">${streams.length}</span>
        </h2>
        ${scrollRegion(
          t('dashboard.caption', { phase: t(`phase.${phase}`) }),
          html`<table class="streams">
            <caption class="sr-only">
              ${t('dashboard.caption', { phase: t(`phase.${phase}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('dashboard.stream')}</th>
                <th scope="col">${t('stream.owner')}</th>
                <th scope="col">${t('stream.scheduledStart')}</th>
                <th scope="col">${t('dashboard.pending')}</th>
                <th scope="col">${t('dashboard.next')}</th>
              </tr>
            </thead>
            <tbody>
              ${streams.map((s) => {
                const next = s.nextDeadline;
                const label = next && NEXT_DEADLINE_LABELS[next.kind as TNextDeadlineKind];
                return html`<tr>
                  <td><a href="/streams/${encodeURIComponent(s.id)}">${s.title}</a></td>
                  <td>${nameOr(data.names ?? new Map(), s.owner)}</td>
                  <td>${formatInstant(s.scheduledStart, ctx.locale, s.timeZone)}</td>
                  <td>${s.pendingItems}</td>
                  <td>
                    ${next && label ? html`${t(label)} ${countdown(ctx, next.at, s.timeZone, s.paused)}` : '–'}
                    ${s.paused && html` <span class="tag">${t('stream.paused')}</span>`}
                    ${s.closedAs !== null && html` <span class="tag">${t('words.closedOutside', { status: s.closedAs })}</span>`}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`,
        )}
      </section>`,
  );
  const body = html`${inbox}
  ${
    groups.length === 0
      ? html`<p class="empty">
          ${t('dashboard.empty')} <a href="/streams/new">${t('dashboard.createFirst')}</a>
        </p>`
      : tables
  }
  ${data.nextCursor !== null && html`<p><a href="/?cursor=${encodeURIComponent(data.nextCursor)}">${t('dashboard.more')}</a></p>`}`;
  return layout(ctx, { title: t('dashboard.title'), nav: 'dashboard', body, refreshSeconds: 60 });
}
