import type { TAuditFilter } from '../../audit/audit-log';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { attr, html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { MESSAGES, type TMessageKey } from '../messages';
import type { PageError } from '../refusal';
import { nameOr } from '../people';
import { dataTable } from '../widgets/scroll-region';

export interface AuditLogRow {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  status: number;
  outcome: string;
  errorCode: string | null;
}

export interface AuditLogPageData {
  entries: readonly AuditLogRow[];
  next: number | null;
  /** The filter as typed (strings), to refill the form and build the CSV and next-page links. */
  query: Record<string, string>;
  names: ReadonlyMap<string, string>;
  error?: PageError;
}

export const AUDIT_OUTCOMES = ['success', 'refused', 'failed', 'replayed'] as const;
const TEXT_FILTERS = ['actor', 'action', 'target'] as const satisfies ReadonlyArray<keyof TAuditFilter>;

/** "stream.decide-script" as the UI calls that action, when it has a name for it. */
export function actionWords(ctx: PageContext, action: string): string {
  const [kind, name] = action.split('.');
  const key = `${kind === 'campaign' ? 'campaignAction' : 'action'}.${name}`;
  return key in MESSAGES ? ctx.t(key as TMessageKey) : action;
}

const withQuery = (path: string, query: Record<string, string>, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams({ ...query, ...extra });
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
};

/** Every mutating request, allowed or refused, newest first: filters, a page at a time, and the same rows as CSV. */
export function auditLogPage(ctx: PageContext, data: AuditLogPageData): SafeHtml {
  const { t } = ctx;
  const q = data.query;
  const filter = html`<form method="get" action="/audit/log" class="filter" id="audit-filter">
    ${TEXT_FILTERS.map(
      (name) =>
        html`<div>
          <label for="al-${name}">${t(`auditLog.${name}`)}</label
          ><input id="al-${name}" name="${name}" value="${q[name] ?? ''}" />
        </div>`,
    )}
    <div>
      <label for="al-outcome">${t('auditLog.outcome')}</label>
      <select id="al-outcome" name="outcome">
        <option value="">${t('inbox.all')}</option>
        ${AUDIT_OUTCOMES.map((o) => html`<option value="${o}" ${attr('selected', q.outcome === o)}>${t(`auditLog.outcome.${o}`)}</option>`)}
      </select>
    </div>
    <div>
      <label for="al-from">${t('auditLog.from')}</label
      ><input id="al-from" name="from" type="date" value="${q.from ?? ''}" />
    </div>
    <div>
      <label for="al-to">${t('auditLog.to')}</label
      ><input id="al-to" name="to" type="date" value="${q.to ?? ''}" />
    </div>
    <button type="submit">${t('inbox.filter')}</button>
  </form>`;
  const rows = data.entries.map(
    (e) =>
      html`<tr data-audit="${e.id}">
        <td>${e.id}</td>
        <td>${formatInstant(e.at, ctx.locale)}</td>
        <td>${nameOr(data.names, e.actorId)}</td>
        <td>
          ${actionWords(ctx, e.action)}<br /><small><code>${e.action}</code></small>
        </td>
        <td>${e.target ?? '–'}</td>
        <td>
          ${t(`auditLog.outcome.${e.outcome}` as TMessageKey)}
          (${e.status}${e.errorCode ? ` ${e.errorCode}` : ''})
        </td>
      </tr>`,
  );
  const body = html`${errorBanner(data.error)} ${filter}
    <p><a href="${withQuery('/audit/log.csv', q)}" download>${t('auditLog.csv')}</a></p>
    ${
      data.entries.length === 0
        ? html`<p class="empty">${t('auditLog.empty')}</p>`
        : dataTable({
            label: t('auditLog.title'),
            className: 'audit-log',
            headers: [
              '#',
              t('table.when'),
              t('auditLog.actor'),
              t('auditLog.action'),
              t('auditLog.target'),
              t('auditLog.outcome'),
            ],
            rows,
          })
    }
    ${data.next !== null && html`<p><a href="${withQuery('/audit/log', q, { before: String(data.next) })}">${t('auditLog.more')}</a></p>`}`;
  return layout(ctx, { title: t('auditLog.title'), nav: 'auditLog', body });
}
