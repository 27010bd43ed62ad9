import { html, type HtmlValue, type SafeHtml } from '../html';

/**
 * A wide table inside a box that scrolls on its own, so a phone (390 px) never scrolls the whole page sideways. The box
 * is a labelled, focusable region: keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function scrollRegion(label: string, content: HtmlValue): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">${content}</div>`;
}
