import type { TSampleStreamForm } from '../create-stream';
import type { TFieldErrors } from '../plan-editor/field-errors';
import type { TPlanFormValues } from '../plan-editor/plan-form';
import { planEditorForm } from './plan-editor-form';
import type { PageContext } from '../context';
import { attr, html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { PageError } from '../refusal';

export interface CreatePageData {
  /** The plan editor's values (prefilled from the sample, or as typed) and its errors by field. */
  editor: { values: TPlanFormValues; errors: TFieldErrors };
  sample: TSampleStreamForm;
  planJson: string;
  error?: PageError;
  /** Which form the error belongs to, so it is shown next to it. */
  errorFor?: 'sample' | 'json' | 'editor';
}

/** Two ways to start: the sample plan with a few fields, or any plan as JSON (prefilled with the sample). */
export function createPage(ctx: PageContext, data: CreatePageData): SafeHtml {
  const { t, csrfToken } = ctx;
  const s = data.sample;
  const body = html`<p>${t('create.intro')}</p>
    <section aria-labelledby="s-editor">
      <h2 id="s-editor">${t('editor.heading')}</h2>
      <p class="muted">${t('editor.intro')}</p>
      ${data.errorFor === 'editor' && errorBanner(data.error)}
      ${planEditorForm(ctx, data.editor.values, data.editor.errors)}
    </section>
    <section aria-labelledby="s-sample">
      <h2 id="s-sample">${t('create.sampleHeading')}</h2>
      <p class="muted">${t('create.sampleText')}</p>
      ${data.errorFor === 'sample' && errorBanner(data.error)}
      <form method="post" action="/streams" class="create-sample">
        <input type="hidden" name="_csrf" value="${csrfToken}" />
        <input type="hidden" name="mode" value="sample" />
        <label for="c-title">${t('create.title')}</label
        ><input id="c-title" name="title" value="${s.title}" required maxlength="200" />
        <label for="c-start">${t('create.startIn')}</label
        ><input
          id="c-start"
          name="startInMinutes"
          type="number"
          min="1"
          value="${s.startInMinutes}"
          required
        />
        <label for="c-duration">${t('create.duration')}</label
        ><input
          id="c-duration"
          name="durationMinutes"
          type="number"
          min="1"
          max="1440"
          value="${s.durationMinutes}"
          required
        />
        <label for="c-timing">${t('create.timing')}</label>
        <select id="c-timing" name="timing" aria-describedby="c-timing-hint">
          <option value="demo" ${attr('selected', s.timing === 'demo')}>${t('create.timingDemo')}</option>
          <option value="standard" ${attr('selected', s.timing === 'standard')}>
            ${t('create.timingStandard')}
          </option>
        </select>
        <small id="c-timing-hint">${t('create.timingHint')}</small>
        <div class="buttons"><button type="submit">${t('create.startSample')}</button></div>
      </form>
    </section>
    <section aria-labelledby="s-json">
      <h2 id="s-json">${t('create.jsonHeading')}</h2>
      <p class="muted">${t('create.jsonText')}</p>
      ${data.errorFor === 'json' && errorBanner(data.error)}
      <form method="post" action="/streams" class="create-json">
        <input type="hidden" name="_csrf" value="${csrfToken}" />
        <input type="hidden" name="mode" value="json" />
        <label for="c-plan">${t('create.planJson')}</label>
        <textarea id="c-plan" name="plan" rows="24" spellcheck="false" class="code">
${data.planJson}</textarea>
        <div class="buttons"><button type="submit">${t('create.startJson')}</button></div>
      </form>
    </section>`;
  return layout(ctx, { title: t('create.pageTitle'), nav: 'create', body });
}
