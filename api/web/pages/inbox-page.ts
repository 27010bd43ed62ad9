import type { TStreamState } from '../../../domain/stream/state.types';
import type { ApprovalItem } from '../../services/streams';
import { decideProductForms, decideScriptForm, otherActionForm, signChecklistForm } from '../action-forms';
import { allowedActions } from '../allowed-actions';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { html, type HtmlValue, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import { productDocumentsView } from '../product-view';
import { scriptRevisionView } from '../script-view';
import { doneBanner } from './stream-page';

export interface InboxData {
  items: ApprovalItem[];
  states: Map<string, TStreamState>;
  error?: string;
  done?: string;
}

function itemBody(ctx: PageContext, item: ApprovalItem, state: TStreamState): HtmlValue {
  const o = { ctx, state, returnTo: '/inbox' };
  const allowed = allowedActions(state, ctx.actor);
  const notMine = html`<p class="muted">${ctx.t('inbox.notYours')}</p>`;
  switch (item.kind) {
    case 'script': {
      const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
      return html`${current && scriptRevisionView(current, ctx.locale, ctx.t)}
      ${allowed.includes('decide-script') ? decideScriptForm(o) : notMine}`;
    }
    case 'product': {
      const sku = item.key.slice('product:'.length);
      const product = state.plan.products.find((p) => p.sku === sku);
      return html`${product && productDocumentsView(product, state.products[sku], ctx.t)}
      ${allowed.includes('decide-product') ? decideProductForms(o, sku) : notMine}`;
    }
    case 'checklist':
      return allowed.includes('sign-checklist') ? signChecklistForm(o) : notMine;
    case 'review_signoff':
      return allowed.includes('sign-review') ? otherActionForm(o, 'sign-review') : notMine;
  }
}

/** What waits for me: each item with its evidence (the marked script, the documents) and the decision buttons. */
export function inboxPage(ctx: PageContext, data: InboxData): SafeHtml {
  const { t } = ctx;
  const byStream = new Map<string, ApprovalItem[]>();
  for (const item of data.items) byStream.set(item.streamId, [...(byStream.get(item.streamId) ?? []), item]);
  const sections = [...byStream.entries()].map(([streamId, items]) => {
    const state = data.states.get(streamId);
    if (!state) return undefined;
    const tz = state.plan.timeZone;
    return html`<section class="inbox-stream" aria-labelledby="s-${streamId}">
      <h2 id="s-${streamId}">
        <a href="/streams/${encodeURIComponent(streamId)}">${state.plan.title}</a>
        <span class="phase phase-${state.phase}">${t(`phase.${state.phase}`)}</span>
      </h2>
      ${items.map(
        (item) =>
          html`<article class="inbox-item" data-key="${item.key}" aria-labelledby="i-${streamId}-${item.key}">
            <h3 id="i-${streamId}-${item.key}">${t(`approval.${item.kind}`)} <code>${item.key}</code></h3>
            <p class="meta">
              ${t('pending.due')} ${countdown(ctx, item.dueAt, tz)} ·
              ${t('pending.reminders', { count: item.remindersSent })}${item.escalated ? html` · <strong class="bad">${t('pending.escalated')}</strong>` : ''}
            </p>
            ${itemBody(ctx, item, state)}
          </article>`,
      )}
    </section>`;
  });
  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.done)}
  ${data.items.length === 0 ? html`<p class="empty">${t('inbox.empty')}</p>` : sections}`;
  return layout(ctx, { title: t('inbox.title'), nav: 'inbox', body });
}
