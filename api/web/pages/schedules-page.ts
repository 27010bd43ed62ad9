import { rolesFor } from '../../../domain/shared/app-permissions';
import type { TTemplateSummary } from '../../../activities/templates/template-store';
import { APP_ROLES, hasAnyRole } from '../../../domain/shared/actor.types';
import { REPORT_CADENCES } from '../../../domain/schedules/report-period';
import { WEEKDAYS } from '../../../domain/schedules/weekly-rule';
import { DEFAULT_SCHEDULE_ZONE } from '../../routes/schedules.types';
import type { ScheduleSummaryView } from '../../services/schedules';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { attr, html, type HtmlValue, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { listTable } from './list-table';

export const SCHEDULE_OPERATIONS = ['pause', 'resume', 'trigger', 'delete'] as const;
export type TScheduleOperation = (typeof SCHEDULE_OPERATIONS)[number];

export interface SchedulesPageData {
  schedules: ScheduleSummaryView[];
  streamTemplates: TTemplateSummary[];
  /** Stored reports of each report schedule, newest period first. */
  reports: Record<string, Array<{ id: string }>>;
  error?: string;
  done?: TScheduleOperation | 'create';
}

function whenText(ctx: PageContext, s: ScheduleSummaryView): string {
  const d = s.definition;
  if (d.kind === 'recurring-stream')
    return ctx.t('schedules.recurringWhen', {
      days: d.daysOfWeek.map((day) => ctx.t(`weekday.${day}`)).join(' '),
      time: d.time,
      zone: d.timeZone,
      lead: d.leadHours,
    });
  return ctx.t('schedules.reportWhen', {
    cadence: ctx.t(`schedules.cadence.${d.cadence}`),
    time: d.time,
    zone: d.timeZone,
  });
}

function whatText(ctx: PageContext, s: ScheduleSummaryView, templates: TTemplateSummary[]): HtmlValue {
  const d = s.definition;
  if (d.kind === 'recurring-stream') {
    const template = templates.find((tpl) => tpl.id === d.templateId);
    return html`${ctx.t('schedules.template')}: ${template?.name ?? d.templateId}`;
  }
  return html`${ctx.t('schedules.recipients')}:
  ${[...d.recipients.roles.map((role) => ctx.t(`role.${role}`)), ...d.recipients.emails].join(', ')}`;
}

/** Recurring streams and reports on Temporal Schedules: list with next runs; managers create, pause, run, delete. */
export function schedulesPage(ctx: PageContext, data: SchedulesPageData): SafeHtml {
  const { t } = ctx;
  const mayChange = hasAnyRole(ctx.actor, rolesFor('manageSchedules'));
  const csrf = html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;
  const button = (s: ScheduleSummaryView, op: TScheduleOperation) =>
    html`<form method="post" action="/schedules/${encodeURIComponent(s.id)}/${op}" class="inline">
      ${csrf}<button type="submit" ${op === 'delete' ? html` class="danger"` : ''}>
        ${t(`schedules.${op}`)}
      </button>
    </form>`;
  const rows = data.schedules.map(
    (s) =>
      html`<tr id="schedule-${s.id}">
        <th scope="row">
          ${s.name}<br /><small class="muted">${t(`schedules.kind.${s.kind}`)} · ${s.id}</small>
        </th>
        <td>${whatText(ctx, s, data.streamTemplates)}</td>
        <td>${whenText(ctx, s)}</td>
        <td>
          <span class="${s.paused ? 'warn' : 'ok'}"
            >${t(s.paused ? 'schedules.paused' : 'schedules.active')}</span
          >
          ${s.note && html`<br /><small class="muted">${s.note}</small>`}
        </td>
        <td>
          <ul class="plain">
            ${s.nextActionTimes.slice(0, 3).map((at) => html`<li>${formatInstant(at, ctx.locale, s.timeZone)}</li>`)}
          </ul>
          ${
            (data.reports[s.id] ?? []).length > 0 &&
            html`<details>
              <summary>${t('schedules.reports')}</summary>
              <ul>
                ${(data.reports[s.id] ?? []).map(
                  (r) =>
                    html`<li>
                      <a href="/reports/periodic/${encodeURIComponent(r.id)}">${r.id.split(':').at(-1)}</a>
                    </li>`,
                )}
              </ul>
            </details>`
          }
        </td>
        <td>
          ${
            mayChange &&
            html`${button(s, s.paused ? 'resume' : 'pause')} ${button(s, 'trigger')} ${button(s, 'delete')}`
          }
        </td>
      </tr>`,
  );
  const dayBoxes = WEEKDAYS.map(
    (day) =>
      html`<label class="inline"
        ><input type="checkbox" name="daysOfWeek" value="${day}" ${attr('checked', day === 'wednesday')} />
        ${t(`weekday.${day}`)}</label
      >`,
  );
  const createForms =
    mayChange &&
    html`<section aria-labelledby="s-new-recurring">
        <h2 id="s-new-recurring">${t('schedules.newRecurring')}</h2>
        ${
          data.streamTemplates.length === 0
            ? html`<p class="muted"><a href="/templates">${t('schedules.noTemplates')}</a></p>`
            : html`<form method="post" action="/schedules" class="action">
                ${csrf}<input type="hidden" name="kind" value="recurring-stream" />
                <label for="r-name">${t('schedules.name')}</label>
                <input id="r-name" name="name" required maxlength="200" />
                <label for="r-template">${t('schedules.template')}</label>
                <select id="r-template" name="templateId">
                  ${data.streamTemplates.map((tpl) => html`<option value="${tpl.id}">${tpl.name} · ${tpl.title}</option>`)}
                </select>
                <fieldset>
                  <legend>${t('schedules.days')}</legend>
                  ${dayBoxes}
                </fieldset>
                <label for="r-time">${t('schedules.time')}</label>
                <input id="r-time" name="time" type="time" required value="20:00" />
                <label for="r-zone">${t('schedules.timeZone')}</label>
                <input id="r-zone" name="timeZone" required value="${DEFAULT_SCHEDULE_ZONE}" />
                <label for="r-lead">${t('schedules.leadHours')}</label>
                <input id="r-lead" name="leadHours" type="number" min="1" max="168" value="48" />
                <div class="buttons"><button type="submit">${t('schedules.create')}</button></div>
              </form>`
        }
      </section>
      <section aria-labelledby="s-new-report">
        <h2 id="s-new-report">${t('schedules.newReport')}</h2>
        <form method="post" action="/schedules" class="action">
          ${csrf}<input type="hidden" name="kind" value="report" />
          <label for="p-cadence">${t('schedules.cadence')}</label>
          <select id="p-cadence" name="cadence">
            ${REPORT_CADENCES.map((c) => html`<option value="${c}">${t(`schedules.cadence.${c}`)}</option>`)}
          </select>
          <label for="p-name">${t('schedules.name')}</label>
          <input id="p-name" name="name" maxlength="200" />
          <label for="p-time">${t('schedules.time')}</label>
          <input id="p-time" name="time" type="time" required value="09:00" />
          <label for="p-zone">${t('schedules.timeZone')}</label>
          <input id="p-zone" name="timeZone" required value="${DEFAULT_SCHEDULE_ZONE}" />
          <fieldset>
            <legend>${t('schedules.roles')}</legend>
            ${APP_ROLES.map(
              (role) =>
                html`<label class="inline"
                  ><input
                    type="checkbox"
                    name="roles"
                    value="${role}"
                    ${attr('checked', role === 'manager')}
                  />
                  ${t(`role.${role}`)}</label
                >`,
            )}
          </fieldset>
          <label for="p-emails">${t('schedules.emails')}</label>
          <textarea id="p-emails" name="emails" rows="2"></textarea>
          <div class="buttons"><button type="submit">${t('schedules.create')}</button></div>
        </form>
      </section>`;
  const done =
    data.done &&
    html`<div class="done" role="status">
      ${t(data.done === 'create' ? 'schedules.created' : `schedules.done.${data.done}`)}
    </div>`;
  const body = html`${errorBanner(data.error)}${done}
    <p>${t('schedules.intro')}</p>
    ${listTable({
      className: 'schedules',
      caption: t('schedules.caption'),
      headers: [
        t('schedules.name'),
        t('schedules.what'),
        t('schedules.when'),
        t('schedules.state'),
        t('schedules.next'),
        '',
      ],
      rows,
      emptyText: t('schedules.empty'),
    })}
    ${createForms}`;
  return layout(ctx, { title: t('schedules.title'), nav: 'schedules', body });
}
