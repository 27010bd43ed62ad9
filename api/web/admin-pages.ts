import { rolesFor } from '../../domain/shared/app-permissions';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { resetPassword, updateUser } from '../auth/user-admin';
import { createUser, listUsers } from '../auth/users';
import {
  ZCreateUserInputSchema,
  ZResetPasswordInputSchema,
  ZUpdateUserInputSchema,
} from '../auth/users.types';
import { AppError } from '../http/api-error';
import type { Db } from '../../runtime/db';
import type { PageContext } from './context';
import { send, type createPageHandler } from './page-handler';
import { errorPage } from './pages/error-page';
import { usersPage } from './pages/users-page';
import { refusal } from './refusal';

const DONE = ['created', 'updated', 'password', 'disabled', 'enabled'] as const;

const rolesOf = (body: Record<string, unknown>): unknown =>
  Array.isArray(body.roles) ? body.roles : body.roles === undefined ? [] : [body.roles];

/** The zod issues of a form as one refusal, in the same words the API would answer with. */
function invalid(error: z.ZodError): AppError {
  return new AppError(
    'INVALID_INPUT',
    error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`).join('; '),
  );
}

/**
 * /admin/users: create people with roles and a password, change roles, disable and enable, set a new password. The
 * same service functions as POST /api/users and friends, admin only, each form audited.
 */
export function registerAdminPages(
  router: Router,
  deps: { db: Db; page: ReturnType<typeof createPageHandler>; forms: RequestHandler },
): void {
  const { db, page, forms } = deps;
  const isAdmin = (ctx: PageContext) => hasAnyRole(ctx.actor, rolesFor('administerUsers'));

  async function render(
    res: Response,
    ctx: PageContext,
    status: number,
    extra: { error?: AppError; done?: string },
  ) {
    send(
      res,
      status,
      usersPage(ctx, {
        users: await listUsers(db),
        ...(extra.error ? { error: refusal(ctx, extra.error) } : {}),
        ...(extra.done ? { done: extra.done } : {}),
      }),
    );
  }

  router.get(
    '/admin/users',
    page(async (req, res, ctx) => {
      if (!isAdmin(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('users.forbidden')));
      const done = DONE.find((d) => d === req.query.done);
      await render(res, ctx, 200, done ? { done } : {});
    }),
  );

  /** One admin form: parse, run, redirect with `done`; a refusal re-renders the page with it. */
  const post = (
    path: string,
    action: string,
    run: (req: Request, ctx: PageContext, res: Response) => Promise<string>,
  ) =>
    router.post(
      path,
      forms,
      page(async (req, res, ctx) => {
        res.locals.audit = { action, ...(req.params.id ? { target: String(req.params.id) } : {}) };
        if (!isAdmin(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('users.forbidden')));
        try {
          const done = await run(req, ctx, res);
          res.redirect(303, `/admin/users?done=${done}`);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          await render(res, ctx, error.status, { error });
        }
      }),
    );

  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;
  post('/admin/users', 'user.create', async (req, _ctx, res) => {
    const b = body(req);
    const password = typeof b.password === 'string' && b.password !== '' ? b.password : undefined;
    const input = ZCreateUserInputSchema.safeParse({
      email: b.email,
      name: b.name,
      roles: rolesOf(b),
      ...(password === undefined ? {} : { password }),
    });
    if (!input.success) throw invalid(input.error);
    // The audit row names the person created, as the API's does (the form has no id in its path).
    res.locals.audit = { action: 'user.create', target: input.data.email };
    await createUser(db, input.data);
    return 'created';
  });
  post('/admin/users/:id', 'user.update', async (req, ctx) => {
    const b = body(req);
    const input = ZUpdateUserInputSchema.safeParse({ name: b.name, roles: rolesOf(b) });
    if (!input.success) throw invalid(input.error);
    await updateUser(db, ctx.actor.id, String(req.params.id), input.data);
    return 'updated';
  });
  post('/admin/users/:id/password', 'user.password', async (req) => {
    const input = ZResetPasswordInputSchema.safeParse({ password: body(req).password });
    if (!input.success) throw invalid(input.error);
    await resetPassword(db, String(req.params.id), input.data.password);
    return 'password';
  });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    post(`/admin/users/:id/${verb}`, `user.${verb}`, async (req, ctx) => {
      await updateUser(db, ctx.actor.id, String(req.params.id), { disabled });
      return `${verb}d`;
    });
}
