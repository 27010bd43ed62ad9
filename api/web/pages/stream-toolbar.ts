import type { TStreamActionDef } from '../../../domain/stream/actions';
import { pendingItems } from '../../../domain/stream/pending-items';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { PageContext } from '../context';
import { actionForm, streamSubject, type FormOptions } from '../forms';
import { actionLabel } from '../forms/form-frame';
import { html, type HtmlValue } from '../html';

/**
 * The person's actions on this stream: what settles work waiting now (a decision, the checklist, a blocked stream's
 * reschedule) is open; the rest (extend, pause, advance, end early...) sits in a toolbar of closed cards, each asking
 * for a reason, and the disruptive ones asking for confirmation too (the registry's `confirm`).
 */
export function actionsToolbar(
  ctx: PageContext,
  state: TStreamState,
  actions: readonly TStreamActionDef[],
  returnTo: string,
): HtmlValue {
  const o: FormOptions = {
    ctx,
    state,
    returnTo,
    subject: streamSubject(state),
    timeZone: state.plan.timeZone,
  };
  const waiting = new Set(pendingItems(state).map((item) => item.kind));
  const settlesNow = (def: TStreamActionDef) =>
    (def.settles ?? []).some((kind) => waiting.has(kind as never));
  const open = actions.filter(settlesNow);
  const rest = actions.filter((def) => !settlesNow(def));
  return html`${open.map((def) => actionForm(o, def))}
  ${
    rest.length > 0 &&
    html`<div class="toolbar" role="group" aria-label="${ctx.t('toolbar.label')}">
      ${rest.map(
        (def) =>
          html`<details class="action-card" id="card-${def.name}">
            <summary>${actionLabel(o, def)}</summary>
            ${actionForm(o, def)}
          </details>`,
      )}
    </div>`
  }`;
}
