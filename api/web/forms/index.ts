import type { TStreamActionDef } from '../../../domain/stream/actions';
import type { HtmlValue } from '../html';
import { fieldsForm } from './fields';
import { html } from '../html';
import { actionLabel, type FormOptions, type TFormDef } from './form-frame';
import { checklistForm, productDecisionForms, scriptDecisionForm, scriptEditorForm } from './widgets';

export type { FormOptions } from './form-frame';
export { streamSubject } from './form-frame';

/**
 * A campaign's forms: every action renders from its spec (no special widgets). With `collapse`, each sits in a
 * <details> under its label, open for the decisions someone is waiting on (entries that settle pending work), so a
 * page with a dozen adjustments stays a toolbar rather than a wall of forms.
 */
export function genericActionForms<S>(
  o: FormOptions<S>,
  defs: readonly (TFormDef<S> & { readonly settles?: readonly string[] })[],
  collapse = false,
): HtmlValue[] {
  return defs.map((def) => {
    if (def.form === 'none') return undefined;
    const form = fieldsForm(o, def);
    if (!collapse) return form;
    const open = (def.settles?.length ?? 0) > 0;
    return html`<details class="action-card" ${open ? html`open` : ''}>
      <summary>${actionLabel(o, def)}</summary>
      ${form}
    </details>`;
  });
}

/** The form of each action, by the widget its registry entry names. */
export function actionForm(o: FormOptions, def: TStreamActionDef, onlySku?: string): HtmlValue {
  switch (def.form) {
    case 'script-decision':
      return scriptDecisionForm(o, def);
    case 'product-decisions':
      return productDecisionForms(o, def, onlySku);
    case 'script-editor':
      return scriptEditorForm(o, def);
    case 'checklist':
      return checklistForm(o, def);
    case 'fields':
    case 'confirm':
      return fieldsForm(o, def);
    case 'none':
      return undefined;
  }
}

export function actionForms(o: FormOptions, defs: readonly TStreamActionDef[]): HtmlValue[] {
  return defs.map((def) => actionForm(o, def));
}
