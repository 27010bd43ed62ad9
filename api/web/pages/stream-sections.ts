import { METRIC_KINDS, type TMetricName } from '../../../domain/metrics/metric.types';
import { renderSeriesSvg } from '../../../domain/review/series-svg';
import { PHASE_ORDER } from '../../../domain/stream/phases';
import { pendingApprovals, streamDeadlines, type TStreamDeadlines } from '../../../domain/stream/selectors';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { formatInstant } from '../i18n';
import { html, raw, type HtmlValue, type SafeHtml } from '../html';
import { simulatedNotice } from '../layout';

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
      (state.phase === 'blocked' || state.phase === 'cancelled') &&
      html`<p class="error" role="status">
        <strong>${t(`phase.${state.phase}`)}</strong>: ${state.blockedReason ?? state.cancelledReason ?? ''}
      </p>`
    }
    ${state.schedule.pausedAt && html`<p class="warn" role="status">${t('stream.pausedSince', { at: formatInstant(state.schedule.pausedAt, ctx.locale, tz) })}</p>`}`;
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
          <td>${live && Date.parse(at) > Date.now() ? countdown(ctx, at, tz) : '–'}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function pendingList(ctx: PageContext, state: TStreamState): SafeHtml {
  const { t } = ctx;
  const items = pendingApprovals(state, new Date().toISOString());
  if (items.length === 0) return html`<p class="muted">${t('pending.none')}</p>`;
  return html`<ul class="pending">
    ${items.map(
      (item) =>
        html`<li>
          <strong>${t(`approval.${item.kind}`)}</strong> <code>${item.key}</code> · ${t('pending.assignees')}:
          ${item.assignees.join(', ') || '–'} · ${t('pending.due')}
          ${countdown(ctx, item.dueAt, state.plan.timeZone)} ·
          ${t('pending.reminders', { count: item.remindersSent })}${item.escalated ? html` · <strong class="bad">${t('pending.escalated')}</strong>` : ''}
        </li>`,
    )}
  </ul>`;
}

function formatMetric(metric: TMetricName, value: number): string {
  if (metric === 'conversion_rate' || metric === 'click_through_rate') return `${(value * 100).toFixed(2)}%`;
  if (metric === 'dwell_seconds') return `${Math.round(value)} s`;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/** Latest numbers and the stored series as inline SVG, labelled as simulated when the simulator stands in. */
export function metricsSection(
  ctx: PageContext,
  state: TStreamState,
  points: ReadonlyArray<{ metric: string; ts: Date; value: number }>,
): SafeHtml {
  const { t } = ctx;
  const latest = Object.entries(state.metrics.latest) as Array<[TMetricName, number]>;
  const series = (metric: TMetricName, label: string, color: string) => ({
    label,
    color,
    points: points.filter((p) => p.metric === metric).map((p) => ({ x: p.ts.getTime(), y: p.value })),
  });
  const chart = (metric: TMetricName, color: string): HtmlValue =>
    html`<figure>
      ${raw(
        renderSeriesSvg([series(metric, t(`metric.${metric}`), color)], {
          title: t(`metric.${metric}`),
          timeZone: state.plan.timeZone,
          emptyText: t('metrics.noData'),
        }),
      )}
    </figure>`;
  return html`${simulatedNotice(ctx)}
  ${
    latest.length === 0
      ? html`<p class="muted">${t('metrics.noneYet')}</p>`
      : html`<table class="metrics">
          <caption>
            ${t('metrics.latest', { at: formatInstant(state.metrics.lastTo, ctx.locale, state.plan.timeZone) })}
          </caption>
          <tbody>
            ${latest
              .filter(([metric]) => metric in METRIC_KINDS)
              .map(
                ([metric, value]) =>
                  html`<tr>
                    <th scope="row">${t(`metric.${metric}`)}</th>
                    <td>${formatMetric(metric, value)}</td>
                  </tr>`,
              )}
          </tbody>
        </table>`
  }
  ${points.length > 0 && html`<div class="charts">${chart('viewers', '#2563eb')}${chart('gmv', '#16a34a')}</div>`}`;
}

export function domainTimeline(ctx: PageContext, state: TStreamState): SafeHtml {
  const { t } = ctx;
  const entries = [...state.timeline.entries].reverse();
  return html`<table class="timeline">
    <caption>
      ${t('timeline.caption', { shown: entries.length, total: state.timeline.totalCount })}
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
              ${e.actorName ? `${e.actorName} (${e.actorId})` : e.actorId === 'system' ? t('timeline.system') : e.actorId}
            </td>
            <td>${t(`event.${e.type}`)}</td>
            <td lang="en">${e.summary}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function incidentsAndAlerts(ctx: PageContext, state: TStreamState): HtmlValue {
  const { t } = ctx;
  if (state.incidents.length === 0 && state.alerts.recent.length === 0) return undefined;
  const tz = state.plan.timeZone;
  return html`<section aria-labelledby="s-incidents">
    <h2 id="s-incidents">${t('stream.incidentsAlerts')}</h2>
    <ul>
      ${state.incidents.map((i) => html`<li>${formatInstant(i.at, ctx.locale, tz)} · <strong>${t(`incident.${i.kind}`)}</strong> · ${i.description} · ${i.recordedBy}</li>`)}
      ${state.alerts.recent.map((a) => html`<li>${formatInstant(a.at, ctx.locale, tz)} · <strong>${t('stream.alert')}</strong> ${a.ruleId}: ${a.message}</li>`)}
    </ul>
  </section>`;
}
