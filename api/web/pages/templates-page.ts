import { rolesFor } from '../../../domain/shared/app-permissions';
import type { TTemplateSummary } from '../../../activities/templates/template-store';
import { hasAnyRole, sameActorId } from '../../../domain/shared/actor.types';
import { addLocalDays, zonedParts } from '../../../domain/time/zoned-time';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { listTable } from './list-table';

export interface TemplatesPageData {
  templates: TTemplateSummary[];
  error?: string;
  done?: 'saved' | 'deleted';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A week after the template's own start, in its zone: a sensible first value for the date-time field. */
function suggestedLocalStart(template: TTemplateSummary): string {
  const start = zonedParts(Date.parse(template.startIso), template.timeZone);
  const nextWeek = addLocalDays(start, 7);
  return `${nextWeek.year}-${pad(nextWeek.month)}-${pad(nextWeek.day)}T${pad(start.hour)}:${pad(start.minute)}`;
}

/** Templates: list, create a stream from one (a date-time in the template's zone), save a stream as one, delete. */
export function templatesPage(ctx: PageContext, data: TemplatesPageData): SafeHtml {
  const { t } = ctx;
  const mayUse = hasAnyRole(ctx.actor, rolesFor('writeTemplates'));
  const mayDelete = (template: TTemplateSummary) =>
    hasAnyRole(ctx.actor, rolesFor('changeAnyTemplate')) ||
    (mayUse && sameActorId(ctx.actor.id, template.createdBy));
  const csrf = html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;
  const rows = data.templates.map((template) => {
    const base = `/templates/${encodeURIComponent(template.id)}`;
    return html`<tr id="template-${template.id}">
      <th scope="row">
        ${template.name}<br /><small class="muted">${template.kind}</small>
        ${template.problem && html`<br /><small class="bad">${template.problem}</small>`}
      </th>
      <td>${template.title}</td>
      <td>${formatInstant(template.startIso, ctx.locale, template.timeZone)}</td>
      <td>${template.createdBy}</td>
      <td>
        ${
          template.source
            ? html`<a href="/streams/${encodeURIComponent(template.source)}">${template.source}</a>`
            : '–'
        }
      </td>
      <td>
        ${
          mayUse &&
          template.kind === 'stream' &&
          html`<form method="post" action="${base}/streams" class="action">
            ${csrf}
            <label for="start-${template.id}">${t('templates.newStart', { zone: template.timeZone })}</label>
            <input
              id="start-${template.id}"
              name="localStart"
              type="datetime-local"
              required
              value="${suggestedLocalStart(template)}"
            />
            <button type="submit">${t('templates.createStream')}</button>
          </form>`
        }
        ${
          mayDelete(template) &&
          html`<form method="post" action="${base}/delete" class="inline">
            ${csrf}<button type="submit" class="danger">${t('templates.delete')}</button>
          </form>`
        }
      </td>
    </tr>`;
  });
  const saveForm =
    mayUse &&
    html`<section aria-labelledby="s-save">
      <h2 id="s-save">${t('templates.saveFromStream')}</h2>
      <form method="post" action="/templates/from-stream" class="action">
        ${csrf}
        <label for="save-stream">${t('templates.streamId')}</label>
        <input id="save-stream" name="streamId" required maxlength="128" />
        <label for="save-name">${t('templates.nameOptional')}</label>
        <input id="save-name" name="name" maxlength="200" />
        <div class="buttons"><button type="submit">${t('templates.save')}</button></div>
      </form>
    </section>`;
  const body = html`${errorBanner(data.error)}
    ${data.done && html`<div class="done" role="status">${t(`templates.${data.done}`)}</div>`}
    <p>${t('templates.intro')}</p>
    ${listTable({
      className: 'templates',
      caption: t('templates.caption'),
      headers: [
        t('templates.name'),
        t('templates.plan'),
        t('templates.start'),
        t('templates.by'),
        t('templates.source'),
        '',
      ],
      rows,
      emptyText: t('templates.empty'),
    })}
    ${saveForm}`;
  return layout(ctx, { title: t('templates.title'), nav: 'templates', body });
}
