import type { CalendarEntry } from '../../services/campaign-lists';
import { addLocalDays, zonedParts, zonedTimeToEpoch } from '../../../domain/time/zoned-time';
import type { PageContext } from '../context';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import type { TMessageKey } from '../messages';

export type CalendarView = 'week' | 'month';

export interface CalendarRange {
  view: CalendarView;
  zone: string;
  /** First local day shown (a Monday for weeks, the 1st for months). */
  first: { year: number; month: number; day: number };
  days: number;
  from: string;
  to: string;
}

const ymd = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The local days a view shows, in the zone: the week (Monday first) or the month containing `on`. */
export function calendarRange(
  view: CalendarView,
  on: { year: number; month: number; day: number },
  zone: string,
): CalendarRange {
  let first = on;
  let days = 7;
  if (view === 'week') {
    const weekday = zonedParts(zonedTimeToEpoch({ ...on, hour: 12, minute: 0 }, zone), zone).weekday;
    first = addLocalDays(on, 1 - weekday);
  } else {
    first = { year: on.year, month: on.month, day: 1 };
    const next =
      on.month === 12
        ? { year: on.year + 1, month: 1, day: 1 }
        : { year: on.year, month: on.month + 1, day: 1 };
    days = Math.round(
      (Date.UTC(next.year, next.month - 1, 1) - Date.UTC(first.year, first.month - 1, 1)) / 86_400_000,
    );
  }
  const from = new Date(zonedTimeToEpoch({ ...first, hour: 0, minute: 0 }, zone)).toISOString();
  const to = new Date(
    zonedTimeToEpoch({ ...addLocalDays(first, days), hour: 0, minute: 0 }, zone),
  ).toISOString();
  return { view, zone, first, days, from, to };
}

/** Upcoming streams across campaigns, by local day: each shows its time, its gate status and its campaign. */
export function calendarPage(
  ctx: PageContext,
  data: { range: CalendarRange; entries: CalendarEntry[] },
): SafeHtml {
  const { t } = ctx;
  const { range } = data;
  const dayKey = (iso: string) => ymd(zonedParts(Date.parse(iso), range.zone));
  const time = (iso: string) => {
    const p = zonedParts(Date.parse(iso), range.zone);
    return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  };
  const days = Array.from({ length: range.days }, (_, i) => addLocalDays(range.first, i));
  const step = range.view === 'week' ? 7 : range.days;
  const link = (first: { year: number; month: number; day: number }, view = range.view) =>
    `/calendar?view=${view}&start=${ymd(first)}&zone=${encodeURIComponent(range.zone)}`;
  const prev = range.view === 'week' ? addLocalDays(range.first, -7) : addLocalDays(range.first, -1);
  const next = addLocalDays(range.first, step);
  const weekdayNames =
    ctx.locale === 'en'
      ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
      : ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  const cells = days.map((day) => {
    const key = ymd(day);
    const entries = data.entries.filter((e) => dayKey(e.start) === key);
    const weekday = zonedParts(
      zonedTimeToEpoch({ ...day, hour: 12, minute: 0 }, range.zone),
      range.zone,
    ).weekday;
    return html`<li class="day" data-date="${key}">
      <h3>${weekdayNames[weekday - 1]} ${day.month}/${day.day}</h3>
      <ul>
        ${entries.map(
          (e) =>
            html`<li class="entry gates-${e.gates}">
              <time>${time(e.start)}</time>
              <a
                href="${e.started ? `/streams/${encodeURIComponent(e.id)}` : `/campaigns/${encodeURIComponent(e.campaign?.id ?? '')}`}"
                >${e.title}</a
              >
              <span class="tag">${t(`calendar.gates.${e.gates}` as TMessageKey)}</span>
              ${e.campaign && html`<small class="muted">${e.campaign.name}</small>`}
            </li>`,
        )}
      </ul>
    </li>`;
  });
  const body = html`<p class="muted">${t('calendar.zone', { zone: range.zone })}</p>
    <nav class="pager" aria-label="${t('calendar.title')}">
      <a href="${link(prev)}">${t('calendar.prev')}</a>
      <a href="${link(next)}">${t('calendar.next')}</a>
      <a href="${link(range.first, 'week')}" ${range.view === 'week' ? html`aria-current="page"` : ''}
        >${t('calendar.week')}</a
      >
      <a href="${link(range.first, 'month')}" ${range.view === 'month' ? html`aria-current="page"` : ''}
        >${t('calendar.month')}</a
      >
    </nav>
    ${data.entries.length === 0 && html`<p class="empty">${t('calendar.empty')}</p>`}
    <ol class="calendar calendar-${range.view}">
      ${cells}
    </ol>`;
  return layout(ctx, { title: t('calendar.title'), nav: 'calendar', body });
}
