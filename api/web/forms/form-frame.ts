import type { TFormWidget } from '../../../domain/engine/action';
import type { TInputSpec } from '../../../domain/engine/input-spec';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';

/** What a form needs of a registry entry (a stream's or a campaign's action). */
export interface TFormDef<S> {
  readonly name: string;
  readonly input: TInputSpec;
  readonly form: TFormWidget;
  prefill?(state: S): Record<string, unknown>;
  readonly hiddenFields?: readonly string[];
  readonly confirm?: boolean;
}

export interface FormOptions<S = TStreamState> {
  ctx: PageContext;
  state: S;
  /** The workflow acted on: its page (/streams/<id>, /campaigns/<id>), where actions post, and its id. */
  subject: { path: string; id: string };
  /** Where to go (and what to re-render on a refusal): the workflow's page, the inbox or the review. */
  returnTo: string;
  /** The message-key prefix of the actions' labels: a campaign's "cancel" is not a stream's. */
  labels?: 'action' | 'campaignAction';
  /** The zone date-time fields are shown and read in (the stream's or campaign's own); UTC when unset. */
  timeZone?: string;
}

/** The subject of a stream's forms. */
export const streamSubject = (state: TStreamState) => ({
  path: `/streams/${encodeURIComponent(state.streamId)}`,
  id: state.streamId,
});

export const actionLabel = <S>(o: FormOptions<S>, def: TFormDef<S>): string =>
  o.ctx.t(`${o.labels ?? 'action'}.${def.name}` as TMessageKey);

export const fieldId = <S>(o: FormOptions<S>, action: string, name: string) =>
  `f-${o.subject.id}-${action}-${name}`;

/** Values the entry fills in from the state and sends unseen (the phase advanced from, the revision judged). */
function hiddenPrefills<S>(o: FormOptions<S>, def: TFormDef<S>): SafeHtml[] {
  const prefill = def.prefill?.(o.state) ?? {};
  return (def.hiddenFields ?? []).map(
    (name) => html`<input type="hidden" name="${name}" value="${String(prefill[name] ?? '')}" />`,
  );
}

/**
 * The <form> of one action: posts to the generic action route with the CSRF token and where to return; actions the
 * registry marks `confirm` ask before they are sent. The anchor id lets the inbox link straight to it.
 */
export function actionFrame<S>(
  o: FormOptions<S>,
  def: TFormDef<S>,
  body: HtmlValue,
  extra: { key?: string; heading?: string } = {},
): SafeHtml {
  const id = `f-${o.subject.id}-${def.name}${extra.key ? `-${extra.key}` : ''}`;
  const confirm = def.confirm ? o.ctx.t('form.confirm', { action: actionLabel(o, def) }) : undefined;
  return html`<form
    method="post"
    action="${o.subject.path}/actions/${def.name}"
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
