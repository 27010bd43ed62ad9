import type { TStreamEvent } from '../../../domain/stream/events.types';
import type { TStreamState } from '../../../domain/stream/state.types';
import { teamMember } from '../../../domain/stream/team';
import type { PageContext } from '../context';
import { alertText } from '../alert-words';
import { formatInstant } from '../i18n';
import type { TMessageKey } from '../messages';

/** A person as the team knows them: the roster's name, else the id they signed in with. */
export function personName(state: TStreamState, id: string): string {
  if (id === 'system') return id;
  return teamMember(state, id)?.name ?? id;
}

const names = (state: TStreamState, ids: readonly string[]) =>
  ids.map((id) => personName(state, id)).join('、');

/**
 * What a notice key is about, in words: approvals (script:r2, product:SKU, checklist, review-signoff), their first
 * "waiting" notice, a blocked stream's reminders and fan previews by tier.
 */
function approvalWords(ctx: PageContext, key: string): string {
  if (key.startsWith('waiting:')) return approvalWords(ctx, key.slice('waiting:'.length));
  if (key.startsWith('fan_preview.'))
    return ctx.t('words.fanPreview', { tier: ctx.t(`words.fanTier.${key.split('.')[1]}` as TMessageKey) });
  const [kind, rest] = key.split(':');
  if (kind === 'script') return ctx.t('script.revision', { revision: (rest ?? '').replace(/^r/, '') });
  if (kind === 'product') return ctx.t('words.product', { sku: rest ?? '' });
  if (kind === 'checklist') return ctx.t('words.checklist');
  if (kind === 'review-signoff') return ctx.t('words.reviewSignoff');
  if (kind === 'blocked') return ctx.t('words.blocked');
  return key;
}

/** Text in CJK script is marked zh-CN, anything else en, so screen readers pronounce what was written as written. */
export function langOf(text: string): 'zh-CN' | 'en' {
  return /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : 'en';
}

/**
 * One timeline line in the reader's language, built from the stored event (history keeps its English one-liners for
 * auditors; people read this). What people typed (reasons, descriptions) is shown as they typed it.
 */
export function describeStreamEvent(ctx: PageContext, state: TStreamState, event: TStreamEvent): string {
  const { t } = ctx;
  const tz = state.plan.timeZone;
  const reason = (text: string | undefined) => (text ? t('words.because', { reason: text }) : '');
  switch (event.type) {
    case 'StreamPlanned':
      return t('ev.StreamPlanned', {
        title: event.plan.title,
        at: formatInstant(event.plan.scheduledStart, ctx.locale, tz),
      });
    case 'ScriptSubmitted':
      return t('ev.ScriptSubmitted', { revision: event.revision, segments: event.segments.length });
    case 'ScriptScanned':
      return t('ev.ScriptScanned', {
        revision: event.revision,
        count: event.findings.length + (event.truncated ?? 0),
      });
    case 'ScriptDecided':
      return (
        t('ev.ScriptDecided', { revision: event.revision, decision: t(`decision.${event.decision}`) }) +
        reason(event.reasons.join('; '))
      );
    case 'ProductsChecked':
      return t('ev.ProductsChecked', {
        count: event.results.length,
        bad: event.results.filter((r) => r.problems.length > 0).length,
      });
    case 'ProductDecided':
      return (
        t('ev.ProductDecided', { sku: event.sku, decision: t(`decision.${event.decision}`) }) +
        reason(event.reason)
      );
    case 'ProductDropped':
      return t('ev.ProductDropped', { sku: event.sku }) + reason(event.reason);
    case 'ProductAdded':
      return t('ev.ProductAdded', { sku: event.product.sku, name: event.product.name });
    case 'DocumentReplaced':
      return t('ev.DocumentReplaced', {
        sku: event.sku,
        document: t(`doc.${event.document}`),
        number: event.replacement.number,
        until: event.replacement.expiresOn,
      });
    case 'ReviewerAssigned':
      return t('ev.ReviewerAssigned', { name: event.member.name }) + reason(event.reason);
    case 'ReminderSent':
      return t('ev.ReminderSent', {
        who: names(state, event.to),
        what: approvalWords(ctx, event.approvalKey),
      });
    case 'ApprovalEscalated':
      return t('ev.ApprovalEscalated', {
        who: names(state, event.to),
        what: approvalWords(ctx, event.approvalKey),
      });
    case 'StreamBlocked':
      return t('ev.StreamBlocked');
    case 'StreamRescheduled':
      return (
        t('ev.StreamRescheduled', { at: formatInstant(event.scheduledStart, ctx.locale, tz) }) +
        reason(event.reason)
      );
    case 'PhaseEntered':
      return t('ev.PhaseEntered', { phase: t(`phase.${event.phase}`) });
    case 'ChecklistSigned':
      return t('ev.ChecklistSigned', { count: event.items.length });
    case 'ChecklistEscalated':
      return t('ev.ChecklistEscalated', { who: names(state, event.to) });
    case 'MetricsReceived':
      return t('ev.MetricsReceived', {
        count: event.count,
        source: event.source ? t(`source.${event.source}`) : '',
      });
    case 'AlertRaised':
      return alertText(ctx.t, event);
    case 'IncidentRecorded':
      return t('ev.IncidentRecorded', { kind: t(`option.kind.${event.kind}`) }) + reason(event.description);
    case 'StreamExtended':
      return t('ev.StreamExtended', { minutes: event.minutes }) + reason(event.reason);
    case 'StreamEndedEarly':
      return t('ev.StreamEndedEarly') + reason(event.reason);
    case 'Paused':
      return t('ev.Paused') + reason(event.reason);
    case 'Resumed':
      return t('ev.Resumed', { minutes: Math.round(event.pausedSeconds / 60) });
    case 'AdvancedNow':
      return (
        t('ev.AdvancedNow', { from: t(`phase.${event.from}`), to: t(`phase.${event.to}`) }) +
        reason(event.reason)
      );
    case 'Cancelled':
      return t('ev.Cancelled') + reason(event.reason);
    case 'ReviewReported':
      return t('ev.ReviewReported');
    case 'ReviewFailed':
      return t('ev.ReviewFailed');
    case 'ReviewRetryRequested':
      return t('ev.ReviewRetryRequested');
    case 'ReviewSignedOff':
      return t('ev.ReviewSignedOff');
    case 'ContinuedAsNew':
      return t('ev.ContinuedAsNew', { run: event.runNumber });
  }
}
