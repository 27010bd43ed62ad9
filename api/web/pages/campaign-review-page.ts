import { campaignActionsFor } from '../../../domain/campaign/actions';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import type { PageContext } from '../context';
import { genericActionForms } from '../forms';
import { formatInstant } from '../i18n';
import { html, raw, type SafeHtml } from '../html';
import { errorBanner, layout, simulatedNotice } from '../layout';
import { campaignDoneBanner } from './campaign-page';
import { reportBody } from './report-page';
import type { PageError } from '../refusal';

/** The campaign review (复盘) inside the app: the stored report, its downloads, and the manager's sign-off. */
export function campaignReviewPage(
  ctx: PageContext,
  data: {
    state: TCampaignState;
    report: { html: string; updatedAt: Date } | null;
    error?: PageError;
    done?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const { state } = data;
  const path = `/campaigns/${encodeURIComponent(state.campaignId)}`;
  const sign = campaignActionsFor(state, ctx.actor).filter((def) => def.settles?.includes('review_signoff'));
  const body = html`${errorBanner(data.error)}${campaignDoneBanner(ctx, data.done)}
    <p><a href="${path}">${t('review.backToStream', { title: state.plan.name })}</a></p>
    ${simulatedNotice(ctx)}
    ${
      data.report === null
        ? html`<p class="empty">${t('campaign.reviewNotYet')}</p>`
        : html`<p class="muted">
              ${t('review.updated', { at: formatInstant(data.report.updatedAt.toISOString(), ctx.locale, state.plan.timeZone) })}
              · <a href="${path}/review.xlsx" download>${t('campaign.reviewXlsx')}</a> ·
              <a href="${path}/review.csv" download>${t('review.csv')}</a>
            </p>
            <article class="report" aria-label="${t('campaign.review')}">
              ${raw(reportBody(data.report.html))}
            </article>`
    }
    ${
      state.review.signedOffBy
        ? html`<p class="ok">
            ${t('review.signedOff', { who: state.review.signedOffBy, at: formatInstant(state.review.signedOffAt, ctx.locale, state.plan.timeZone) })}
          </p>`
        : genericActionForms(
            {
              ctx,
              state,
              returnTo: `${path}/review`,
              subject: { path, id: state.campaignId },
              labels: 'campaignAction',
            },
            sign,
          )
    }`;
  return layout(ctx, { title: t('campaign.review'), nav: 'campaigns', body });
}
