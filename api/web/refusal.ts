import type { AnonymousContext } from './context';
import { html, type SafeHtml } from './html';
import { MESSAGES, type TMessageKey } from './messages';

/** What a page shows in its error banner: plain text of ours, or a refusal worded by `refusal`. */
export type PageError = string | SafeHtml;

/**
 * A refusal in the reader's language: what kind of refusal it is (from its code), and the domain's own sentence, which
 * names the revision, product or rule concerned, one click away and marked as English.
 */
export function refusal(ctx: AnonymousContext, error: { code: string; message: string }): SafeHtml {
  const key = `refusal.${error.code}`;
  return html`${ctx.t(key in MESSAGES ? (key as TMessageKey) : 'refusal.generic')}
    <details class="refusal-detail">
      <summary>${ctx.t('refusal.detail')}</summary>
      <span lang="en">${error.message}</span>
    </details>`;
}
