import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import type { Db } from '../../runtime/db';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens';
import { createUser, listUsers } from '../auth/users';
import { resetPassword, updateUser } from '../auth/user-admin';
import {
  ZApiTokenSchema,
  ZCreatedTokenSchema,
  ZCreateTokenInputSchema,
  ZCreateUserInputSchema,
  ZResetPasswordInputSchema,
  ZUpdateUserInputSchema,
  ZUserSchema,
} from '../auth/users.types';
import type { ApiRoutes } from '../http/route';

const ZTokenIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
const ZUserIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** Users and API tokens: admin only. */
export function registerAdminRoutes(routes: ApiRoutes, { db }: { db: Db }) {
  routes.add(
    {
      method: 'post',
      path: '/api/users',
      tag: 'admin',
      summary: 'Create a user with roles (a password enables browser sign-in)',
      access: { roles: rolesFor('administerUsers') },
      body: ZCreateUserInputSchema,
      action: 'user.create',
      success: { status: 201, description: 'The user', schema: ZUserSchema },
      refusals: { 409: 'ALREADY_EXISTS: the email is taken' },
    },
    async ({ body, res }) => {
      res.locals.audit = { action: 'user.create', target: body.email };
      return createUser(db, body);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/users',
      tag: 'admin',
      summary: 'List users',
      access: { roles: rolesFor('administerUsers') },
      success: { status: 200, description: 'Users', schema: z.object({ users: z.array(ZUserSchema) }) },
    },
    async () => ({ users: await listUsers(db) }),
  );

  routes.add(
    {
      method: 'post',
      path: '/api/users/:id',
      tag: 'admin',
      summary: "Change a user's name or roles, or disable them (their sessions end at once)",
      access: { roles: rolesFor('administerUsers') },
      params: ZUserIdParamsSchema,
      body: ZUpdateUserInputSchema,
      action: 'user.update',
      success: { status: 200, description: 'The user', schema: ZUserSchema },
      refusals: { 404: 'No such user', 409: 'Disabling yourself or taking your own admin role' },
    },
    async ({ params, body, actor, res }) => {
      res.locals.audit = { action: 'user.update', target: params.id };
      return updateUser(db, actor.id, params.id, body);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/users/:id/password',
      tag: 'admin',
      summary: "Set a user's password (their open sessions end)",
      access: { roles: rolesFor('administerUsers') },
      params: ZUserIdParamsSchema,
      body: ZResetPasswordInputSchema,
      action: 'user.password',
      success: { status: 200, description: 'The user', schema: ZUserSchema },
      refusals: { 404: 'No such user' },
    },
    async ({ params, body, res }) => {
      res.locals.audit = { action: 'user.password', target: params.id };
      return resetPassword(db, params.id, body.password);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tokens',
      tag: 'admin',
      summary: 'Create an API token for yourself or a user; the token is in this response only',
      access: { roles: rolesFor('administerUsers') },
      body: ZCreateTokenInputSchema,
      action: 'token.create',
      success: { status: 201, description: 'The token, shown once', schema: ZCreatedTokenSchema },
      secretFields: ['token'],
      refusals: {
        404: 'No such user',
        409: 'IDEMPOTENCY_IN_PROGRESS; IDEMPOTENCY_SECRET_NOT_REPLAYED: the key already created a token (shown once)',
      },
    },
    async ({ body, actor, res }) => {
      const created = await createApiToken(db, actor, body);
      res.locals.audit = { action: 'token.create', target: `${created.id} (${created.userEmail})` };
      return created;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tokens',
      tag: 'admin',
      summary: 'List API tokens (never the tokens themselves)',
      access: { roles: rolesFor('administerUsers') },
      success: { status: 200, description: 'Tokens', schema: z.object({ tokens: z.array(ZApiTokenSchema) }) },
    },
    async () => ({ tokens: await listApiTokens(db) }),
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/tokens/:id',
      tag: 'admin',
      summary: 'Revoke an API token',
      access: { roles: rolesFor('administerUsers') },
      params: ZTokenIdParamsSchema,
      action: 'token.revoke',
      success: { status: 200, description: 'The revoked token', schema: ZApiTokenSchema },
      refusals: { 404: 'No such token' },
    },
    ({ params }) => revokeApiToken(db, params.id),
  );
}
