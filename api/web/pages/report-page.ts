import type { TStreamState } from '../../../domain/stream/state.types';
import { streamActionsFor } from '../../../domain/stream/actions';
import { actionForm, streamSubject } from '../forms';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { html, raw, type SafeHtml } from '../html';
import { errorBanner, layout, simulatedNotice } from '../layout';
import { doneBanner } from './stream-page';
import type { PageError } from '../refusal';

/**
 * The stored report is a whole HTML document built by the report activity from escaped parts; its body is embedded
 * here so it sits inside the app's layout and navigation.
 */
export function reportBody(reportHtml: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(reportHtml);
  // The page has its own <h1>: the report's title becomes a section heading inside it.
  return (match?.[1] ?? reportHtml).replace(/<(\/?)h1\b/gi, '<$1h2');
}

export function reportPage(
  ctx: PageContext,
  data: {
    state: TStreamState;
    report: { html: string; updatedAt: Date } | null;
    error?: PageError;
    done?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const { state } = data;
  const base = `/streams/${encodeURIComponent(state.streamId)}`;
  const signReview = streamActionsFor(state, ctx.actor).find((def) =>
    def.settles?.includes('review_signoff'),
  );
  const body = html`${errorBanner(data.error)}${doneBanner(ctx, data.done)}
    <p><a href="${base}">${t('review.backToStream', { title: state.plan.title })}</a></p>
    ${simulatedNotice(ctx)}
    ${
      data.report === null
        ? html`<p class="empty">${t('review.notYet')}</p>`
        : html`<p class="muted">
              ${t('review.updated', { at: formatInstant(data.report.updatedAt.toISOString(), ctx.locale, state.plan.timeZone) })}
              · <a href="${base}/review.csv" download>${t('review.csv')}</a>
            </p>
            <article class="report" aria-label="${t('review.title')}">
              ${raw(reportBody(data.report.html))}
            </article>`
    }
    ${
      state.review.signedOffBy
        ? html`<p class="ok">
            ${t('review.signedOff', { who: state.review.signedOffBy, at: formatInstant(state.review.signedOffAt, ctx.locale, state.plan.timeZone) })}
          </p>`
        : signReview &&
          actionForm({ ctx, state, returnTo: `${base}/review`, subject: streamSubject(state) }, signReview)
    }`;
  return layout(ctx, { title: t('review.title'), nav: 'none', body });
}
