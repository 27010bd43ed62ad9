import { INCIDENT_KINDS } from '../../domain/stream/events.types';
import { nextPhase } from '../../domain/stream/phases';
import type { TStreamState } from '../../domain/stream/state.types';
import type { StreamActionName } from '../../workflows/stream/messages';
import type { PageContext } from './context';
import { html, type HtmlValue, type SafeHtml } from './html';

interface FormOptions {
  ctx: PageContext;
  state: TStreamState;
  /** Where to go (and what to re-render on a refusal): the stream page or the inbox. */
  returnTo: string;
}

function actionForm(
  o: FormOptions,
  action: StreamActionName,
  body: HtmlValue,
  extra: { key?: string; heading?: string } = {},
): SafeHtml {
  const id = `f-${o.state.streamId}-${action}${extra.key ? `-${extra.key}` : ''}`;
  return html`<form
    method="post"
    action="/streams/${encodeURIComponent(o.state.streamId)}/actions/${action}"
    class="action action-${action}"
    aria-labelledby="${id}-h"
  >
    <h3 id="${id}-h">${extra.heading ?? o.ctx.t(`action.${action}`)}</h3>
    <input type="hidden" name="_csrf" value="${o.ctx.csrfToken}" />
    <input type="hidden" name="returnTo" value="${o.returnTo}" />
    ${body}
  </form>`;
}

const fieldId = (o: FormOptions, action: string, name: string) => `f-${o.state.streamId}-${action}-${name}`;

function reasonField(o: FormOptions, action: string, label: string, required = false): SafeHtml {
  const id = fieldId(o, action, 'reason');
  return html`<label for="${id}">${label}</label
    ><textarea id="${id}" name="reason" rows="2" ${required ? html` required` : ''}></textarea>`;
}

