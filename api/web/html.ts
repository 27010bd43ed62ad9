import { escapeHtml } from '../../domain/notify/escape-html';

/** Markup that is already safe to emit: built by `html`, or trusted server output passed through `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: every interpolated value is escaped unless it is SafeHtml, so pages cannot forget to
 * escape what users, plans or the platform sent. Booleans and nullish values render nothing (for `cond && html`).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** For markup produced by trusted server code that escapes on its own (renderSeriesSvg, stored report HTML). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `selected` / `checked` / `disabled` style boolean attributes. */
export function attr(name: string, on: boolean): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : '');
}
