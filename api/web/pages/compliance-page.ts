import { rolesFor } from '../../../domain/shared/app-permissions';
import type { TRulePackInput } from '../../../domain/compliance/rule-pack.types';
import { hasAnyRole } from '../../../domain/shared/actor.types';
import type { PageContext } from '../context';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { PageError } from '../refusal';

export interface CompliancePageData {
  pack: TRulePackInput;
  versions: Array<{
    version: string;
    basedOn: string | null;
    note: string | null;
    createdBy: string;
    createdAt: string | null;
  }>;
  error?: PageError;
  done?: boolean;
}

/** The rules scripts are judged by, with their legal basis; admins publish a new version with added terms. */
export function compliancePage(ctx: PageContext, data: CompliancePageData): SafeHtml {
  const { t } = ctx;
  const { pack } = data;
  const zh = ctx.locale !== 'en';
  const basis = (id: string) => pack.bases[id];
  const publishForm =
    hasAnyRole(ctx.actor, rolesFor('publishRulePacks')) &&
    html`<section aria-labelledby="s-publish">
      <h2 id="s-publish">${t('compliance.publish')}</h2>
      <form method="post" action="/compliance/packs" class="action">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <input type="hidden" name="basedOn" value="${pack.version}" />
        <label for="pack-version">${t('compliance.version')}</label>
        <input id="pack-version" name="version" required maxlength="60" value="${pack.version}.1" />
        <label for="pack-rule">${t('compliance.rule')}</label>
        <select id="pack-rule" name="ruleId">
          ${pack.rules.map((rule) => html`<option value="${rule.id}">${rule.id} · ${zh ? rule.description.zh : rule.description.en}</option>`)}
        </select>
        <label for="pack-terms">${t('compliance.addTerms')}</label>
        <textarea id="pack-terms" name="addTerms" rows="3"></textarea>
        <label for="pack-exceptions">${t('compliance.addExceptions')}</label>
        <textarea id="pack-exceptions" name="addExceptions" rows="3"></textarea>
        <label for="pack-note">${t('compliance.note')}</label>
        <input id="pack-note" name="note" maxlength="500" />
        <div class="buttons"><button type="submit">${t('compliance.publishButton')}</button></div>
      </form>
    </section>`;
  const body = html`${errorBanner(data.error)}
    ${data.done && html`<div class="done" role="status">${t('compliance.published', { version: pack.version })}</div>`}
    <p>${t('compliance.inForce', { version: pack.version })}</p>
    <div class="table-wrap">
      <table class="rules">
        <caption>
          ${t('compliance.rules')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('finding.rule')}</th>
            <th scope="col">${t('finding.category')}</th>
            <th scope="col">${t('finding.basis')}</th>
            <th scope="col">${t('compliance.terms')}</th>
          </tr>
        </thead>
        <tbody>
          ${pack.rules.map((rule) => {
            const b = basis(rule.basis);
            const words =
              rule.match === 'terms' ? rule.terms : rule.match === 'required_disclaimer' ? rule.phrases : [];
            return html`<tr id="rule-${rule.id}">
              <th scope="row">
                <code>${rule.id}</code><br />${zh ? rule.description.zh : rule.description.en}
              </th>
              <td>${rule.category}${rule.appliesTo ? ` (${rule.appliesTo.join(', ')})` : ''}</td>
              <td>${b ? html`<strong>${b.citation}</strong><br />${zh ? b.zh : b.en}` : rule.basis}</td>
              <td>${words.slice(0, 12).join('、')}${words.length > 12 ? ` … (${words.length})` : ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${publishForm}
    <section aria-labelledby="s-versions">
      <h2 id="s-versions">${t('compliance.versions')}</h2>
      <ul>
        ${data.versions.map((v) => html`<li><code>${v.version}</code> · ${v.createdBy}${v.createdAt ? ` · ${v.createdAt}` : ''}${v.note ? ` · ${v.note}` : ''}</li>`)}
      </ul>
    </section>`;
  return layout(ctx, { title: t('compliance.title'), nav: 'compliance', body });
}
