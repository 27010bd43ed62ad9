import { gateStatus } from '../../../domain/stream/selectors';
import { streamDeadlines } from '../../../domain/stream/deadlines';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, type HtmlValue } from '../html';
import type { TMessageKey } from '../messages';

/** Blocked: why (the gates still closed, in the reader's language) and what a manager may do about it. */
export function blockedBanner(ctx: PageContext, state: TStreamState): HtmlValue {
  if (state.phase !== 'blocked') return undefined;
  const { t } = ctx;
  const blockers = gateStatus(state).blockers.map((b) =>
    t(`blocker.${b.kind}` as TMessageKey, {
      revision: 'revision' in b ? b.revision : '',
      sku: 'sku' in b ? b.sku : '',
    }),
  );
  return html`<div class="banner bad" role="status" id="blocked-banner">
    <strong>${t('banner.blocked')}</strong> ${blockers.join('；')}
    <p>${t('banner.blockedNext')}</p>
  </div>`;
}

/**
 * Through the gates but not yet in preheat (preheat starts the plan's preheat lead before the live): when the
 * announcing begins, and that until then the stream may still change.
 */
export function preheatWaitBanner(ctx: PageContext, state: TStreamState): HtmlValue {
  if (state.phase !== 'compliance' || !gateStatus(state).passed) return undefined;
  const { t } = ctx;
  const at = formatInstant(streamDeadlines(state).preheatStart, ctx.locale, state.plan.timeZone);
  return html`<div class="banner info" role="status" id="preheat-wait-banner">
    <strong>${t('banner.gatesPassed')}</strong> ${t('banner.preheatStartsAt', { at })}
  </div>`;
}

/**
 * The pre-live checklist while it matters: unsigned in preheat (due when, and escalated to whom), and for as long as
 * it is true, that a stream went live without it.
 */
export function checklistBanner(ctx: PageContext, state: TStreamState): HtmlValue {
  const { t } = ctx;
  const { signedAt, escalatedAt } = state.checklist;
  if (signedAt !== undefined) return undefined;
  const tz = state.plan.timeZone;
  if (state.phase === 'preheat') {
    const due = streamDeadlines(state).checklistDue;
    return html`<div class="banner ${escalatedAt ? 'bad' : 'warn'}" role="status" id="checklist-banner">
      <strong>${t('banner.checklistUnsigned')}</strong>
      ${t('banner.checklistDue', { at: formatInstant(due, ctx.locale, tz) })}
      ${escalatedAt && t('banner.checklistEscalated', { at: formatInstant(escalatedAt, ctx.locale, tz) })}
    </div>`;
  }
  const wentLive = state.phaseEnteredAt.burst !== undefined;
  if (wentLive && ['burst', 'tail', 'review'].includes(state.phase)) {
    return html`<div class="banner bad" role="status" id="checklist-banner">
      <strong>${t('banner.liveUnsigned')}</strong>
      ${
        escalatedAt
          ? t('banner.liveUnsignedEscalated', { at: formatInstant(escalatedAt, ctx.locale, tz) })
          : t('banner.liveUnsignedNoDecision')
      }
    </div>`;
  }
  return undefined;
}
