import { formatKpiValue, KPI_LABELS } from '../../../domain/review/kpi-labels';
import type { TKpiName, TKpiResult } from '../../../domain/review/review.types';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';
import { alertText } from '../alert-words';

/** The tiles a team watches on air, in the order they glance at them. */
const LIVE_TILES: readonly TKpiName[] = [
  'gmv',
  'orders',
  'conversion_rate',
  'avg_viewers',
  'peak_concurrent',
  'new_followers',
];

function kpiTile(ctx: PageContext, kpi: TKpiResult): SafeHtml {
  const { t } = ctx;
  const label = KPI_LABELS[kpi.kpi][ctx.locale];
  const value = kpi.actual === undefined ? '–' : formatKpiValue(kpi.kpi, kpi.actual);
  const pct = kpi.attainmentPct;
  const state = pct === undefined ? '' : pct >= 100 ? 'reached' : 'behind';
  return html`<li class="tile ${state}" data-kpi="${kpi.kpi}">
    <span class="label">${label}</span>
    <span class="value">${value}</span>
    ${
      kpi.target !== undefined &&
      html`<span class="target"
          >${t('live.target', { target: formatKpiValue(kpi.kpi, kpi.target), pct: (pct ?? 0).toFixed(0) })}</span
        ><progress max="100" value="${Math.min(100, pct ?? 0).toFixed(0)}" aria-label="${label}"></progress>`
    }
  </li>`;
}

/**
 * KPI tiles against the plan's targets, computed by the same function over the same stored series as the review
 * report, so the stream page and its report never disagree on a number.
 */
export function kpiTiles(ctx: PageContext, kpis: readonly TKpiResult[]): SafeHtml {
  const shown = LIVE_TILES.map((name) => kpis.find((k) => k.kpi === name)).filter(
    (k): k is TKpiResult => k !== undefined,
  );
  return html`<ul class="tiles" aria-label="${ctx.t('live.tiles')}">
    ${shown.map((kpi) => kpiTile(ctx, kpi))}
  </ul>`;
}

/** The latest alerts, newest first, in the reader's language. */
export function alertsList(ctx: PageContext, state: TStreamState): HtmlValue {
  const { t } = ctx;
  const alerts = [...state.alerts.recent].reverse();
  if (alerts.length === 0) return html`<p class="muted" id="live-alerts">${t('live.noAlerts')}</p>`;
  return html`<ul class="alerts" id="live-alerts" aria-label="${t('stream.alert')}">
    ${alerts.map(
      (a) =>
        html`<li>
          <strong>${formatInstant(a.at, ctx.locale, state.plan.timeZone)}</strong> · ${alertText(ctx.t, a)}
        </li>`,
    )}
  </ul>`;
}

/** Which phases show the live panel at the top of the page. */
export const LIVE_PANEL_PHASES: readonly string[] = ['burst', 'tail', 'review', 'completed'];

/** During and after the live: tiles, charts and alerts at the top, where the room operator looks first. */
export function livePanel(
  ctx: PageContext,
  state: TStreamState,
  parts: { kpis: readonly TKpiResult[]; charts: HtmlValue; simulated: HtmlValue },
): HtmlValue {
  const { t } = ctx;
  if (!LIVE_PANEL_PHASES.includes(state.phase)) return undefined;
  const heading: TMessageKey = state.phase === 'burst' ? 'live.headingLive' : 'live.headingAfter';
  return html`<section aria-labelledby="s-live" class="live" id="live-panel">
    <h2 id="s-live">${t(heading)}</h2>
    ${parts.simulated} ${kpiTiles(ctx, parts.kpis)} ${parts.charts}
    <h3>${t('live.alerts')}</h3>
    ${alertsList(ctx, state)}
  </section>`;
}
