import type { TStreamActionDef } from '../../../domain/stream/actions';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';

export interface FormOptions {
  ctx: PageContext;
  state: TStreamState;
  /** Where to go (and what to re-render on a refusal): the stream page, the inbox or the review. */
  returnTo: string;
}

export const actionLabel = (o: FormOptions, def: TStreamActionDef): string =>
  o.ctx.t(`action.${def.name}` as TMessageKey);

export const fieldId = (o: FormOptions, action: string, name: string) =>
  `f-${o.state.streamId}-${action}-${name}`;

/** Values the entry fills in from the state and sends unseen (the phase advanced from, the revision judged). */
function hiddenPrefills(o: FormOptions, def: TStreamActionDef): SafeHtml[] {
  const prefill = def.prefill?.(o.state) ?? {};
  return (def.hiddenFields ?? []).map(
    (name) => html`<input type="hidden" name="${name}" value="${String(prefill[name] ?? '')}" />`,
  );
}

/**
 * The <form> of one action: posts to the generic action route with the CSRF token and where to return; actions the
 * registry marks `confirm` ask before they are sent. The anchor id lets the inbox link straight to it.
 */
export function actionFrame(
  o: FormOptions,
  def: TStreamActionDef,
  body: HtmlValue,
  extra: { key?: string; heading?: string } = {},
): SafeHtml {
  const id = `f-${o.state.streamId}-${def.name}${extra.key ? `-${extra.key}` : ''}`;
  const confirm = def.confirm ? o.ctx.t('form.confirm', { action: actionLabel(o, def) }) : undefined;
  return html`<form
    method="post"
    action="/streams/${encodeURIComponent(o.state.streamId)}/actions/${def.name}"
    class="action action-${def.name}"
    id="act-${def.name}${extra.key ? `-${extra.key}` : ''}"
    aria-labelledby="${id}-h"
    ${confirm === undefined ? '' : html`data-confirm="${confirm}"`}
  >
    <h3 id="${id}-h">${extra.heading ?? actionLabel(o, def)}</h3>
    <input type="hidden" name="_csrf" value="${o.ctx.csrfToken}" />
    <input type="hidden" name="returnTo" value="${o.returnTo}" />
    ${hiddenPrefills(o, def)} ${body}
  </form>`;
}

export function submitButton(label: string, danger = false): SafeHtml {
  return html`<div class="buttons">
    <button type="submit" ${danger ? html` class="danger"` : ''}>${label}</button>
  </div>`;
}
