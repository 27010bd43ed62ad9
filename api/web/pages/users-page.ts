import { APP_ROLES } from '../../../domain/shared/actor.types';
import type { TUser } from '../../auth/users.types';
import type { PageContext } from '../context';
import { formatInstant } from '../i18n';
import { attr, html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { PageError } from '../refusal';
import type { TMessageKey } from '../messages';
import { dataTable } from '../widgets/scroll-region';

export interface UsersPageData {
  users: readonly TUser[];
  error?: PageError;
  /** What was just done: created, updated, password, disabled, enabled. */
  done?: string;
}

const csrf = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;

function roleChecks(ctx: PageContext, prefix: string, held: readonly string[]): SafeHtml {
  return html`<fieldset>
    <legend>${ctx.t('users.roles')}</legend>
    ${APP_ROLES.map(
      (role) =>
        html`<div class="check">
          <input
            type="checkbox"
            id="${prefix}-${role}"
            name="roles"
            value="${role}"
            ${attr('checked', held.includes(role))}
          /><label for="${prefix}-${role}">${ctx.t(`role.${role}`)}</label>
        </div>`,
    )}
  </fieldset>`;
}

function createForm(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<form method="post" action="/admin/users" id="create-user">
    ${csrf(ctx)}
    <label for="u-email">${t('users.email')}</label
    ><input id="u-email" name="email" type="email" required maxlength="100" />
    <label for="u-name">${t('users.name')}</label><input id="u-name" name="name" required maxlength="100" />
    ${roleChecks(ctx, 'u-new', ['operator'])}
    <label for="u-password">${t('users.password')}</label
    ><input
      id="u-password"
      name="password"
      type="password"
      minlength="12"
      maxlength="200"
      autocomplete="new-password"
      aria-describedby="u-password-hint"
    /><small id="u-password-hint">${t('users.passwordHint')}</small>
    <div class="buttons"><button type="submit">${t('users.create')}</button></div>
  </form>`;
}

/** One person: their roles and name, disable or enable, a new password; each a form of its own. */
function userCard(ctx: PageContext, user: TUser): SafeHtml {
  const { t } = ctx;
  const base = `/admin/users/${encodeURIComponent(user.id)}`;
  const id = `u-${user.id}`;
  return html`<details class="action-card" data-user="${user.email}">
    <summary>${t('users.edit', { name: user.name })}</summary>
    <form method="post" action="${base}" class="action">
      ${csrf(ctx)}
      <label for="${id}-name">${t('users.name')}</label
      ><input id="${id}-name" name="name" value="${user.name}" required maxlength="100" />
      ${roleChecks(ctx, id, user.roles)}
      <div class="buttons"><button type="submit">${t('users.save')}</button></div>
    </form>
    <form method="post" action="${base}/password" class="action">
      ${csrf(ctx)}
      <label for="${id}-pw">${t('users.newPassword')}</label
      ><input
        id="${id}-pw"
        name="password"
        type="password"
        minlength="12"
        maxlength="200"
        required
        autocomplete="new-password"
      />
      <div class="buttons"><button type="submit">${t('users.setPassword')}</button></div>
    </form>
    <form
      method="post"
      action="${base}/${user.disabled ? 'enable' : 'disable'}"
      class="action"
      data-confirm="${t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.name })}"
    >
      ${csrf(ctx)}
      <div class="buttons">
        <button type="submit" ${user.disabled ? '' : html` class="danger"`}>
          ${t(user.disabled ? 'users.enable' : 'users.disable')}
        </button>
      </div>
    </form>
  </details>`;
}

/** Admin: who may sign in, with which roles; create, change roles, disable, set a password. */
export function usersPage(ctx: PageContext, data: UsersPageData): SafeHtml {
  const { t } = ctx;
  const rows = data.users.map(
    (user) =>
      html`<tr data-user="${user.email}">
        <td>${user.name}</td>
        <td>${user.email}</td>
        <td>${user.roles.map((role) => t(`role.${role}`)).join('、')}</td>
        <td>
          ${user.disabled ? html`<strong class="bad">${t('users.disabled')}</strong>` : t('users.active')}
          ${!user.hasPassword && html`<br /><small>${t('users.noPassword')}</small>`}
        </td>
        <td>${formatInstant(user.createdAt, ctx.locale)}</td>
      </tr>`,
  );
  const body = html`${errorBanner(data.error)}
    ${data.done && html`<div class="done" role="status">${t(`users.done.${data.done}` as TMessageKey)}</div>`}
    <section aria-labelledby="s-users">
      <h2 id="s-users">${t('users.list')}</h2>
      ${dataTable({
        label: t('users.list'),
        className: 'users',
        headers: [t('users.name'), t('users.email'), t('users.roles'), t('users.status'), t('users.created')],
        rows,
      })}
      ${data.users.map((user) => userCard(ctx, user))}
    </section>
    <section aria-labelledby="s-new-user">
      <h2 id="s-new-user">${t('users.new')}</h2>
      ${createForm(ctx)}
    </section>`;
  return layout(ctx, { title: t('users.title'), nav: 'users', body });
}
