import type { TStreamActionDef } from '../../../domain/stream/actions';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { TMessageKey } from '../messages';
import { actionFrame, fieldId, type FormOptions } from './form-frame';
import { scriptCompare } from '../script-compare';
import { highlightSegment } from '../script-view';

/** The decision on the current script revision: accept findings one by one, approve, or reject with reasons. */
export function scriptDecisionForm(o: FormOptions, def: TStreamActionDef): HtmlValue {
  const { t } = o.ctx;
  const current = o.state.script.revisions.find((r) => r.revision === o.state.script.currentRevision);
  if (!current?.findings) return undefined;
  const r = current.revision;
  const findings = current.findings;
  const reasonId = fieldId(o, def.name, 'reasons');
  const previous = o.state.script.revisions.filter((rev) => rev.revision < r).at(-1);
  const body = html`${scriptCompare(o.ctx, previous, current)}${
      findings.length > 0 &&
      html`<fieldset>
        <legend>${t('decide.acceptFindings')}</legend>
        ${findings.map((f, i) => {
          const id = fieldId(o, def.name, `finding-${i}`);
          return html`<div class="check">
            <input type="checkbox" id="${id}" name="acceptedFindingIds" value="${f.id}" /><label for="${id}"
              >«${f.term}» ·
              ${f.basis ? html`<strong>${f.basis.citation}</strong> ${o.ctx.locale === 'en' ? f.basis.en : f.basis.zh}` : f.ruleId}</label
            >
          </div>`;
        })}
      </fieldset>`
    } <label for="${reasonId}">${t('decide.reason')}</label
    ><textarea id="${reasonId}" name="reasons" rows="2"></textarea>
    <div class="buttons">
      ${
        findings.length === 0
          ? html`<button type="submit" name="decision" value="approved">
              ${t('decide.approveRevision', { revision: r })}
            </button>`
          : html`<button type="submit" name="decision" value="approved_with_findings">
              ${t('decide.approveWithFindings', { revision: r })}
            </button>`
      }
      <button type="submit" name="decision" value="rejected" class="danger">
        ${t('decide.rejectRevision', { revision: r })}
      </button>
    </div>`;
  return actionFrame(o, def, body, { heading: t('decide.scriptHeading', { revision: r }) });
}

/** One form per product waiting for a decision; approval is only offered when its documents are in order. */
export function productDecisionForms(o: FormOptions, def: TStreamActionDef, onlySku?: string): HtmlValue[] {
  const { t } = o.ctx;
  return o.state.plan.products
    .filter((p) => onlySku === undefined || p.sku === onlySku)
    .map((product) => {
      const status = o.state.products[product.sku];
      if (!status || status.dropped || status.decision || !status.problems) return undefined;
      const id = fieldId(o, `${def.name}-${product.sku}`, 'reason');
      const body = html`<input type="hidden" name="sku" value="${product.sku}" />
        <label for="${id}">${t('decide.productReason')}</label
        ><textarea id="${id}" name="reason" rows="2"></textarea>
        <div class="buttons">
          ${status.problems.length === 0 && html`<button type="submit" name="decision" value="approved">${t('decide.approveProduct', { sku: product.sku })}</button>`}
          <button type="submit" name="decision" value="rejected" class="danger">
            ${t('decide.rejectProduct', { sku: product.sku })}
          </button>
        </div>`;
      return actionFrame(o, def, body, {
        key: product.sku,
        heading: t('decide.productHeading', { sku: product.sku }),
      });
    });
}

/** The script as it stands, each segment's wording editable; ids, kinds, products and timings stay. */
export function scriptEditorForm(o: FormOptions, def: TStreamActionDef): SafeHtml {
  const { t } = o.ctx;
  const base = o.state.script.revisions.find((r) => r.revision === o.state.script.currentRevision);
  const segments = base?.segments ?? o.state.plan.script;
  const body = html`${segments.map((segment) => {
      const id = fieldId(o, def.name, `text-${segment.id}`);
      const flagged = (base?.findings ?? []).filter((f) => f.segmentId === segment.id);
      return html`<label for="${id}">${t(`segment.${segment.kind}` as TMessageKey)} (${segment.id})</label>
        ${
          flagged.length > 0 &&
          html`<p class="preview seg-text" lang="zh-CN" id="${id}-flagged">
            ${highlightSegment(segment.text, flagged, o.ctx.locale, t)}
          </p>`
        }
        <textarea
          id="${id}"
          name="text_${segment.id}"
          rows="3"
          lang="zh-CN"
          ${flagged.length > 0 ? html` aria-describedby="${id}-flagged"` : ''}
        >
${segment.text}</textarea>`;
    })}
    <div class="buttons">
      <button type="submit">${t('submit.button', { revision: o.state.script.currentRevision + 1 })}</button>
    </div>`;
  return actionFrame(o, def, body, {
    heading: t('submit.heading', { revision: o.state.script.currentRevision }),
  });
}

/** The plan's own checklist, every item to be confirmed. */
export function checklistForm(o: FormOptions, def: TStreamActionDef): SafeHtml {
  const { t } = o.ctx;
  const body = html`<fieldset>
      <legend>${t('checklist.legend')}</legend>
      ${o.state.plan.checklist.map((item) => {
        const id = fieldId(o, def.name, item.id);
        return html`<div class="check">
          <input type="checkbox" id="${id}" name="items" value="${item.id}" required /><label for="${id}"
            >${item.label}</label
          >
        </div>`;
      })}
    </fieldset>
    <div class="buttons"><button type="submit">${t('action.sign-checklist' as TMessageKey)}</button></div>`;
  return actionFrame(o, def, body);
}
