import { hasAnyRole, type TActor } from '../../../domain/shared/actor.types';
import { STREAM_ACTIONS, type TStreamActionDef } from '../../../domain/stream/actions';
import { CAMPAIGN_ACTIONS } from '../../../domain/campaign/actions';
import type { PendingWorkItem } from '../../services/stream-lists';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { TMessageKey } from '../messages';
import { doneBanner } from './stream-page';
import type { PageError } from '../refusal';

export interface InboxData {
  items: PendingWorkItem[];
  nextCursor: string | null;
  error?: PageError;
  done?: string;
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

/** What waits for me: one row per item, soonest due first, each linking to the form that settles it. */
export function inboxPage(ctx: PageContext, data: InboxData): SafeHtml {
  const { t } = ctx;
  const rows = data.items.map((item) => {
    const action = settlingAction(item, ctx.actor);
    const anchor =
      action === undefined ? '' : `#act-${action.name}${item.subject.sku ? `-${item.subject.sku}` : ''}`;
    const page = `/${item.workflowKind === 'campaign' ? 'campaigns' : 'streams'}/${encodeURIComponent(item.workflowId)}`;
    const href = `${page}${anchor}`;
    const label = item.workflowKind === 'campaign' ? 'campaignAction' : 'action';
    return html`<li class="inbox-item" data-key="${item.key}" data-stream="${item.workflowId}">
      <p class="what">
        <strong>${t(`approval.${item.kind}` as TMessageKey)}</strong> · ${subjectText(ctx, item)}
        ${item.relation !== 'assignee' && html`<span class="tag">${t(`inbox.relation.${item.relation}` as TMessageKey)}</span>`}
      </p>
      <p class="meta">
        <a href="${page}">${item.workflowTitle}</a> · ${t('pending.due')}
        ${countdown(ctx, item.dueAt, item.timeZone)} ·
        ${t('pending.reminders', { count: item.remindersSent })}${item.escalated ? html` · <strong class="bad">${t('pending.escalated')}</strong>` : ''}
      </p>
      <p>
        <a class="button" href="${href}"
          >${action === undefined ? t('inbox.open') : t(`${label}.${action.name}` as TMessageKey)}</a
        >
      </p>
    </li>`;
  });
  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.done)}
  ${
    data.items.length === 0
      ? html`<p class="empty">${t('inbox.empty')}</p>`
      : html`<ul class="inbox">
          ${rows}
        </ul>`
  }
  ${data.nextCursor !== null && html`<p><a href="/inbox?cursor=${encodeURIComponent(data.nextCursor)}">${t('inbox.more')}</a></p>`}`;
  return layout(ctx, { title: t('inbox.title'), nav: 'inbox', body, refreshSeconds: 60 });
}
