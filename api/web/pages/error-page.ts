import type { AnonymousContext } from '../context';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import type { PageError } from '../refusal';

export function errorPage(ctx: AnonymousContext, status: number, message: PageError): SafeHtml {
  const { t } = ctx;
  const title =
    status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : t('error.title');
  return layout(ctx, {
    title,
    nav: 'none',
    body: html`<div class="error" role="alert" id="page-error">${message}</div>
      <p><a href="/">${t('error.back')}</a></p>`,
  });
}
