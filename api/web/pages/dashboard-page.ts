import { STREAM_PHASES, type TStreamPhase } from '../../../domain/stream/phases';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { StreamSummary } from '../../services/streams';
import type { PageContext } from '../context';
import { countdown, nextDeadline } from '../countdown';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

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
  data: { streams: StreamSummary[]; states: Map<string, TStreamState>; waitingForMe: number },
): SafeHtml {
  const { t } = ctx;
  const now = new Date().toISOString();
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
        <table class="streams">
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
              const state = data.states.get(s.id);
              const next = state && nextDeadline(state, now);
              const tz = state?.plan.timeZone;
              return html`<tr>
                <td><a href="/streams/${encodeURIComponent(s.id)}">${s.title}</a></td>
                <td>${s.owner}</td>
                <td>${formatInstant(s.scheduledStart, ctx.locale, tz)}</td>
                <td>${s.pendingApprovals}</td>
                <td>${next ? html`${t(next.label)} ${countdown(ctx, next.at, tz)}` : '–'}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>`,
  );
  const body = html`${inbox}
  ${
    groups.length === 0
      ? html`<p class="empty">
          ${t('dashboard.empty')} <a href="/streams/new">${t('dashboard.createFirst')}</a>
        </p>`
      : tables
  }`;
  return layout(ctx, { title: t('dashboard.title'), nav: 'dashboard', body, refreshSeconds: 60 });
}
