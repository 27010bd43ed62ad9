import type { TAuditChainReport } from '../../audit/audit-chain';
import type { TReplayReport } from '../../audit/audit-service';
import type { TWorkflowSummary } from '../../audit/audit.types';
import { AUDIT_KIND_NAMES } from '../../audit/workflow-kinds';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { attr, html, type HtmlValue, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { PageError } from '../refusal';

export interface TAuditFilter {
  kind?: string;
  phase?: string;
  owner?: string;
  startedFrom?: string;
  startedTo?: string;
}

export interface AuditPageData {
  chain: TAuditChainReport;
  filter: TAuditFilter;
  workflows: TWorkflowSummary[];
  more: boolean;
  picked: string[];
  replay?: TReplayReport;
  error?: PageError;
}

function chainBanner(ctx: PageContext, chain: TAuditChainReport): SafeHtml {
  return chain.ok
    ? html`<p class="notice" id="audit-chain">
        ${ctx.t('audit.chainOk', { rows: chain.rows, id: chain.head.id, hash: chain.head.hash.slice(0, 16) })}
      </p>`
    : html`<div class="error" role="alert" id="audit-chain">
        ${ctx.t('audit.chainBroken', { id: chain.firstBroken!.id, message: chain.firstBroken!.message })}
      </div>`;
}

function filterForm(ctx: PageContext, filter: TAuditFilter): SafeHtml {
  const { t } = ctx;
  const field = (name: keyof TAuditFilter, label: string, placeholder = '') =>
    html`<label for="a-${name}">${label}</label
      ><input id="a-${name}" name="${name}" value="${filter[name] ?? ''}" placeholder="${placeholder}" />`;
  return html`<form method="get" action="/audit" class="filter" aria-label="${t('audit.find')}">
    <label for="a-kind">${t('audit.kind')}</label>
    <select id="a-kind" name="kind">
      <option value="">–</option>
      ${AUDIT_KIND_NAMES.map((k) => html`<option value="${k}" ${attr('selected', filter.kind === k)}>${k}</option>`)}
    </select>
    ${field('phase', t('audit.phase'))} ${field('owner', t('audit.owner'))}
    ${field('startedFrom', t('audit.startedFrom'), '2026-12-01T00:00:00+08:00')}
    ${field('startedTo', t('audit.startedTo'), '2026-12-31T00:00:00+08:00')}
    <button type="submit">${t('audit.search')}</button>
  </form>`;
}

function exportQuery(filter: TAuditFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return `/api/audit/export?${query.toString()}`;
}

function replayResults(ctx: PageContext, report: TReplayReport): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="replay-results" id="replay">
    <h2 id="replay-results">${t('audit.results')}</h2>
    <p class="${report.ok ? 'good' : 'bad'}">
      ${t('audit.replaySummary', { replayed: report.replayed, failed: report.failed })}
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('audit.workflow')}</th>
          <th scope="col">${t('audit.run')}</th>
          <th scope="col">${t('audit.events')}</th>
          <th scope="col">${t('audit.status')}</th>
        </tr>
      </thead>
      <tbody>
        ${report.results.map(
          (r) =>
            html`<tr class="${r.ok ? 'replay-ok' : 'replay-failed'}">
              <td>${r.workflowId}</td>
              <td><code>${r.runId}</code></td>
              <td>${r.events}</td>
              <td>
                ${
                  r.ok
                    ? t('audit.replayOk')
                    : html`<strong class="bad"
                          >${
                            r.error?.eventId === undefined
                              ? t('audit.replayError')
                              : t('audit.replayFailed', {
                                  eventId: r.error.eventId,
                                  eventType: r.error.eventType ?? '',
                                })
                          }</strong
                        >
                        <details>
                          <summary>${r.error?.kind}</summary>
                          <pre>${r.error?.message}</pre>
                        </details>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function workflowTable(ctx: PageContext, data: AuditPageData): HtmlValue {
  const { t } = ctx;
  if (data.workflows.length === 0) return html`<p class="empty">${t('audit.none')}</p>`;
  return html`<form method="post" action="/audit/replay">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    <table id="audit-workflows">
      <thead>
        <tr>
          <th scope="col">${t('audit.pick')}</th>
          <th scope="col">${t('audit.workflow')}</th>
          <th scope="col">${t('audit.kind')}</th>
          <th scope="col">${t('audit.phase')}</th>
          <th scope="col">${t('audit.status')}</th>
          <th scope="col">${t('audit.started')}</th>
          <th scope="col"></th>
        </tr>
      </thead>
      <tbody>
        ${data.workflows.map(
          (w) =>
            html`<tr>
              <td>
                <input
                  type="checkbox"
                  name="workflowId"
                  value="${w.workflowId}"
                  aria-label="${w.workflowId}"
                  ${attr('checked', data.picked.includes(w.workflowId))}
                />
              </td>
              <td>
                ${w.title ?? ''}<br /><small><code>${w.workflowId}</code></small>
              </td>
              <td>${w.kind}</td>
              <td>${w.phase ?? '–'}</td>
              <td>${w.status}</td>
              <td>${formatInstant(w.startTime, ctx.locale)}</td>
              <td>
                <a href="/audit/workflows/${encodeURIComponent(w.workflowId)}">${t('audit.inspect')}</a> ·
                <a href="/api/audit/export?workflowId=${encodeURIComponent(w.workflowId)}"
                  >${t('audit.exportOne')}</a
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${data.more && html`<p class="muted">${t('audit.more')}</p>`}
    <p>
      <button type="submit">${t('audit.replay')}</button>
      <a href="${exportQuery(data.filter)}">${t('audit.exportAll')}</a>
    </p>
  </form>`;
}

/** The auditor's page: the chain's state, workflows found through visibility, replay of the picked ones, exports. */
export function auditPage(ctx: PageContext, data: AuditPageData): SafeHtml {
  const body = html`${chainBanner(ctx, data.chain)}${errorBanner(data.error)}
  ${data.replay && replayResults(ctx, data.replay)} ${filterForm(ctx, data.filter)}
  ${workflowTable(ctx, data)}`;
  return layout(ctx, { title: ctx.t('audit.title'), nav: 'audit', body });
}
