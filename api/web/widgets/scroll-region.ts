import { html, type HtmlValue, type SafeHtml } from '../html';

/**
 * A wide table inside a box that scrolls on its own, so a phone (390 px) never scrolls the whole page sideways. The box
 * is a labelled, focusable region: keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function scrollRegion(label: string, content: HtmlValue): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">${content}</div>`;
}

/** A table of rows under column headings, its caption for screen readers, in a scroll region of the same name. */
export function dataTable(o: {
  label: string;
  className: string;
  headers: readonly string[];
  rows: HtmlValue;
}): SafeHtml {
  return scrollRegion(
    o.label,
    html`<table class="${o.className}">
      <caption class="sr-only">
        ${o.label}
      </caption>
      <thead>
        <tr>
          ${o.headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${o.rows}
      </tbody>
    </table>`,
  );
}
