import { SOURCE_PRECEDENCE } from '../../../domain/metrics/metric-sources';
import { METRIC_KINDS, type TMetricName } from '../../../domain/metrics/metric.types';
import type { TMetricSource } from '../../../domain/stream/events.types';
import { renderSeriesSvg } from '../../../domain/review/series-svg';
import { PAUSE_POLICY } from '../../../domain/stream/pause-policy';
import { PHASE_ORDER } from '../../../domain/stream/phases';
import {
  pendingItems,
  streamDeadlines,
  type TGateBlocker,
  type TStreamDeadlines,
} from '../../../domain/stream/selectors';
import type { TStreamState, TTimelineEntry } from '../../../domain/stream/state.types';
import type { TMessageKey } from '../messages';
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
          <strong>${t(`approval.${item.kind}` as TMessageKey)}</strong> <code>${item.key}</code> ·
          ${t('pending.assignees')}:
          ${item.assignees.join(', ') || (item.openToRole ? t(`role.${item.openToRole}`) : '–')} ·
          ${t('pending.due')} ${countdown(ctx, item.dueAt, state.plan.timeZone, frozen)} ·
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

/** Per metric, the source the page (and the review) trusts most among those that reported it. */
function chosenSource(
  points: ReadonlyArray<{ metric: string; source: string }>,
  metric: string,
): TMetricSource | undefined {
  return SOURCE_PRECEDENCE.find((source) => points.some((p) => p.metric === metric && p.source === source));
}

/**
 * Latest numbers and the stored series as inline SVG. Every number says where it came from (platform API, pushed,
 * simulated), and simulated numbers are marked as such wherever they appear.
 */
export function metricsSection(
  ctx: PageContext,
  state: TStreamState,
  points: ReadonlyArray<{ metric: string; ts: Date; value: number; source: string }>,
): SafeHtml {
  const { t } = ctx;
  const latest = Object.entries(state.metrics.latest) as Array<[TMetricName, number]>;
  const sourceTag = (source: TMetricSource | undefined) =>
    source === undefined
      ? ''
      : html`<span class="source source-${source}">${t(`source.${source}` as TMessageKey)}</span>`;
  const chart = (metric: TMetricName, color: string): HtmlValue => {
    const source = chosenSource(points, metric);
    const label = `${t(`metric.${metric}`)}${source ? ` · ${t(`source.${source}` as TMessageKey)}` : ''}`;
    return html`<figure>
      ${raw(
        renderSeriesSvg(
          [
            {
              label,
              color,
              points: points
                .filter((p) => p.metric === metric && p.source === source)
                .map((p) => ({ x: p.ts.getTime(), y: p.value })),
            },
          ],
          { title: label, timeZone: state.plan.timeZone, emptyText: t('metrics.noData') },
        ),
      )}
    </figure>`;
  };
  const simulatedShown =
    Object.values(state.metrics.sources).includes('simulated') ||
    points.some((p) => p.source === 'simulated');
  return html`${simulatedShown && simulatedNotice(ctx)}
  ${
    latest.length === 0
      ? html`<p class="muted">${t('metrics.noneYet')}</p>`
      : html`<div class="table-wrap">
          <table class="metrics">
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
                      <td>${sourceTag(state.metrics.sources[metric])}</td>
                    </tr>`,
                )}
            </tbody>
          </table>
        </div>`
  }
  ${points.length > 0 && html`<div class="charts">${chart('viewers', '#2563eb')}${chart('gmv', '#16a34a')}</div>`}`;
}

export function domainTimeline(
  ctx: PageContext,
  state: TStreamState,
  stored: { entries: TTimelineEntry[]; total: number },
): SafeHtml {
  const { t } = ctx;
  // The event store lags the workflow by a moment (or more while the database is down): show whichever is newer.
  const newest = state.timeline.entries.at(-1)?.seq ?? 0;
  const storedNewest = stored.entries.at(-1)?.seq ?? 0;
  const source = storedNewest >= newest ? stored.entries : state.timeline.entries;
  const total = Math.max(stored.total, state.timeline.totalCount);
  const entries = [...source].reverse();
  return html`<table class="timeline">
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
              ${e.actorName ? `${e.actorName} (${e.actorId})` : e.actorId === 'system' ? t('timeline.system') : e.actorId}
            </td>
            <td>${t(`event.${e.type}` as TMessageKey)}</td>
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
      ${state.incidents.map((i) => html`<li>${formatInstant(i.at, ctx.locale, tz)} · <strong>${t(`option.kind.${i.kind}` as TMessageKey)}</strong> · ${i.description} · ${i.recordedBy}</li>`)}
      ${state.alerts.recent.map((a) => html`<li>${formatInstant(a.at, ctx.locale, tz)} · <strong>${t('stream.alert')}</strong> ${a.ruleId}: ${a.message}</li>`)}
    </ul>
  </section>`;
}
