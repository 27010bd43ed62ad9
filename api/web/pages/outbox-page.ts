import { OUTBOX_STATUSES, type OutboxEntry } from '../../services/outbox';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { attr, html, type HtmlValue, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { scrollRegion } from '../widgets/scroll-region';
import type { PageError } from '../refusal';
import type { WorkflowTitle } from '../workflow-titles';

export interface OutboxPageData {
  entries: OutboxEntry[];
  next: string | null;
  filter: { status?: string; workflowId?: string };
  error?: PageError;
  /** Titles of the streams and campaigns the entries belong to (names, not ids). */
  titles?: ReadonlyMap<string, WorkflowTitle>;
}

/** Why a notification was held or failed, in the reader's language; a transport's own error stays one click away. */
function outboxNote(ctx: PageContext, entry: OutboxEntry): HtmlValue {
  const { t } = ctx;
  const error = entry.lastError;
  if (!error) return undefined;
  const cls = entry.status === 'failed' ? 'bad' : 'muted';
  if (error.startsWith('no SMTP configured'))
    return html`<br /><small class="${cls}">${t('outboxNote.noSmtp')}</small>`;
  if (error.startsWith('no email address or chat channel'))
    return html`<br /><small class="${cls}">${t('outboxNote.noChannel')}</small>`;
  if (error.startsWith('not due yet'))
    return html`<br /><small class="${cls}"
        >${t('outboxNote.notDue', { at: formatInstant(entry.notBefore ?? undefined, ctx.locale) })}</small
      >`;
  const withDetail = (note: string) =>
    html`<br /><small class="${cls}"
        >${note}
        <details>
          <summary>${t('refusal.detail')}</summary>
          <span lang="en">${error}</span>
        </details></small
      >`;
  if (error.startsWith('not sent:')) return withDetail(t('outboxNote.expired'));
  return withDetail(t('outboxNote.deliveryError'));
}

function nextLink(data: OutboxPageData): string {
  const query = new URLSearchParams();
  if (data.filter.status) query.set('status', data.filter.status);
  if (data.filter.workflowId) query.set('workflowId', data.filter.workflowId);
  if (data.next) query.set('after', data.next);
  return `/outbox?${query.toString()}`;
}

/** Every notification: sent, held (no SMTP or no chat channel configured) or failed, newest first. */
export function outboxPage(ctx: PageContext, data: OutboxPageData): SafeHtml {
  const { t } = ctx;
  const filter = html`<form method="get" action="/outbox" class="filter">
    <label for="o-status">${t('outbox.status')}</label>
    <select id="o-status" name="status">
      <option value="">${t('outbox.all')}</option>
      ${OUTBOX_STATUSES.map((s) => html`<option value="${s}" ${attr('selected', data.filter.status === s)}>${t(`outbox.${s}`)}</option>`)}
    </select>
    <label for="o-wf">${t('outbox.workflow')}</label
    ><input id="o-wf" name="workflowId" value="${data.filter.workflowId ?? ''}" />
    <button type="submit">${t('outbox.filter')}</button>
  </form>`;
  const rows = data.entries.map(
    (e) =>
      html`<tr class="status-${e.status}">
        <td>${formatInstant(e.createdAt, ctx.locale)}</td>
        <td>
          ${e.workflowId ? html`<a href="${data.titles?.get(e.workflowId)?.path ?? `/streams/${encodeURIComponent(e.workflowId)}`}">${data.titles?.get(e.workflowId)?.title ?? e.workflowId}</a>` : '–'}
        </td>
        <td>${e.channel}</td>
        <td>
          ${e.recipient}${e.address && e.address !== e.recipient ? html`<br /><small>${e.address}</small>` : ''}
        </td>
        <td>
          <details>
            <summary>${e.subject}</summary>
            <pre>${e.bodyText}</pre>
          </details>
        </td>
        <td><span class="status">${t(`outbox.${e.status as 'held'}`)}</span>${outboxNote(ctx, e)}</td>
        <td>${e.attempts}</td>
      </tr>`,
  );
  const body = html`${errorBanner(data.error)}${filter}
  ${
    data.entries.length === 0
      ? html`<p class="empty">${t('outbox.empty')}</p>`
      : scrollRegion(
          t('outbox.caption'),
          html`<table class="outbox">
            <caption>
              ${t('outbox.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('table.when')}</th>
                <th scope="col">${t('outbox.stream')}</th>
                <th scope="col">${t('outbox.channel')}</th>
                <th scope="col">${t('outbox.recipient')}</th>
                <th scope="col">${t('outbox.subject')}</th>
                <th scope="col">${t('outbox.status')}</th>
                <th scope="col">${t('outbox.attempts')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`,
        )
  }
  ${data.next && html`<p><a href="${nextLink(data)}">${t('outbox.more')}</a></p>`}`;
  return layout(ctx, { title: t('outbox.title'), nav: 'outbox', body });
}
