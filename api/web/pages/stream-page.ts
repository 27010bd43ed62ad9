import { streamActionsFor } from '../../../domain/stream/actions';
import { gateStatus } from '../../../domain/stream/selectors';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { productDocumentsView } from '../product-view';
import { scriptRevisionView } from '../script-view';
import type { StreamSeries } from '../../../activities/analytics/metric-store';
import type { TKpiResult } from '../../../domain/review/review.types';
import type { TStoredTimelineEntry } from '../read-model';
import { blockedBanner, checklistBanner, preheatWaitBanner } from './stream-banners';
import { LIVE_PANEL_PHASES, livePanel } from './stream-live';
import { actionsToolbar } from './stream-toolbar';
import { personName } from './stream-words';
import {
  blockersList,
  deadlinesTable,
  domainTimeline,
  incidentsAndAlerts,
  metricCharts,
  simulatedNumbers,
  pausedBanner,
  pendingList,
  phaseTimeline,
} from './stream-sections';
import type { PageError } from '../refusal';

export interface StreamPageData {
  state: TStreamState;
  /** False: the workflow did not answer, the last projected state is shown. */
  live: boolean;
  /** The stored series and the KPIs computed from it (the review report's own numbers). */
  numbers: { series: StreamSeries; kpis: readonly TKpiResult[] };
  /** The latest entries from the event store, and how many there are. */
  timeline: { entries: TStoredTimelineEntry[]; total: number };
  hasReport: boolean;
  error?: PageError;
  done?: string;
}

export function doneBanner(ctx: PageContext, done: string | undefined): SafeHtml | undefined {
  return done === undefined
    ? undefined
    : html`<div class="done" role="status">
        ${ctx.t('flash.done', { action: ctx.t(`action.${done as 'cancel'}`) })}
      </div>`;
}

export function streamPage(ctx: PageContext, data: StreamPageData): SafeHtml {
  const { t } = ctx;
  const { state } = data;
  const plan = state.plan;
  const tz = plan.timeZone;
  const actions = streamActionsFor(state, ctx.actor);
  const gates = gateStatus(state);
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  const earlier = state.script.revisions.filter((r) => r.revision !== state.script.currentRevision).reverse();
  const returnTo = `/streams/${encodeURIComponent(state.streamId)}`;
  const charts = metricCharts(ctx, state, data.numbers.series);

  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.done)}
    ${!data.live && html`<p class="notice" role="status">${t('stream.notLive')}</p>`}
    ${pausedBanner(ctx, state)} ${blockedBanner(ctx, state)} ${preheatWaitBanner(ctx, state)}
    ${checklistBanner(ctx, state)}
    <p class="phase-now">
      ${t('stream.phaseNow')}
      <strong class="phase phase-${state.phase}" id="current-phase">${t(`phase.${state.phase}`)}</strong>
    </p>
    ${livePanel(ctx, state, { kpis: data.numbers.kpis, charts, simulated: simulatedNumbers(ctx, state, data.numbers.series) })}
    <section aria-labelledby="s-actions" class="actions">
      <h2 id="s-actions">${t('stream.yourActions')}</h2>
      ${actions.length === 0 ? html`<p class="muted">${t('stream.noActions')}</p>` : actionsToolbar(ctx, state, actions, returnTo)}
    </section>
    <section aria-labelledby="s-pending">
      <h2 id="s-pending">${t('stream.pending')}</h2>
      ${gates.blockers.length > 0 && state.phase === 'compliance' && blockersList(ctx, gates.blockers)}
      ${pendingList(ctx, state)}
    </section>
    <dl class="summary">
      ${
        plan.theme &&
        html`<dt>${t('stream.theme')}</dt>
          <dd>${plan.theme}</dd>`
      }
      <dt>${t('stream.owner')}</dt>
      <dd>${personName(state, plan.owner)}</dd>
      <dt>${t('stream.platforms')}</dt>
      <dd>${plan.platforms.map((p) => t(`platform.${p}`)).join(', ')}</dd>
      <dt>${t('stream.scheduledStart')}</dt>
      <dd>${formatInstant(state.schedule.scheduledStart, ctx.locale, tz)}</dd>
      <dt>${t('stream.duration')}</dt>
      <dd>
        ${t('stream.minutes', { minutes: Math.round((state.schedule.plannedDurationSeconds + state.schedule.extensionSeconds) / 60) })}
      </dd>
    </dl>
    <section aria-labelledby="s-phases">
      <h2 id="s-phases">${t('stream.phases')}</h2>
      ${phaseTimeline(ctx, state)}
    </section>
    <section aria-labelledby="s-deadlines">
      <h2 id="s-deadlines">${t('stream.deadlines')}</h2>
      ${deadlinesTable(ctx, state)}
    </section>
    <section aria-labelledby="s-script">
      <h2 id="s-script">${t('stream.script')}</h2>
      ${current ? scriptRevisionView(current, ctx.locale, t, (id) => personName(state, id)) : html`<p class="muted">${t('script.none')}</p>`}
      ${current?.decision && html`<p>${t(`decision.${current.decision.decision}`)} · ${personName(state, current.decision.decidedBy)} · ${current.decision.reasons.join('; ')}</p>`}
      ${earlier.map(
        (r) =>
          html`<details>
            <summary>
              ${t('script.revision', { revision: r.revision })}${r.decision ? ` · ${t(`decision.${r.decision.decision}`)} · ${r.decision.reasons.join('; ')}` : ''}
            </summary>
            ${scriptRevisionView(r, ctx.locale, t, (id) => personName(state, id))}
          </details>`,
      )}
    </section>
    <section aria-labelledby="s-products">
      <h2 id="s-products">${t('stream.products')}</h2>
      ${plan.products.map((p) => productDocumentsView(p, state.products[p.sku], t, (id) => personName(state, id)))}
    </section>
    ${
      !LIVE_PANEL_PHASES.includes(state.phase) &&
      data.numbers.series.points.length > 0 &&
      html`<section aria-labelledby="s-metrics">
        <h2 id="s-metrics">${t('stream.metrics')}</h2>
        ${charts}
      </section>`
    }
    ${incidentsAndAlerts(ctx, state)}
    <p>
      ${data.hasReport && html`<a href="${returnTo}/review">${t('review.open')}</a> · `}
      <a href="${returnTo}/history">${t('history.open')}</a>
    </p>
    <section aria-labelledby="s-timeline">
      <h2 id="s-timeline">${t('stream.timeline')}</h2>
      ${domainTimeline(ctx, state, data.timeline)}
    </section>`;
  return layout(ctx, {
    title: plan.title,
    nav: 'none',
    body,
    ...(state.phase === 'burst' ? { refreshSeconds: 30 } : {}),
  });
}
