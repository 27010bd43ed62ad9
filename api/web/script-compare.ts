import type { TScriptRevision } from '../../domain/stream/state.types';
import type { PageContext } from './context';
import { html, type HtmlValue, type SafeHtml } from './html';
import type { TMessageKey } from './messages';
import { diffText, type TDiffPart } from './widgets/text-diff';

function diffView(parts: readonly TDiffPart[]): SafeHtml {
  return html`${parts.map((part) =>
    part.kind === 'same'
      ? part.text
      : part.kind === 'removed'
        ? html`<del class="diff">${part.text}</del>`
        : html`<ins class="diff">${part.text}</ins>`,
  )}`;
}

/**
 * The reviewer's compare view: why the previous revision was rejected, then what changed since, segment by segment
 * (added and removed segments too), so a re-review reads the edit rather than the whole script again.
 */
export function scriptCompare(
  ctx: PageContext,
  previous: TScriptRevision | undefined,
  current: TScriptRevision,
): HtmlValue {
  if (previous === undefined) return undefined;
  const { t } = ctx;
  const ids = [...new Set([...previous.segments.map((s) => s.id), ...current.segments.map((s) => s.id)])];
  const changed = ids.flatMap((id) => {
    const before = previous.segments.find((s) => s.id === id);
    const after = current.segments.find((s) => s.id === id);
    if (before?.text === after?.text) return [];
    const kind = (after ?? before)!.kind;
    return [
      html`<div class="diff-seg" data-segment="${id}">
        <span class="seg-kind">${t(`segment.${kind}` as TMessageKey)} (${id})</span>
        <p class="seg-text" lang="zh-CN">${diffView(diffText(before?.text ?? '', after?.text ?? ''))}</p>
      </div>`,
    ];
  });
  const decision = previous.decision;
  return html`<div class="compare" id="script-compare">
    <h3>${t('compare.heading', { from: previous.revision, to: current.revision })}</h3>
    ${
      decision &&
      decision.decision === 'rejected' &&
      html`<div class="banner warn" id="previous-rejection">
        <strong>${t('compare.rejectedBecause', { revision: previous.revision })}</strong>
        <ul>
          ${decision.reasons.map((reason) => html`<li>${reason}</li>`)}
        </ul>
      </div>`
    }
    ${changed.length === 0 ? html`<p class="muted">${t('compare.noChange')}</p>` : changed}
  </div>`;
}
