import type { TInputSpec } from '../../../domain/engine/input-spec';
import { html, type SafeHtml } from '../html';
import { zonedDateTimeInput } from '../widgets/zoned-datetime';
import type { TMessageKey } from '../messages';
import {
  actionFrame,
  actionLabel,
  fieldId,
  submitButton,
  type FormOptions,
  type TFormDef,
} from './form-frame';

function inner(spec: TInputSpec): { spec: TInputSpec; required: boolean } {
  if (spec.kind === 'optional') return { spec: spec.inner, required: false };
  if (spec.kind === 'default') return { spec: spec.inner, required: false };
  return { spec, required: spec.kind !== 'text' || spec.min > 0 };
}

/** One labelled control for one field of an action's input spec. */
function field<S>(
  o: FormOptions<S>,
  def: TFormDef<S>,
  name: string,
  raw: TInputSpec,
  value: unknown,
): SafeHtml {
  const { t } = o.ctx;
  const id = fieldId(o, def.name, name);
  const { spec, required } = inner(raw);
  const label = html`<label for="${id}"
    >${t(`field.${name}` as TMessageKey)}${required ? '' : ` ${t('form.optional')}`}</label
  >`;
  const req = required ? html` required` : '';
  const shown = value === undefined ? '' : String(value);
  switch (spec.kind) {
    case 'number':
      return html`${label}<input
          id="${id}"
          name="${name}"
          type="number"
          min="${spec.min}"
          max="${spec.max}"
          step="${spec.integer ? 1 : 'any'}"
          value="${shown}"
          ${req}
        />`;
    case 'enum':
      return html`${label}<select id="${id}" name="${name}" ${req}>
          ${spec.values.map(
            (v) =>
              html`<option value="${v}" ${v === value ? html` selected` : ''}>
                ${t(`option.${name}.${v}` as TMessageKey)}
              </option>`,
          )}
        </select>`;
    case 'instant':
      return html`${label}${zonedDateTimeInput(t, {
        id,
        name,
        value: typeof value === 'string' ? value : undefined,
        timeZone: o.timeZone ?? 'UTC',
        required,
      })}`;
    case 'list':
      return html`<label for="${id}">${t(`field.${name}` as TMessageKey)} ${t('form.onePerLine')}</label
        ><textarea id="${id}" name="${name}" rows="2"></textarea>`;
    case 'bool':
      return html`<div class="check">
        <input type="checkbox" id="${id}" name="${name}" value="true" /><label for="${id}"
          >${t(`field.${name}` as TMessageKey)}</label
        >
      </div>`;
    default:
      return spec.kind === 'text' && spec.multiline
        ? html`${label}<textarea id="${id}" name="${name}" rows="2" maxlength="${spec.max}" ${req}>
${shown}</textarea>`
        : html`${label}<input
              id="${id}"
              name="${name}"
              value="${shown}"
              maxlength="${spec.kind === 'text' ? spec.max : 200}"
              ${req}
            />`;
  }
}

/** The generic form: every field of the spec that the entry does not fill in itself, then the button. */
export function fieldsForm<S>(o: FormOptions<S>, def: TFormDef<S>): SafeHtml {
  const prefill = def.prefill?.(o.state) ?? {};
  const hidden = new Set(def.hiddenFields ?? []);
  const shape = def.input.kind === 'object' ? def.input.shape : {};
  const controls = Object.entries(shape)
    .filter(([name]) => !hidden.has(name))
    .map(([name, spec]) => field(o, def, name, spec, prefill[name]));
  return actionFrame(o, def, html`${controls}${submitButton(actionLabel(o, def), def.confirm === true)}`);
}
