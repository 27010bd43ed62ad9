import type { TAuditStateView } from '../../../domain/audit/audit-kind.types';
import type { TRunOverview } from '../../audit/workflow-audit';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

export interface TAuditStep {
  runId: string;
  runIndex: number;
  historyEventId: number;
  eventTime: string;
  label: string;
  actorId?: string;
  phase?: string;
}

export interface AuditWorkflowPageData {
  workflowId: string;
  kind: string;
  runs: TRunOverview[];
  steps: TAuditStep[];
  /** Index into steps of the point shown. */
  current: number;
  view: TAuditStateView | null;
}

const stepHref = (workflowId: string, step: TAuditStep) =>
  `/audit/workflows/${encodeURIComponent(workflowId)}?run=${encodeURIComponent(step.runId)}&event=${step.historyEventId}`;

function stateSection(ctx: PageContext, view: TAuditStateView | null): SafeHtml {
  const { t } = ctx;
  if (view === null) return html`<p class="empty">${t('audit.nothingYet')}</p>`;
  return html`<dl class="facts">
      <dt>${t('audit.phase')}</dt>
      <dd id="audit-phase">
        ${view.phase}${view.paused ? html` · <strong>${t('audit.paused')}</strong>` : ''}
      </dd>
      <dt>${t('audit.version')}</dt>
      <dd>${view.version}</dd>
      ${view.facts.map(
        (fact) =>
          html`<dt>${fact.label}</dt>
            <dd>${fact.value}</dd>`,
      )}
    </dl>
    <h3>${t('audit.pending')}</h3>
    ${
      view.pending.length === 0
        ? html`<p class="muted" id="audit-pending">${t('audit.noPending')}</p>`
        : html`<table id="audit-pending">
            <thead>
              <tr>
                <th scope="col">${t('audit.kind')}</th>
                <th scope="col">${t('audit.assignees')}</th>
                <th scope="col">${t('audit.due')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.pending.map(
                (item) =>
                  html`<tr>
                    <td>${item.key}</td>
                    <td>${item.assignees.join(', ')}</td>
                    <td>
                      ${formatInstant(item.dueAt, ctx.locale)}${item.escalated ? html` · ${t('audit.escalated')}` : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h3>${t('audit.deadlines')}</h3>
    <table id="audit-deadlines">
      <tbody>
        ${view.deadlines.map(
          (d) =>
            html`<tr>
              <th scope="row">${d.name}</th>
              <td>${formatInstant(d.at, ctx.locale)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * One workflow, step by step: every point where its state changed (a run's start, each shipment of domain events), and
 * at the chosen point the state the reducer rebuilds from the history, its pending items and its deadlines.
 */
export function auditWorkflowPage(ctx: PageContext, data: AuditWorkflowPageData): SafeHtml {
  const { t } = ctx;
  const step = data.steps[data.current];
  const previous = data.steps[data.current - 1];
  const next = data.steps[data.current + 1];
  const id = encodeURIComponent(data.workflowId);
  const nav = html`<p class="stepper">
    ${previous ? html`<a href="${stepHref(data.workflowId, previous)}" rel="prev">← ${t('audit.previous')}</a>` : ''}
    ${step ? html`<strong>${t('audit.stepAt', { eventId: step.historyEventId, time: formatInstant(step.eventTime, ctx.locale) })}</strong>` : ''}
    ${next ? html`<a href="${stepHref(data.workflowId, next)}" rel="next">${t('audit.next')} →</a>` : ''}
  </p>`;
  const runs = html`<ol class="runs">
    ${data.runs.map(
      (run, n) =>
        html`<li>
          <code>${run.runId}</code> · ${run.status} · ${run.historyLength} ${t('audit.events')}
          ${
            run.carriedStateMatches === undefined
              ? ''
              : html` ·
                  <span class="${run.carriedStateMatches ? 'good' : 'bad'}"
                    >${t(run.carriedStateMatches ? 'audit.carried' : 'audit.carriedMismatch')}</span
                  >`
          }
          ${run.problems.map((problem) => html`<br /><span class="bad">${problem}</span>`)} ·
          <a href="/api/audit/workflows/${id}/runs/${encodeURIComponent(run.runId)}/history"
            >${t('audit.historyJson', { n: n + 1 })}</a
          >
        </li>`,
    )}
  </ol>`;
  const steps = html`<ol class="timeline" id="audit-steps">
    ${data.steps.map(
      (s, index) =>
        html`<li${index === data.current ? html` aria-current="step" class="current"` : ''}>
          <a href="${stepHref(data.workflowId, s)}">#${s.historyEventId}</a>
          <small>${formatInstant(s.eventTime, ctx.locale)}</small> ${s.label}${s.actorId ? html` <small>(${s.actorId})</small>` : ''}
        </li>`,
    )}
  </ol>`;
  const stateLink = step
    ? `/api/audit/workflows/${id}/state?runId=${encodeURIComponent(step.runId)}&eventId=${step.historyEventId}`
    : '';
  const body = html`<p><code>${data.workflowId}</code> · ${data.kind}</p>
    ${runs}
    <p>
      ${t('audit.downloads')}:
      <a href="/api/audit/workflows/${id}/timeline?format=csv">${t('audit.timelineCsv')}</a> ·
      <a href="/api/audit/export?workflowId=${id}">${t('audit.exportOne')}</a>
      ${stateLink ? html` · <a href="${stateLink}">${t('audit.stateJson')}</a>` : ''}
    </p>
    ${nav}
    <div class="audit-columns">
      <section aria-labelledby="audit-state-h">
        <h2 id="audit-state-h">${t('audit.state')}</h2>
        ${stateSection(ctx, data.view)}
      </section>
      <section aria-labelledby="audit-steps-h">
        <h2 id="audit-steps-h">${t('audit.steps')}</h2>
        ${steps}
      </section>
    </div>`;
  return layout(ctx, { title: `${t('audit.title')} · ${data.workflowId}`, nav: 'audit', body });
}
