import { PRODUCT_CATEGORY_LABELS } from '../../../domain/compliance/product-categories';
import type { PageContext } from '../context';
import { attr, html, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';
import type { TFieldErrors } from '../plan-editor/field-errors';
import {
  PLAN_ZONES,
  PLATFORMS,
  PRODUCT_CATEGORIES,
  productRows,
  SEGMENT_KINDS,
  segmentRows,
  STREAM_ROLES,
  TARGET_FIELDS,
  text,
  type TPlanFormValues,
} from '../plan-editor/plan-form';

interface Field {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local';
  required?: boolean;
  step?: string;
  hint?: string;
  wide?: boolean;
}

/** What every control of the editor shares: its label, the typed value, and its error right below it. */
function control(
  errors: TFieldErrors,
  f: Field,
  widget: (a: { id: string; invalid: SafeHtml }) => SafeHtml,
): SafeHtml {
  const id = `pe-${f.name}`;
  const error = errors.get(f.name);
  const described = [f.hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  const invalid = html`${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`;
  return html`<div class="${f.wide ? 'wide' : ''}">
    <label for="${id}">${f.label}</label>${widget({ id, invalid })}
    ${f.hint && html`<small id="${id}-hint">${f.hint}</small>`}
    ${error && html`<span class="field-error" id="${id}-err">${error}</span>`}
  </div>`;
}

const input = (v: TPlanFormValues, errors: TFieldErrors, f: Field) =>
  control(
    errors,
    f,
    ({ id, invalid }) =>
      html`<input
        id="${id}"
        name="${f.name}"
        type="${f.type ?? 'text'}"
        value="${text(v, f.name)}"
        ${f.step ? html` step="${f.step}"` : ''}${f.required ? html` required` : ''}${invalid}
      />`,
  );

const select = (
  v: TPlanFormValues,
  errors: TFieldErrors,
  f: Field,
  options: ReadonlyArray<{ value: string; label: string }>,
) =>
  control(
    errors,
    f,
    ({ id, invalid }) =>
      html`<select id="${id}" name="${f.name}" ${invalid}>
        ${options.map((o) => html`<option value="${o.value}" ${attr('selected', text(v, f.name) === o.value)}>${o.label}</option>`)}
      </select>`,
  );

const area = (v: TPlanFormValues, errors: TFieldErrors, f: Field, rows = 3) =>
  control(
    errors,
    f,
    ({ id, invalid }) =>
      html`<textarea
        id="${id}"
        name="${f.name}"
        rows="${rows}"
        ${f.required ? html` required` : ''}${invalid}
      >
${text(v, f.name)}</textarea>`,
  );

function basics(ctx: PageContext, v: TPlanFormValues, e: TFieldErrors): HtmlValue {
  const { t } = ctx;
  const picked = Array.isArray(v.platforms) ? v.platforms : v.platforms ? [v.platforms] : [];
  const zone = text(v, 'timeZone') || 'Asia/Shanghai';
  return html`<fieldset class="rows">
    <legend>${t('editor.basics')}</legend>
    <div class="row">
      ${input(v, e, { name: 'title', label: t('create.title'), required: true, wide: true })}
      ${input(v, e, { name: 'theme', label: t('stream.theme'), wide: true })}
      ${select(
        v,
        e,
        { name: 'timeZone', label: t('editor.zone') },
        PLAN_ZONES.map((z) => ({ value: z, label: z })),
      )}
      ${input(v, e, { name: 'start', label: t('editor.start'), type: 'datetime-local', required: true, hint: t('editor.startHint', { zone }) })}
      ${input(v, e, { name: 'durationMinutes', label: t('create.duration'), type: 'number', required: true })}
      ${select(v, e, { name: 'timing', label: t('create.timing'), hint: t('create.timingHint') }, [
        { value: 'demo', label: t('create.timingDemo') },
        { value: 'standard', label: t('create.timingStandard') },
      ])}
    </div>
    <fieldset ${e.has('platforms') ? html` aria-describedby="pe-platforms-err"` : ''}>
      <legend>${t('stream.platforms')}</legend>
      ${PLATFORMS.map(
        (p) =>
          html`<div class="check">
            <input
              type="checkbox"
              id="pe-platform-${p}"
              name="platforms"
              value="${p}"
              ${attr('checked', picked.includes(p))}
            /><label for="pe-platform-${p}">${t(`platform.${p}`)}</label>
          </div>`,
      )}
      ${e.has('platforms') && html`<span class="field-error" id="pe-platforms-err">${e.get('platforms')}</span>`}
    </fieldset>
  </fieldset>`;
}

function products(ctx: PageContext, v: TPlanFormValues, e: TFieldErrors): HtmlValue {
  const { t } = ctx;
  const categories = PRODUCT_CATEGORIES.map((c) => ({
    value: c,
    label: ctx.locale === 'en' ? PRODUCT_CATEGORY_LABELS[c].en : PRODUCT_CATEGORY_LABELS[c].zh,
  }));
  return html`<fieldset class="rows" id="pe-products">
    <legend>${t('stream.products')}</legend>
    <p class="muted">${t('editor.productsHint')}</p>
    ${Array.from({ length: productRows(v) }, (_, i) => {
      const p = `product_${i}`;
      return html`<div class="row" data-row="${p}">
        ${input(v, e, { name: `${p}_sku`, label: t('editor.sku', { n: i + 1 }) })}
        ${input(v, e, { name: `${p}_name`, label: t('editor.productName') })}
        ${select(v, e, { name: `${p}_category`, label: t('editor.category') }, categories)}
        ${input(v, e, { name: `${p}_price`, label: t('editor.price'), type: 'number', step: 'any' })}
        ${input(v, e, { name: `${p}_stock`, label: t('editor.stock'), type: 'number' })}
        ${select(v, e, { name: `${p}_onReject`, label: t('editor.onReject') }, [
          { value: 'drop', label: t('editor.onReject.drop') },
          { value: 'block', label: t('editor.onReject.block') },
        ])}
        ${input(v, e, { name: `${p}_qi_issuer`, label: `${t('doc.qualityInspection')} · ${t('doc.issuer')}` })}
        ${input(v, e, { name: `${p}_qi_number`, label: `${t('doc.qualityInspection')} · ${t('doc.number')}` })}
        ${input(v, e, { name: `${p}_qi_expires`, label: `${t('doc.qualityInspection')} · ${t('doc.expiresOn')}`, type: 'date' })}
        ${input(v, e, { name: `${p}_tr_issuer`, label: `${t('doc.traceability')} · ${t('doc.issuer')}` })}
        ${input(v, e, { name: `${p}_tr_number`, label: `${t('doc.traceability')} · ${t('doc.number')}` })}
        ${input(v, e, { name: `${p}_tr_expires`, label: `${t('doc.traceability')} · ${t('doc.expiresOn')}`, type: 'date' })}
      </div>`;
    })}
  </fieldset>`;
}

function segments(ctx: PageContext, v: TPlanFormValues, e: TFieldErrors): HtmlValue {
  const { t } = ctx;
  return html`<fieldset class="rows" id="pe-script">
    <legend>${t('stream.script')}</legend>
    <p class="muted">${t('editor.scriptHint')}</p>
    ${Array.from({ length: segmentRows(v) }, (_, i) => {
      const s = `segment_${i}`;
      return html`<div class="row" data-row="${s}">
        ${select(
          v,
          e,
          { name: `${s}_kind`, label: t('editor.segmentKind', { n: i + 1 }) },
          SEGMENT_KINDS.map((k) => ({ value: k, label: t(`segment.${k}`) })),
        )}
        ${input(v, e, { name: `${s}_id`, label: t('editor.segmentId') })}
        ${input(v, e, { name: `${s}_productSku`, label: t('editor.segmentSku') })}
        ${input(v, e, { name: `${s}_plannedMinutes`, label: t('editor.minutes'), type: 'number', step: 'any' })}
        ${area(v, e, { name: `${s}_text`, label: t('editor.segmentText', { n: i + 1 }), wide: true })}
      </div>`;
    })}
  </fieldset>`;
}

function team(ctx: PageContext, v: TPlanFormValues, e: TFieldErrors): HtmlValue {
  const { t } = ctx;
  return html`<fieldset class="rows" id="pe-team">
    <legend>${t('editor.team')}</legend>
    <p class="muted">${t('editor.teamHint')}</p>
    <div class="row">
      ${STREAM_ROLES.map((role) => area(v, e, { name: `team_${role}`, label: t(`streamRole.${role}` as TMessageKey) }, 2))}
    </div>
  </fieldset>`;
}

function targets(ctx: PageContext, v: TPlanFormValues, e: TFieldErrors): HtmlValue {
  const { t } = ctx;
  return html`<fieldset class="rows" id="pe-targets">
    <legend>${t('editor.targets')}</legend>
    <div class="row">
      ${TARGET_FIELDS.map((name) =>
        input(v, e, {
          name: `target_${name}`,
          label: t(`editor.target.${name}`),
          type: 'number',
          step: 'any',
        }),
      )}
    </div>
  </fieldset>`;
}

/**
 * The plan editor: a stream from a form (basics, platforms, lineup with documents, script segments, team, targets),
 * the start picked in the stream's own zone. Refused plans come back with what was typed and each error beside its
 * field; "more rows" adds empty product and segment rows without creating anything.
 */
export function planEditorForm(ctx: PageContext, v: TPlanFormValues, errors: TFieldErrors): SafeHtml {
  const { t } = ctx;
  return html`<form method="post" action="/streams" class="plan-editor" id="plan-editor" novalidate>
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    <input type="hidden" name="productRows" value="${productRows(v)}" />
    <input type="hidden" name="segmentRows" value="${segmentRows(v)}" />
    ${
      errors.size > 0 &&
      html`<div class="error" role="alert" id="editor-errors">
        ${t('fieldError.summary', { count: errors.size })}
        <ul>
          ${[...errors].map(([field, message]) => html`<li><a href="#pe-${field}">${message}</a></li>`)}
        </ul>
      </div>`
    }
    ${basics(ctx, v, errors)} ${products(ctx, v, errors)} ${segments(ctx, v, errors)} ${team(ctx, v, errors)}
    ${targets(ctx, v, errors)}
    <div class="buttons">
      <button type="submit" name="mode" value="editor">${t('editor.create')}</button>
      <button type="submit" name="mode" value="editor-rows" class="danger">${t('editor.moreRows')}</button>
    </div>
  </form>`;
}