/** The decision form for the current script revision: accept findings one by one, approve, or reject with reasons. */
export function decideScriptForm(o: FormOptions): HtmlValue {
  const { t } = o.ctx;
  const current = o.state.script.revisions.find((r) => r.revision === o.state.script.currentRevision);
  if (!current?.findings) return undefined;
  const r = current.revision;
  const findings = current.findings;
  const body = html`<input type="hidden" name="revision" value="${r}" />
    ${
      findings.length > 0 &&
      html`<fieldset>
        <legend>${t('decide.acceptFindings')}</legend>
        ${findings.map((f, i) => {
          const id = fieldId(o, 'decide-script', `finding-${i}`);
          return html`<div class="check">
            <input type="checkbox" id="${id}" name="acceptedFindingIds" value="${f.id}" /><label for="${id}"
              >«${f.term}» · ${f.ruleId}</label
            >
          </div>`;
        })}
      </fieldset>`
    }
    ${reasonField(o, 'decide-script', t('decide.reason'))}
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
  return actionForm(o, 'decide-script', body, { heading: t('decide.scriptHeading', { revision: r }) });
}

/** One form per product waiting for a decision; approval is only offered when its documents are in order. */
export function decideProductForms(o: FormOptions, onlySku?: string): HtmlValue[] {
  const { t } = o.ctx;
  return o.state.plan.products
    .filter((p) => onlySku === undefined || p.sku === onlySku)
    .map((product) => {
      const status = o.state.products[product.sku];
      if (!status || status.dropped || status.decision || !status.problems) return undefined;
      const id = fieldId(o, `decide-product-${product.sku}`, 'reason');
      const body = html`<input type="hidden" name="sku" value="${product.sku}" />
        <label for="${id}">${t('decide.productReason')}</label
        ><textarea id="${id}" name="reason" rows="2"></textarea>
        <div class="buttons">
          ${status.problems.length === 0 && html`<button type="submit" name="decision" value="approved">${t('decide.approveProduct', { sku: product.sku })}</button>`}
          <button type="submit" name="decision" value="rejected" class="danger">
            ${t('decide.rejectProduct', { sku: product.sku })}
          </button>
        </div>`;
      return actionForm(o, 'decide-product', body, {
        key: product.sku,
        heading: t('decide.productHeading', { sku: product.sku }),
      });
    });
}

export function submitScriptForm(o: FormOptions): SafeHtml {
  const { t } = o.ctx;
  const base = o.state.script.revisions.find((r) => r.revision === o.state.script.currentRevision);
  const segments = base?.segments ?? o.state.plan.script;
  const body = html`<input type="hidden" name="baseRevision" value="${o.state.script.currentRevision}" />
    ${segments.map((segment) => {
      const id = fieldId(o, 'submit-script', `text-${segment.id}`);
      return html`<label for="${id}">${t(`segment.${segment.kind}`)} (${segment.id})</label>
        <textarea id="${id}" name="text_${segment.id}" rows="3" lang="zh-CN">${segment.text}</textarea>`;
    })}
    <div class="buttons">
      <button type="submit">${t('submit.button', { revision: o.state.script.currentRevision + 1 })}</button>
    </div>`;
  return actionForm(o, 'submit-script', body, {
    heading: t('submit.heading', { revision: o.state.script.currentRevision }),
  });
}

export function signChecklistForm(o: FormOptions): SafeHtml {
  const { t } = o.ctx;
  const body = html`<fieldset>
      <legend>${t('checklist.legend')}</legend>
      ${o.state.plan.checklist.map((item) => {
        const id = fieldId(o, 'sign-checklist', item.id);
        return html`<div class="check">
          <input type="checkbox" id="${id}" name="items" value="${item.id}" required /><label for="${id}"
            >${item.label}</label
          >
        </div>`;
      })}
    </fieldset>
    <div class="buttons"><button type="submit">${t('action.sign-checklist')}</button></div>`;
  return actionForm(o, 'sign-checklist', body);
}

/** The remaining actions: small forms with a reason, a few with one more field. */
export function otherActionForm(o: FormOptions, action: StreamActionName): HtmlValue {
  const { t } = o.ctx;
  const button = (label: string, danger = false) =>
    html`<div class="buttons">
      <button type="submit" ${danger ? html` class="danger"` : ''}>${label}</button>
    </div>`;
  switch (action) {
    case 'record-incident': {
      const kind = fieldId(o, action, 'kind');
      const description = fieldId(o, action, 'description');
      const steps = fieldId(o, action, 'steps');
      return actionForm(
        o,
        action,
        html`<label for="${kind}">${t('incident.kind')}</label>
          <select id="${kind}" name="kind">
            ${INCIDENT_KINDS.map((k) => html`<option value="${k}">${t(`incident.${k}`)}</option>`)}
          </select>
          <label for="${description}">${t('incident.description')}</label
          ><textarea id="${description}" name="description" rows="2" required></textarea>
          <label for="${steps}">${t('incident.steps')}</label
          ><textarea id="${steps}" name="steps" rows="2"></textarea> ${button(t('action.record-incident'))}`,
      );
    }
    case 'extend': {
      const minutes = fieldId(o, action, 'minutes');
      return actionForm(
        o,
        action,
        html`<label for="${minutes}">${t('extend.minutes')}</label
          ><input id="${minutes}" name="minutes" type="number" min="1" max="720" value="30" required />
          ${reasonField(o, action, t('form.reason'), true)}${button(t('action.extend'))}`,
      );
    }
    case 'advance': {
      const to = nextPhase(o.state.phase);
      if (!to) return undefined;
      return actionForm(
        o,
        action,
        html`<input type="hidden" name="from" value="${o.state.phase}" /><input
            type="hidden"
            name="to"
            value="${to}"
          />
          <p class="muted">${t('advance.hint')}</p>
          ${button(t('advance.button', { phase: t(`phase.${to}`) }))}`,
      );
    }
    case 'reschedule': {
      const start = fieldId(o, action, 'start');
      return actionForm(
        o,
        action,
        html`<label for="${start}">${t('reschedule.start')}</label
          ><input
            id="${start}"
            name="scheduledStart"
            value="${o.state.schedule.scheduledStart}"
            required
            aria-describedby="${start}-hint"
          /><small id="${start}-hint">${t('reschedule.hint')}</small>
          ${reasonField(o, action, t('form.reason'), true)}${button(t('action.reschedule'))}`,
      );
    }
    case 'sign-review':
      return actionForm(
        o,
        action,
        html`<input type="hidden" name="reportId" value="${o.state.review.reportId ?? ''}" /> ${
            !o.returnTo.endsWith('/review') &&
            html`<p>
              <a href="/streams/${encodeURIComponent(o.state.streamId)}/review">${t('review.open')}</a>
            </p>`
          }
          ${button(t('action.sign-review'))}`,
      );
    case 'resume':
      return actionForm(
        o,
        action,
        html`${reasonField(o, action, t('form.reasonOptional'))}${button(t('action.resume'))}`,
      );
    case 'end-early':
    case 'pause':
    case 'cancel':
      return actionForm(
        o,
        action,
        html`${reasonField(o, action, t('form.reason'), true)}${button(t(`action.${action}`), action !== 'pause')}`,
      );
    default:
      return undefined;
  }
}

export function actionForms(o: FormOptions, actions: readonly StreamActionName[]): HtmlValue[] {
  return actions.map((action) => {
    if (action === 'decide-script') return decideScriptForm(o);
    if (action === 'decide-product') return decideProductForms(o);
    if (action === 'submit-script') return submitScriptForm(o);
    if (action === 'sign-checklist') return signChecklistForm(o);
    return otherActionForm(o, action);
  });
}
