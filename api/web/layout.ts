import { rolesFor } from '../../domain/shared/app-permissions';
import { hasAnyRole, type TAppRole } from '../../domain/shared/actor.types';
import type { AnonymousContext } from './context';
import { withLang } from './context';
import { html, type HtmlValue, type SafeHtml } from './html';
import type { TMessageKey } from './messages';
import type { PageError } from './refusal';

export type NavKey =
  | 'dashboard'
  | 'inbox'
  | 'create'
  | 'campaigns'
  | 'calendar'
  | 'templates'
  | 'schedules'
  | 'outbox'
  | 'compliance'
  | 'audit'
  | 'auditLog'
  | 'users'
  | 'none';

const NAV: ReadonlyArray<{ key: NavKey; href: string; label: TMessageKey; roles?: readonly TAppRole[] }> = [
  { key: 'dashboard', href: '/', label: 'nav.dashboard' },
  { key: 'inbox', href: '/inbox', label: 'nav.inbox' },
  { key: 'create', href: '/streams/new', label: 'nav.create', roles: rolesFor('createStreams') },
  { key: 'campaigns', href: '/campaigns', label: 'nav.campaigns' },
  { key: 'calendar', href: '/calendar', label: 'nav.calendar' },
  { key: 'templates', href: '/templates', label: 'nav.templates' },
  { key: 'schedules', href: '/schedules', label: 'nav.schedules' },
  { key: 'outbox', href: '/outbox', label: 'nav.outbox' },
  { key: 'compliance', href: '/compliance', label: 'nav.compliance' },
  { key: 'audit', href: '/audit', label: 'nav.audit', roles: rolesFor('audit') },
  { key: 'auditLog', href: '/audit/log', label: 'nav.auditLog', roles: rolesFor('readAuditLog') },
  { key: 'users', href: '/admin/users', label: 'nav.users', roles: rolesFor('administerUsers') },
];

/** The visible label required wherever numbers come from the platform simulator rather than a real platform. */
export function simulatedNotice(ctx: AnonymousContext): HtmlValue {
  return (
    ctx.simulated &&
    html`<p class="notice simulated" role="note">
      <strong>${ctx.t('sim.badge')}</strong> ${ctx.t('sim.text')}
    </p>`
  );
}

export function errorBanner(message: PageError | undefined): HtmlValue {
  return message !== undefined && html`<div class="error" role="alert" id="page-error">${message}</div>`;
}

/** The inbox's count in the nav: read as part of the link's name ("待我处理 3 项"). */
function waitingBadge(ctx: AnonymousContext): HtmlValue {
  const count = ctx.waiting ?? 0;
  return (
    count > 0 &&
    html` <span class="badge" id="inbox-badge"
      ><span aria-hidden="true">${count}</span
      ><span class="sr-only">${ctx.t('nav.waitingCount', { count })}</span></span
    >`
  );
}

/** One page: skip link, nav, language switch, who is logged in, logout; the body goes into <main>. */
export function layout(
  ctx: AnonymousContext,
  page: { title: string; nav: NavKey; body: HtmlValue; refreshSeconds?: number },
): SafeHtml {
  const { t, actor } = ctx;
  const other =
    ctx.locale === 'en' ? { lang: 'zh' as const, label: '中文' } : { lang: 'en' as const, label: 'English' };
  const nav =
    actor &&
    html`<nav aria-label="${t('nav.label')}">
      <ul>
        ${NAV.filter((item) => !item.roles || hasAnyRole(actor, item.roles)).map(
          (item) =>
            html`<li>
              <a href="${item.href}" ${item.key === page.nav ? html` aria-current="page"` : ''}
                >${t(item.label)}${item.key === 'inbox' && waitingBadge(ctx)}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  const user =
    actor &&
    html`<div class="user">
      <span>${actor.name ?? actor.id}</span>
      <span class="roles">${actor.roles.map((role) => t(`role.${role}`)).join(' · ')}</span>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <button type="submit" class="link">${t('nav.logout')}</button>
      </form>
    </div>`;
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · liveops</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/web.css">
<script src="/assets/web.js" defer></script>
</head>
<body${page.refreshSeconds ? html` data-refresh="${page.refreshSeconds}"` : ''}>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="top">
  <a class="brand" href="/">liveops <span>${t('app.tagline')}</span></a>
  ${nav}
  <div class="tools">
    <a href="${withLang(ctx.url, other.lang)}" lang="${other.lang === 'en' ? 'en' : 'zh-CN'}" hreflang="${other.lang === 'en' ? 'en' : 'zh-CN'}">${other.label}</a>
    ${user}
  </div>
</header>
<main id="main" tabindex="-1">
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>`;
}
