import { streamActionsFor } from '../../../domain/stream/actions';
import { gateStatus } from '../../../domain/stream/selectors';
import type { TStreamState, TTimelineEntry } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { actionForms, streamSubject } from '../forms';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { productDocumentsView } from '../product-view';
import { scriptRevisionView } from '../script-view';
import {
  blockersList,
  deadlinesTable,
  domainTimeline,
  incidentsAndAlerts,
  metricsSection,
  pausedBanner,
  pendingList,
  phaseTimeline,
} from './stream-sections';

export interface StreamPageData {
  state: TStreamState;
  /** False: the workflow did not answer, the last projected state is shown. */
  live: boolean;
  points: ReadonlyArray<{ metric: string; ts: Date; value: number; source: string }>;
  /** The latest entries from the event store, and how many there are. */
  timeline: { entries: TTimelineEntry[]; total: number };
  hasReport: boolean;
  error?: string;
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
  const live = ['burst'].includes(state.phase);

  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.done)}
    ${!data.live && html`<p class="notice" role="status">${t('stream.notLive')}</p>`}
    ${pausedBanner(ctx, state)}
    <p class="phase-now">
      ${t('stream.phaseNow')}
      <strong class="phase phase-${state.phase}" id="current-phase">${t(`phase.${state.phase}`)}</strong>
    </p>
    <dl class="summary">
      <dt>${t('stream.id')}</dt>
      <dd><code>${state.streamId}</code></dd>
      ${
        plan.theme &&
        html`<dt>${t('stream.theme')}</dt>
          <dd>${plan.theme}</dd>`
      }
      <dt>${t('stream.owner')}</dt>
      <dd>${plan.owner}</dd>
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
    <section aria-labelledby="s-pending">
      <h2 id="s-pending">${t('stream.pending')}</h2>
      ${gates.blockers.length > 0 && ['compliance', 'blocked'].includes(state.phase) && blockersList(ctx, gates.blockers)}
      ${pendingList(ctx, state)}
    </section>
    <section aria-labelledby="s-actions" class="actions">
      <h2 id="s-actions">${t('stream.yourActions')}</h2>
      ${actions.length === 0 ? html`<p class="muted">${t('stream.noActions')}</p>` : actionForms({ ctx, state, returnTo, subject: streamSubject(state) }, actions)}
    </section>
    <section aria-labelledby="s-script">
      <h2 id="s-script">${t('stream.script')}</h2>
      ${current ? scriptRevisionView(current, ctx.locale, t) : html`<p class="muted">${t('script.none')}</p>`}
      ${current?.decision && html`<p>${t(`decision.${current.decision.decision}`)} · ${current.decision.decidedBy} · ${current.decision.reasons.join('; ')}</p>`}
      ${earlier.map(
        (r) =>
          html`<details>
            <summary>
              ${t('script.revision', { revision: r.revision })}${r.decision ? ` · ${t(`decision.${r.decision.decision}`)} · ${r.decision.reasons.join('; ')}` : ''}
            </summary>
            ${scriptRevisionView(r, ctx.locale, t)}
          </details>`,
      )}
    </section>
    <section aria-labelledby="s-products">
      <h2 id="s-products">${t('stream.products')}</h2>
      ${plan.products.map((p) => productDocumentsView(p, state.products[p.sku], t))}
    </section>
    <section aria-labelledby="s-metrics">
      <h2 id="s-metrics">${t('stream.metrics')}</h2>
      ${metricsSection(ctx, state, data.points)}
    </section>
    ${incidentsAndAlerts(ctx, state)}
    ${data.hasReport && html`<p><a href="${returnTo}/review">${t('review.open')}</a></p>`}
    <section aria-labelledby="s-timeline">
      <h2 id="s-timeline">${t('stream.timeline')}</h2>
      ${domainTimeline(ctx, state, data.timeline)}
    </section>`;
  return layout(ctx, {
    title: plan.title,
    nav: 'none',
    body,
    ...(live ? { refreshSeconds: 30 } : {}),
  });
}
