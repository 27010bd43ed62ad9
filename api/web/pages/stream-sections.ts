import { type TMetricName } from '../../../domain/metrics/metric.types';
import { renderSeriesSvg } from '../../../domain/review/series-svg';
import { PAUSE_POLICY } from '../../../domain/stream/pause-policy';
import { PHASE_ORDER } from '../../../domain/stream/phases';
import {
  pendingItems,
  streamDeadlines,
  type TGateBlocker,
  type TStreamDeadlines,
} from '../../../domain/stream/selectors';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { StreamSeries } from '../../../activities/analytics/metric-store';
import type { TStoredTimelineEntry } from '../read-model';
import { alertText } from '../alert-words';
import { describeStreamEvent, personName } from './stream-words';
import type { TMessageKey } from '../messages';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { formatInstant } from '../i18n';
import { html, raw, type HtmlValue, type SafeHtml } from '../html';
import { simulatedNotice } from '../layout';
import { scrollRegion } from '../widgets/scroll-region';

/** draft -> ... -> completed, with the current step marked for screen readers too; blocked/cancelled beside it. */
export function phaseTimeline(ctx: PageContext, state: TStreamState): SafeHtml {
  const { t } = ctx;
  const currentIndex = PHASE_ORDER.indexOf(state.phase);
  const tz = state.plan.timeZone;
  return html`<ol class="phases" aria-label="${t('stream.phaseTimeline')}">
      ${PHASE_ORDER.map((phase, index) => {
        const status = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'future';
        const entered = state.phaseEnteredAt[phase];
        return html`<li class="${status}" ${status === 'current' ? html` aria-current="step"` : ''}>
          <span class="name">${t(`phase.${phase}`)}</span>
          <span class="when"
            >${entered ? formatInstant(entered, ctx.locale, tz) : status === 'done' ? '' : '–'}</span
          >
        </li>`;
      })}
    </ol>
    ${
      state.phase === 'cancelled' &&
      html`<p class="error" role="status">
        <strong>${t('phase.cancelled')}</strong>: ${state.cancelledReason ?? ''}
      </p>`
    } `;
}

/**
 * While paused: since when, and what the pause holds in this phase, word for word from PAUSE_POLICY (the same table
 * the deadlines and the workflow follow), so the banner cannot promise what the code does not do.
 */
export function pausedBanner(ctx: PageContext, state: TStreamState): HtmlValue {
  const { t } = ctx;
  const pausedAt = state.schedule.pausedAt;
  if (pausedAt === undefined) return undefined;
  const rule = PAUSE_POLICY[state.phase];
  const words = (list: readonly string[]) => list.map((key) => t(`pause.${key}` as TMessageKey)).join(', ');
  return html`<div class="warn banner" role="status" id="paused-banner">
    <strong
      >${t('stream.pausedSince', { at: formatInstant(pausedAt, ctx.locale, state.plan.timeZone) })}</strong
    >
    ${
      rule &&
      html`<ul>
        ${rule.waits.length > 0 && html`<li>${t('pause.waitsLabel')}: ${words(rule.waits)}</li>`}
        ${rule.moves.length > 0 && html`<li>${t('pause.movesLabel')}: ${words(rule.moves)}</li>`}
        ${rule.stays.length > 0 && html`<li>${t('pause.staysLabel')}: ${words(rule.stays)}</li>`}
      </ul>`
    }
  </div>`;
}

/** Why the gates are closed, in the reader's language. */
export function blockersList(ctx: PageContext, blockers: readonly TGateBlocker[]): SafeHtml {
  const { t } = ctx;
  return html`<p class="muted">
    ${t('stream.blockers')}:
    ${blockers
      .map((b) =>
        t(`blocker.${b.kind}` as TMessageKey, {
          revision: 'revision' in b ? b.revision : '',
          sku: 'sku' in b ? b.sku : '',
        }),
      )
      .join('；')}
  </p>`;
}

const DEADLINE_ROWS: ReadonlyArray<{ key: keyof TStreamDeadlines; label: Parameters<PageContext['t']>[0] }> =
  [
    { key: 'preheatStart', label: 'deadline.preheatStart' },
    { key: 'gateCutoff', label: 'deadline.gateCutoff' },
    { key: 'checklistDue', label: 'deadline.checklistDue' },
    { key: 'liveStart', label: 'deadline.liveStart' },
    { key: 'liveEnd', label: 'deadline.liveEnd' },
    { key: 'tailEnd', label: 'deadline.tailEnd' },
  ];

