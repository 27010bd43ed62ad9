import { html, type HtmlValue, type SafeHtml } from '../html';

/** A captioned table of rows with column headers, or the empty text when there are no rows. */
export function listTable(table: {
  className: string;
  caption: string;
  headers: readonly string[];
  rows: readonly HtmlValue[];
  emptyText: string;
}): SafeHtml {
  if (table.rows.length === 0) return html`<p class="empty">${table.emptyText}</p>`;
  return html`<div class="table-wrap">
    <table class="${table.className}">
      <caption>
        ${table.caption}
      </caption>
      <thead>
        <tr>
          ${table.headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows}
      </tbody>
    </table>
  </div>`;
}
