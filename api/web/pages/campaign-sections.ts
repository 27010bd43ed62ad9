import { CAMPAIGN_KPIS, type TCampaignKpi } from '../../../domain/campaign/kpi-names';
import { goalAttainment } from '../../../domain/campaign/kpis';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import { escapeHtml } from '../../../domain/notify/escape-html';
import type { CampaignTimelineRow } from '../campaign-view';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, raw, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';
import { campaignPerson, describeCampaignEvent } from './campaign-words';

const WIDTH = 1000;
const ROW = 26;
const TOP = 34;

/** A number as people read it: whole numbers grouped, ratios as percentages, ROI with two decimals. */
export function kpiValue(kpi: TCampaignKpi, value: number | undefined, locale: string): string {
  if (value === undefined) return '–';
  if (kpi === 'conversion_rate') return `${(value * 100).toFixed(2)}%`;
  if (kpi === 'roi') return value.toFixed(2);
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/**
 * The campaign's rhythm as one picture: the preheat, burst and tail windows, "now", and every stream placed on its
 * room's row at its slot, coloured by status. The streams table below says the same in words.
 */
export function windowsFigure(ctx: PageContext, state: TCampaignState): SafeHtml {
  const { t } = ctx;
  const from = Date.parse(state.windows.preheatStart);
  const to = Date.parse(state.windows.tailEnd);
  const span = Math.max(1, to - from);
  const x = (iso: string | number) =>
    Math.max(0, Math.min(WIDTH, ((typeof iso === 'number' ? iso : Date.parse(iso)) - from) / span) * WIDTH);
  const rooms = [...new Set(state.streamOrder.map((key) => state.streams[key]!.room))];
  const height = TOP + Math.max(1, rooms.length) * ROW + 8;
  const band = (start: string, end: string, cls: string, label: string) =>
    `<rect class="w-${cls}" x="${x(start)}" y="0" width="${Math.max(1, x(end) - x(start))}" height="${height}"/>` +
    `<text x="${x(start) + 4}" y="14">${escapeHtml(label)}</text>`;
  const bars = state.streamOrder.map((key) => {
    const s = state.streams[key]!;
    const start = Date.parse(s.plan.scheduledStart);
    const row = rooms.indexOf(s.room);
    const w = Math.max(4, x(start + s.plan.plannedDurationMinutes * 60_000) - x(start));
    const status = s.phase ?? s.status;
    return `<g class="slot s-${escapeHtml(s.status)}"><title>${escapeHtml(`${key} · ${s.plan.title} · ${s.room} · ${status}`)}</title><rect x="${x(start)}" y="${TOP + row * ROW}" width="${w}" height="${ROW - 6}" rx="3"/><text x="${x(start) + w + 3}" y="${TOP + row * ROW + 14}">${escapeHtml(key)}</text></g>`;
  });
  const now = Date.now();
  const nowLine =
    now >= from && now <= to
      ? `<line class="now" x1="${x(now)}" x2="${x(now)}" y1="0" y2="${height}"/><text class="now" x="${x(now) + 3}" y="${height - 4}">${escapeHtml(t('calendar.today'))}</text>`
      : '';
  const svg = `<svg viewBox="0 0 ${WIDTH + 120} ${height}" role="img" aria-labelledby="cw-title" class="windows">
<title id="cw-title">${escapeHtml(t('campaign.windowsCaption', { zone: state.plan.timeZone }))}</title>
${band(state.windows.preheatStart, state.windows.burstStart, 'preheat', t('cphase.preheat'))}
${band(state.windows.burstStart, state.windows.burstEnd, 'burst', t('cphase.burst'))}
${band(state.windows.burstEnd, state.windows.tailEnd, 'tail', t('cphase.tail'))}
${rooms.map((room, i) => `<text class="room" x="${WIDTH + 6}" y="${TOP + i * ROW + 14}">${escapeHtml(room)}</text>`).join('')}
${bars.join('')}${nowLine}</svg>`;
  return html`<figure class="campaign-windows">
    ${raw(svg)}
    <figcaption class="muted">
      ${t('cphase.preheat')} ${formatInstant(state.windows.preheatStart, ctx.locale, state.plan.timeZone)} ·
      ${t('cphase.burst')} ${formatInstant(state.windows.burstStart, ctx.locale, state.plan.timeZone)} –
      ${formatInstant(state.windows.burstEnd, ctx.locale, state.plan.timeZone)} · ${t('cphase.tail')}
      ${formatInstant(state.windows.tailEnd, ctx.locale, state.plan.timeZone)}
    </figcaption>
  </figure>`;
}

/** The rolled-up numbers against the goals, each with a bar of its attainment, and GMV per stream. */
export function kpiSection(ctx: PageContext, state: TCampaignState): SafeHtml {
  const { t } = ctx;
  const totals = state.kpis.totals;
  if (state.kpis.rollups === 0) return html`<p class="muted">${t('campaign.kpisNone')}</p>`;
  const attainment = goalAttainment(state.plan.goals, totals);
  const rows = CAMPAIGN_KPIS.map((kpi) => {
    const goal = attainment.find((row) => row.goal === kpi);
    const floor = kpi === 'roi' ? state.plan.goals.roiFloor : undefined;
    const pct = goal?.ratio === undefined ? undefined : Math.round(goal.ratio * 100);
    return html`<tr>
      <th scope="row">${t(`ckpi.${kpi}` as TMessageKey)}</th>
      <td class="num">${kpiValue(kpi, totals[kpi], ctx.locale)}</td>
      <td class="num">
        ${goal ? kpiValue(kpi, goal.target, ctx.locale) : floor !== undefined ? `≥ ${floor}` : '–'}
      </td>
      <td>
        ${
          pct === undefined
            ? '–'
            : html`<progress
                  max="100"
                  value="${Math.min(100, pct)}"
                  aria-label="${t(`ckpi.${kpi}` as TMessageKey)} ${pct}%"
                ></progress>
                <span class="${pct >= 100 ? 'ok' : 'warn'}">${pct}%</span>`
        }
      </td>
    </tr>`;
  });
  const streams = state.streamOrder.map((key) => state.streams[key]!).filter((s) => s.kpis !== undefined);
  const max = Math.max(1, ...streams.map((s) => s.kpis!.gmv));
  const bars = streams.map(
    (s) =>
      html`<li>
        <span class="label">${s.key}</span>
        <span class="bar" style="width:${((s.kpis!.gmv / max) * 100).toFixed(1)}%"></span>
        <span class="value">${kpiValue('gmv', s.kpis!.gmv, ctx.locale)}</span>
      </li>`,
  );
  return html`<p class="muted">
      ${t('campaign.kpiUpdated', { at: formatInstant(state.kpis.at, ctx.locale, state.plan.timeZone), count: state.kpis.rollups })}
      ${state.kpis.roiPace !== undefined && html` · ${t('campaign.roiPace', { value: state.kpis.roiPace.toFixed(2) })}`}
    </p>
    <div class="table-wrap">
      <table class="kpis">
        <thead>
          <tr>
            <th scope="col">${t('campaign.metric')}</th>
            <th scope="col">${t('campaign.actual')}</th>
            <th scope="col">${t('campaign.goal')}</th>
            <th scope="col">${t('campaign.attainment')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    ${
      bars.length > 0 &&
      html`<figure class="bars">
        <figcaption>GMV · ${t('campaign.streamsTitle')}</figcaption>
        <ul>
          ${bars}
        </ul>
      </figure>`
    }`;
}

/** Every stream of the campaign: its slot, room, where it is, what it sold. */
export function streamsTable(ctx: PageContext, state: TCampaignState): SafeHtml {
  const { t } = ctx;
  const rows = state.streamOrder.map((key) => {
    const s = state.streams[key]!;
    const started = s.startedAt !== undefined;
    const where: HtmlValue = s.phase
      ? html`<span class="phase phase-${s.phase}">${t(`phase.${s.phase}` as TMessageKey)}</span>`
      : html`<span class="tag">${t(`cstatus.${s.status}` as TMessageKey)}</span>`;
    return html`<tr>
      <td><code>${key}</code></td>
      <td>
        ${started ? html`<a href="/streams/${encodeURIComponent(s.workflowId)}">${s.plan.title}</a>` : s.plan.title}
      </td>
      <td>${s.room}</td>
      <td>${formatInstant(s.plan.scheduledStart, ctx.locale, state.plan.timeZone)}</td>
      <td>
        ${where}${s.pausedByCampaign ? html` <span class="tag">${t('cstatus.held')}</span>` : ''}${(s.failure ?? s.droppedReason) && html`<br /><small class="bad">${s.failure ?? s.droppedReason}</small>`}
      </td>
      <td class="num">${s.kpis ? kpiValue('gmv', s.kpis.gmv, ctx.locale) : '–'}</td>
      <td class="num">${s.kpis ? kpiValue('orders', s.kpis.orders, ctx.locale) : '–'}</td>
    </tr>`;
  });
  return html`<div class="table-wrap">
    <table class="streams">
      <thead>
        <tr>
          <th scope="col">${t('field.key')}</th>
          <th scope="col">${t('field.title')}</th>
          <th scope="col">${t('campaign.room')}</th>
          <th scope="col">${t('campaign.slot')}</th>
          <th scope="col">${t('campaign.status')}</th>
          <th scope="col">GMV</th>
          <th scope="col">${t('ckpi.orders')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

export function campaignTimelineTable(
  ctx: PageContext,
  state: TCampaignState,
  timeline: { rows: CampaignTimelineRow[]; total: number },
): SafeHtml {
  const rows: CampaignTimelineRow[] =
    timeline.rows.length > 0
      ? timeline.rows
      : [...state.timeline.entries]
          .reverse()
          .map((e) => ({ seq: e.seq, at: e.at, actorId: e.actorId, summary: e.summary }));
  return html`<div class="table-wrap" role="region" aria-label="${ctx.t('stream.timeline')}" tabindex="0">
    <table class="timeline">
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <td>${row.seq}</td>
              <td>${formatInstant(row.at, ctx.locale, state.plan.timeZone)}</td>
              <td>
                ${row.actorId === 'system' ? ctx.t('timeline.system') : campaignPerson(state, row.actorId)}
              </td>
              ${
                row.event === undefined
                  ? html`<td lang="en">${row.summary}</td>`
                  : html`<td>${describeCampaignEvent(ctx, state, row.event)}</td>`
              }
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
