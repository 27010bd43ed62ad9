import { rolesFor } from '../../../domain/shared/app-permissions';
import { hasAnyRole } from '../../../domain/shared/actor.types';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { TRunOverview } from '../../audit/workflow-audit';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { MESSAGES, type TMessageKey } from '../messages';
import type { TStoredTimelineEntry } from '../read-model';
import { temporalRunUrl } from '../temporal-ui';
import { dataTable } from '../widgets/scroll-region';
import { domainTimeline } from './stream-sections';

export interface HistoryPageData {
  state: TStreamState;
  /** The workflow's runs (continue-as-new), or undefined when Temporal no longer has the history. */
  runs: readonly TRunOverview[] | undefined;
  timeline: { entries: TStoredTimelineEntry[]; total: number };
  /** Temporal's web UI, when liveops knows where it is (the embedded dev server). */
  temporalUi: { base: string; namespace: string } | undefined;
}

function runsTable(ctx: PageContext, data: HistoryPageData): SafeHtml {
  const { t } = ctx;
  const id = data.state.streamId;
  if (data.runs === undefined) return html`<p class="muted">${t('history.runsUnavailable')}</p>`;
  return dataTable({
    label: t('history.runs'),
    className: 'runs',
    headers: [
      t('history.run'),
      t('history.started'),
      t('history.status'),
      t('history.events'),
      t('history.temporal'),
    ],
    rows: html`${data.runs.map(
      (run, index) =>
        html`<tr data-run="${run.runId}">
          <td>
            ${index + 1}<br /><small><code>${run.runId}</code></small>
          </td>
          <td>${formatInstant(run.startTime, ctx.locale, data.state.plan.timeZone)}</td>
          <td>
            ${`runStatus.${run.status}` in MESSAGES ? t(`runStatus.${run.status}` as TMessageKey) : run.status}
          </td>
          <td>${run.historyLength}</td>
          <td>
            ${
              data.temporalUi === undefined
                ? t('history.noTemporalUi')
                : html`<a
                    class="temporal-link"
                    href="${temporalRunUrl(data.temporalUi.base, data.temporalUi.namespace, id, run.runId)}"
                    target="_blank"
                    rel="noopener"
                    >${t('history.openInTemporal')}</a
                  >`
            }
          </td>
        </tr>`,
    )}`,
  });
}

/** A stream's whole history: every domain event in the reader's language, its runs, and Temporal's UI for each. */
export function historyPage(ctx: PageContext, data: HistoryPageData): SafeHtml {
  const { t } = ctx;
  const path = `/streams/${encodeURIComponent(data.state.streamId)}`;
  const auditor = hasAnyRole(ctx.actor, rolesFor('audit'));
  const body = html`<p><a href="${path}">${t('review.backToStream', { title: data.state.plan.title })}</a></p>
    <section aria-labelledby="s-runs">
      <h2 id="s-runs">${t('history.runs')}</h2>
      ${runsTable(ctx, data)}
      ${
        auditor &&
        html`<p>
          <a href="/audit/workflows/${encodeURIComponent(data.state.streamId)}"
            >${t('history.stepThrough')}</a
          >
          ·
          <a href="/api/streams/${encodeURIComponent(data.state.streamId)}/history">${t('history.json')}</a>
        </p>`
      }
    </section>
    <section aria-labelledby="s-all-events">
      <h2 id="s-all-events">${t('history.events')}</h2>
      ${domainTimeline(ctx, data.state, data.timeline)}
    </section>`;
  return layout(ctx, { title: t('history.title', { title: data.state.plan.title }), nav: 'none', body });
}
