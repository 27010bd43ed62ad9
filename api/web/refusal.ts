import type { DomainError } from '../../domain/shared/errors';
import type { AnonymousContext } from './context';
import { html, type SafeHtml } from './html';
import type { TMessageKey } from './messages';

/** What a page shows in its error banner: plain text of ours, or a refusal worded by `refusal`. */
export type PageError = string | SafeHtml;

/**
 * A refusal in the reader's language: what kind of refusal it is (from its code), and the domain's own sentence, which
 * names the revision, product or rule concerned, one click away and marked as English.
 */
export function refusal(ctx: AnonymousContext, error: Pick<DomainError, 'code' | 'message'>): SafeHtml {
  return html`${ctx.t(`refusal.${error.code}` as TMessageKey)}
    <details class="refusal-detail">
      <summary>${ctx.t('refusal.detail')}</summary>
      <span lang="en">${error.message}</span>
    </details>`;
}
