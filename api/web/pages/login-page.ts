import type { AnonymousContext } from '../context';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

/** The login form; POST /login (sessions, rate limits, CSRF) belongs to the auth middleware. */
export function loginPage(
  ctx: AnonymousContext,
  data: { next: string; error?: 'credentials' | 'csrf' },
): SafeHtml {
  const { t } = ctx;
  const body = html`${data.error && html`<div class="error" role="alert">${t(data.error === 'csrf' ? 'login.csrf' : 'login.error')}</div>`}
    <form method="post" action="/login" class="login">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="next" value="${data.next}" />
      <label for="login-email">${t('login.email')}</label>
      <input id="login-email" name="email" type="email" autocomplete="username" required autofocus />
      <label for="login-password">${t('login.password')}</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required />
      <div class="buttons"><button type="submit">${t('login.submit')}</button></div>
    </form>`;
  return layout(ctx, { title: t('login.title'), nav: 'none', body });
}
