import { hasAnyRole } from '../../../domain/shared/actor.types';
import { CREATE_CAMPAIGN_ROLES } from '../../../domain/campaign/actions';
import type { CampaignSummary } from '../../services/campaign-lists';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import type { TMessageKey } from '../messages';

/** The board's columns: what is moving now first, then what waits, then history. */
const COLUMNS = [
  'burst',
  'preheat',
  'scheduled',
  'approval',
  'blocked',
  'tail',
  'review',
  'completed',
  'cancelled',
];

/** Every campaign as a card in its phase's column: name, windows, streams, what waits and what comes next. */
export function campaignBoardPage(
  ctx: PageContext,
  data: { campaigns: CampaignSummary[]; nextCursor: string | null },
): SafeHtml {
  const { t } = ctx;
  const columns = COLUMNS.map((phase) => ({
    phase,
    items: data.campaigns.filter((c) => c.phase === phase),
  })).filter((column) => column.items.length > 0);
  const card = (c: CampaignSummary) =>
    html`<li class="card">
      <a href="/campaigns/${encodeURIComponent(c.id)}"><strong>${c.name}</strong></a>
      <p class="muted">
        ${formatInstant(c.windows.preheatStart, ctx.locale, c.timeZone)}<br />
        ${t('cphase.burst')} ${formatInstant(c.windows.burstStart, ctx.locale, c.timeZone)}
      </p>
      <p>
        ${t('campaigns.streams')} ${c.streams} · ${t('campaigns.pending')} ${c.pendingItems}
        ${c.paused && html` <span class="tag">${t('stream.paused')}</span>`}
        ${c.closedAs !== null && html` <span class="tag">${t('words.closedOutside', { status: c.closedAs })}</span>`}
      </p>
      ${c.nextDeadline && html`<p>${t('campaigns.next')}: ${countdown(ctx, c.nextDeadline.at, c.timeZone, c.paused)}</p>`}
    </li>`;
  const body = html`${
    hasAnyRole(ctx.actor, CREATE_CAMPAIGN_ROLES) &&
    html`<p><a class="button" href="/campaigns/new">${t('campaigns.create')}</a></p>`
  }
  ${
    columns.length === 0
      ? html`<p class="empty">${t('campaigns.empty')}</p>`
      : html`<div class="board">
          ${columns.map(
            (column) =>
              html`<section class="column" aria-labelledby="col-${column.phase}">
                <h2 id="col-${column.phase}">
                  <span class="phase cphase-${column.phase}"
                    >${t(`cphase.${column.phase}` as TMessageKey)}</span
                  >
                  <span class="count">${column.items.length}</span>
                </h2>
                <ul class="cards">
                  ${column.items.map(card)}
                </ul>
              </section>`,
          )}
        </div>`
  }
  ${
    data.nextCursor !== null &&
    html`<p><a href="/campaigns?cursor=${encodeURIComponent(data.nextCursor)}">${t('campaigns.more')}</a></p>`
  }`;
  return layout(ctx, { title: t('campaigns.title'), nav: 'campaigns', body, refreshSeconds: 60 });
}
