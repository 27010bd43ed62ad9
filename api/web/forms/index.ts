import type { TStreamActionDef } from '../../../domain/stream/actions';
import type { HtmlValue } from '../html';
import { fieldsForm } from './fields';
import type { FormOptions } from './form-frame';
import { checklistForm, productDecisionForms, scriptDecisionForm, scriptEditorForm } from './widgets';

export type { FormOptions } from './form-frame';

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
