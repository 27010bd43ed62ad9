import type { CampaignForm } from '../create-campaign';
import type { PageContext } from '../context';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { TMessageKey } from '../messages';
import type { PageError } from '../refusal';

/** The new-campaign form: name, zone, the four window boundaries, goals and budget, a rule, the streams by line. */
export function campaignCreatePage(
  ctx: PageContext,
  data: { form: CampaignForm; error?: PageError },
): SafeHtml {
  const { t } = ctx;
  const f = data.form;
  const text = (name: keyof CampaignForm, label: TMessageKey, extra: { type?: string; step?: string } = {}) =>
    html`<label for="c-${name}">${t(label)}</label
      ><input
        id="c-${name}"
        name="${name}"
        type="${extra.type ?? 'text'}"
        ${extra.step ? html`step="${extra.step}"` : ''}
        value="${String(f[name])}"
      />`;
  const body = html`${errorBanner(data.error)}
    <p>${t('ccreate.intro')}</p>
    <form method="post" action="/campaigns" class="create">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${text('name', 'ccreate.name')} ${text('timeZone', 'ccreate.zone')}
      <fieldset>
        <legend>${t('campaign.windows')}</legend>
        ${text('preheatStart', 'ccreate.preheatStart', { type: 'datetime-local', step: '1' })}
        ${text('burstStart', 'ccreate.burstStart', { type: 'datetime-local', step: '1' })}
        ${text('burstEnd', 'ccreate.burstEnd', { type: 'datetime-local', step: '1' })}
        ${text('tailEnd', 'ccreate.tailEnd', { type: 'datetime-local', step: '1' })}
      </fieldset>
      <fieldset>
        <legend>${t('ccreate.goalsBudget')}</legend>
        ${text('gmv', 'field.gmv', { type: 'number', step: 'any' })}
        ${text('orders', 'field.orders', { type: 'number' })}
        ${text('newFollowers', 'field.newFollowers', { type: 'number' })}
        ${text('roiFloor', 'field.roiFloor', { type: 'number', step: 'any' })}
        ${text('budget', 'field.budget', { type: 'number', step: 'any' })}
      </fieldset>
      <fieldset>
        <legend>${t('ccreate.rules')}</legend>
        <div class="check">
          <input
            type="checkbox"
            id="c-endBurst"
            name="endBurstWhenGoalsMet"
            value="true"
            ${f.endBurstWhenGoalsMet ? html`checked` : ''}
          />
          <label for="c-endBurst">${t('ccreate.endWhenMet')}</label>
        </div>
      </fieldset>
      <label for="c-streams">${t('ccreate.streams')}</label>
      <textarea id="c-streams" name="streams" rows="5" class="code" aria-describedby="c-streams-hint">
${f.streams}</textarea>
      <small id="c-streams-hint"
        >key, room, YYYY-MM-DDTHH:MM, minutes, title — ${t('ccreate.streamsHint')}</small
      >
      <div class="buttons"><button type="submit">${t('ccreate.submit')}</button></div>
    </form>`;
  return layout(ctx, { title: t('ccreate.title'), nav: 'campaigns', body });
}