export function deadlinesTable(ctx: PageContext, state: TStreamState): SafeHtml {
  const { t } = ctx;
  const now = new Date().toISOString();
  const d = streamDeadlines(state, now);
  const tz = state.plan.timeZone;
  const live = !['completed', 'cancelled'].includes(state.phase);
  const frozen = state.schedule.pausedAt !== undefined;
  return html`<table class="deadlines">
    <caption>
      ${t('stream.deadlines')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('table.what')}</th>
        <th scope="col">${t('table.when')}</th>
        <th scope="col">${t('table.countdown')}</th>
      </tr>
    </thead>
    <tbody>
      ${DEADLINE_ROWS.map(({ key, label }) => {
        const at = d[key] as string;
        return html`<tr>
          <th scope="row">${t(label)}</th>
          <td>${formatInstant(at, ctx.locale, tz)}</td>
          <td>${live && Date.parse(at) > Date.now() ? countdown(ctx, at, tz, frozen) : '–'}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function pendingList(ctx: PageContext, state: TStreamState): SafeHtml {
  const { t } = ctx;
  const items = pendingItems(state, new Date().toISOString());
  const frozen = state.schedule.pausedAt !== undefined;
  if (items.length === 0) return html`<p class="muted">${t('pending.none')}</p>`;
  return html`<ul class="pending">
    ${items.map(
      (item) =>
        html`<li>
          <strong>${t(`approval.${item.kind}` as TMessageKey)}</strong>
          ${item.subject.revision !== undefined && ` · ${t('script.revision', { revision: item.subject.revision })}`}
          ${item.subject.sku !== undefined && ` · ${item.subject.name ?? ''} (${item.subject.sku})`} ·
          ${t('pending.assignees')}:
          ${item.assignees.map((id) => personName(state, id)).join('、') || (item.openToRole ? t(`role.${item.openToRole}`) : '–')}
          · ${t('pending.due')} ${countdown(ctx, item.dueAt, state.plan.timeZone, frozen)} ·
          ${t('pending.reminders', { count: item.remindersSent })}${item.escalated ? html` · <strong class="bad">${t('pending.escalated')}</strong>` : ''}
        </li>`,
    )}
  </ul>`;
}

/**
 * The stored series as inline SVG, per metric from the source the review trusts most (named in the chart's title);
 * simulated numbers are marked as such wherever they appear.
 */
export function metricCharts(ctx: PageContext, state: TStreamState, series: StreamSeries): HtmlValue {
  const { t } = ctx;
  const chart = (metric: TMetricName, color: string): HtmlValue => {
    const source = series.sourceOf[metric];
    const label = `${t(`metric.${metric}`)}${source ? ` · ${t(`source.${source}` as TMessageKey)}` : ''}`;
    const points = series.points
      .filter((p) => p.metric === metric)
      .map((p) => ({ x: Date.parse(p.ts), y: p.value }));
    return html`<figure data-metric="${metric}" data-points="${points.length}">
      ${raw(
        renderSeriesSvg([{ label, color, points }], {
          title: label,
          timeZone: state.plan.timeZone,
          emptyText: t('metrics.noData'),
        }),
      )}
    </figure>`;
  };
  if (series.points.length === 0) return html`<p class="muted" id="no-metrics">${t('metrics.noneYet')}</p>`;
  return html`<p class="muted">
      ${t('metrics.latest', { at: formatInstant(series.points.at(-1)?.ts, ctx.locale, state.plan.timeZone) })}
    </p>
    <div class="charts" id="live-charts">${chart('viewers', '#2563eb')}${chart('gmv', '#16a34a')}</div>`;
}

/**
 * The simulated-data notice, when any number shown came from the simulator. Once real numbers arrived the simulator's
 * are not shown (nor counted), even if the live state still remembers a simulated reading from before.
 */
export function simulatedNumbers(ctx: PageContext, state: TStreamState, series: StreamSeries): HtmlValue {
  const simulated =
    !series.ignoredSources.includes('simulated') &&
    (Object.values(state.metrics.sources).includes('simulated') ||
      Object.values(series.sourceOf).includes('simulated'));
  return simulated && simulatedNotice(ctx);
}

export function domainTimeline(
  ctx: PageContext,
  state: TStreamState,
  stored: { entries: TStoredTimelineEntry[]; total: number },
): SafeHtml {
  const { t } = ctx;
  // The event store lags the workflow by a moment (or more while the database is down): show whichever is newer.
  const newest = state.timeline.entries.at(-1)?.seq ?? 0;
  const storedNewest = stored.entries.at(-1)?.seq ?? 0;
  const source: TStoredTimelineEntry[] = storedNewest >= newest ? stored.entries : state.timeline.entries;
  const total = Math.max(stored.total, state.timeline.totalCount);
  const entries = [...source].reverse();
  return scrollRegion(
    t('stream.timeline'),
    html`<table class="timeline">
      <caption>
        ${t('timeline.caption', { shown: entries.length, total })}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">${t('table.when')}</th>
          <th scope="col">${t('timeline.who')}</th>
          <th scope="col">${t('timeline.event')}</th>
          <th scope="col">${t('timeline.what')}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td>${e.seq}</td>
              <td>${formatInstant(e.at, ctx.locale, state.plan.timeZone)}</td>
              <td>
                ${e.actorId === 'system' ? t('timeline.system') : (e.actorName ?? personName(state, e.actorId))}
              </td>
              <td>${t(`event.${e.type}` as TMessageKey)}</td>
              ${
                e.event === undefined
                  ? html`<td lang="en">${e.summary}</td>`
                  : html`<td>${describeStreamEvent(ctx, state, e.event)}</td>`
              }
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

export function incidentsAndAlerts(ctx: PageContext, state: TStreamState): HtmlValue {
  const { t } = ctx;
  if (state.incidents.length === 0 && state.alerts.recent.length === 0) return undefined;
  const tz = state.plan.timeZone;
  return html`<section aria-labelledby="s-incidents">
    <h2 id="s-incidents">${t('stream.incidentsAlerts')}</h2>
    <ul>
      ${state.incidents.map((i) => html`<li>${formatInstant(i.at, ctx.locale, tz)} · <strong>${t(`option.kind.${i.kind}` as TMessageKey)}</strong> · ${i.description} · ${personName(state, i.recordedBy)}</li>`)}
      ${state.alerts.recent.map((a) => html`<li>${formatInstant(a.at, ctx.locale, tz)} · <strong>${t('stream.alert')}</strong> ${alertText(ctx.t, a)}</li>`)}
    </ul>
  </section>`;
}
