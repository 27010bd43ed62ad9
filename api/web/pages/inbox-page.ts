import { hasAnyRole, type TActor } from '../../../domain/shared/actor.types';
import { STREAM_ACTIONS, type TStreamActionDef } from '../../../domain/stream/actions';
import { CAMPAIGN_ACTIONS } from '../../../domain/campaign/actions';
import type { DoneItem } from '../../services/done-by';
import type { PendingWorkItem } from '../../services/stream-lists';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { formatInstant } from '../i18n';
import { attr, html, type HtmlValue, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { MESSAGES, type TMessageKey } from '../messages';
import type { PageError } from '../refusal';
import type { WorkflowTitle } from '../workflow-titles';
import { doneBanner } from './stream-page';

export interface InboxFilter {
  kind?: string;
  workflowId?: string;
  overdue?: boolean;
}

export interface InboxData {
  items: PendingWorkItem[];
  nextCursor: string | null;
  filter: InboxFilter;
  /** Kinds the filter offers, and the workflows with something waiting for me (for the stream filter). */
  kinds: readonly string[];
  workflows: ReadonlyArray<{ id: string; title: string }>;
  done: readonly DoneItem[];
  titles: ReadonlyMap<string, WorkflowTitle>;
  error?: PageError;
  /** An action just taken (its name), or the outcome of a bulk approval. */
  flash?: string;
  bulk?: { approved: number; refused: ReadonlyArray<{ label: string; reason: PageError }> };
}

/**
 * The action that settles an item for this person, as far as it can be told without the stream's state: the first
 * entry settling the item's kind whose application role the person holds (a reviewer decides a script; a manager an
 * escalated one assigns a reviewer). The stream page then shows exactly what they may do.
 */
function settlingAction(
  item: PendingWorkItem,
  actor: TActor,
): Pick<TStreamActionDef, 'name' | 'who' | 'settles'> | undefined {
  const registry: ReadonlyArray<Pick<TStreamActionDef, 'name' | 'who' | 'settles'>> =
    item.workflowKind === 'campaign' ? CAMPAIGN_ACTIONS : STREAM_ACTIONS;
  const candidates = registry.filter((def) => def.settles?.includes(item.kind));
  const byRole = candidates.find((def) =>
    def.who.some(
      (clause) => !('owner' in clause) && clause.appRole !== undefined && hasAnyRole(actor, [clause.appRole]),
    ),
  );
  return byRole ?? candidates[0];
}

function subjectText(ctx: PageContext, item: PendingWorkItem): string {
  const { revision, sku, name, reason } = item.subject;
  if (sku !== undefined) return `${name ?? sku} (${sku})`;
  if (revision !== undefined) return ctx.t('script.revision', { revision }) + (reason ? ` · ${reason}` : '');
  return reason ?? '';
}

/** The value a bulk approval posts for a product item. */
export const bulkValue = (item: Pick<PendingWorkItem, 'workflowId' | 'subject'>) =>
  `${item.workflowId} ${item.subject.sku ?? ''}`;

function itemRow(ctx: PageContext, item: PendingWorkItem): SafeHtml {
  const { t } = ctx;
  const action = settlingAction(item, ctx.actor);
  const anchor =
    action === undefined ? '' : `#act-${action.name}${item.subject.sku ? `-${item.subject.sku}` : ''}`;
  const page = `/${item.workflowKind === 'campaign' ? 'campaigns' : 'streams'}/${encodeURIComponent(item.workflowId)}`;
  const label = item.workflowKind === 'campaign' ? 'campaignAction' : 'action';
  const overdue = Date.parse(item.dueAt) < Date.now();
  const bulk = item.kind === 'product' && action?.name === 'decide-product';
  const checkId = `bulk-${item.workflowId}-${item.subject.sku ?? ''}`;
  return html`<li
    class="inbox-item${overdue ? ' overdue' : ''}"
    data-key="${item.key}"
    data-stream="${item.workflowId}"
  >
    <p class="what">
      ${
        bulk &&
        html`<input
            type="checkbox"
            name="items"
            value="${bulkValue(item)}"
            id="${checkId}"
            form="bulk-products"
          />
          <label for="${checkId}" class="sr-only"
            >${t('inbox.bulkPick', { what: subjectText(ctx, item) })}</label
          >`
      }
      <strong>${t(`approval.${item.kind}` as TMessageKey)}</strong> · ${subjectText(ctx, item)}
      ${item.relation !== 'assignee' && html`<span class="tag">${t(`inbox.relation.${item.relation}` as TMessageKey)}</span>`}
      ${overdue && html`<span class="tag bad">${t('inbox.overdue')}</span>`}
    </p>
    <p class="meta">
      <a href="${page}">${item.workflowTitle}</a> · ${t('pending.due')}
      ${countdown(ctx, item.dueAt, item.timeZone)} ·
      ${t('pending.reminders', { count: item.remindersSent })}${item.escalated ? html` · <strong class="bad">${t('pending.escalated')}</strong>` : ''}
    </p>
    <p>
      <a class="button" href="${page}${anchor}"
        >${action === undefined ? t('inbox.open') : t(`${label}.${action.name}` as TMessageKey)}</a
      >
    </p>
  </li>`;
}

function filterForm(ctx: PageContext, data: InboxData): SafeHtml {
  const { t } = ctx;
  const f = data.filter;
  return html`<form method="get" action="/inbox" class="filter" id="inbox-filter">
    <div>
      <label for="i-stream">${t('inbox.filterStream')}</label>
      <select id="i-stream" name="workflowId">
        <option value="">${t('inbox.all')}</option>
        ${data.workflows.map((w) => html`<option value="${w.id}" ${attr('selected', f.workflowId === w.id)}>${w.title}</option>`)}
      </select>
    </div>
    <div>
      <label for="i-kind">${t('inbox.filterKind')}</label>
      <select id="i-kind" name="kind">
        <option value="">${t('inbox.all')}</option>
        ${data.kinds.map((k) => html`<option value="${k}" ${attr('selected', f.kind === k)}>${t(`approval.${k}` as TMessageKey)}</option>`)}
      </select>
    </div>
    <div class="check">
      <input
        type="checkbox"
        id="i-overdue"
        name="overdue"
        value="true"
        ${attr('checked', f.overdue === true)}
      /><label for="i-overdue">${t('inbox.filterOverdue')}</label>
    </div>
    <button type="submit">${t('inbox.filter')}</button>
  </form>`;
}

function bulkResult(ctx: PageContext, bulk: InboxData['bulk']): HtmlValue {
  if (bulk === undefined) return undefined;
  return html`<div class="${bulk.refused.length > 0 ? 'error' : 'done'}" role="status" id="bulk-result">
    ${ctx.t('inbox.bulkApproved', { count: bulk.approved })}
    ${
      bulk.refused.length > 0 &&
      html`<ul>
        ${bulk.refused.map((r) => html`<li>${r.label}: ${r.reason}</li>`)}
      </ul>`
    }
  </div>`;
}

function doneList(ctx: PageContext, data: InboxData): SafeHtml {
  const { t } = ctx;
  const label = (type: string) => (`event.${type}` in MESSAGES ? t(`event.${type}` as TMessageKey) : type);
  return html`<section aria-labelledby="s-done">
    <h2 id="s-done">${t('inbox.doneByMe')}</h2>
    ${
      data.done.length === 0
        ? html`<p class="muted">${t('inbox.doneNone')}</p>`
        : html`<ul class="done-list">
            ${data.done.map((d) => {
              const where = data.titles.get(d.workflowId);
              return html`<li>
                ${formatInstant(d.at, ctx.locale)} · <strong>${label(d.type)}</strong> ·
                <a href="${where?.path ?? `/streams/${encodeURIComponent(d.workflowId)}`}"
                  >${where?.title ?? d.workflowId}</a
                >
              </li>`;
            })}
          </ul>`
    }
  </section>`;
}

/** What waits for me: one row per item, overdue and soonest due first, each linking to the form that settles it. */
export function inboxPage(ctx: PageContext, data: InboxData): SafeHtml {
  const { t } = ctx;
  const products = data.items.filter((item) => item.kind === 'product');
  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.flash)} ${bulkResult(ctx, data.bulk)}
  ${filterForm(ctx, data)}
  ${
    data.items.length === 0
      ? html`<p class="empty">${t('inbox.empty')}</p>`
      : html`<ul class="inbox">
          ${data.items.map((item) => itemRow(ctx, item))}
        </ul>`
  }
  ${
    products.length > 0 &&
    html`<form method="post" action="/inbox/approve-products" id="bulk-products" class="bulk">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <p>${t('inbox.bulkHint')}</p>
      <div class="buttons"><button type="submit">${t('inbox.bulkApprove')}</button></div>
    </form>`
  }
  ${data.nextCursor !== null && html`<p><a href="/inbox?cursor=${encodeURIComponent(data.nextCursor)}">${t('inbox.more')}</a></p>`}
  ${doneList(ctx, data)}`;
  return layout(ctx, { title: t('inbox.title'), nav: 'inbox', body, refreshSeconds: 60 });
}
