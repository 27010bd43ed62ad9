import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createApiToken } from '../../../api/auth/api-tokens';
import { createUser } from '../../../api/auth/users';
import { APP_ROLES, type TActor, type TAppRole } from '../../../domain/shared/actor.types';
import type { Prisma } from '../../../generated/prisma/client';
import type { Db } from '../../../runtime/db';
import { requireTestEnv } from '../../setup/test-env';
import { createHarness, type Harness } from './harness';

export interface TestUser {
  email: string;
  password: string;
  token: string;
  actor: TActor;
}

export interface ApiFixture {
  harness: Harness;
  app: Express;
  /** One user per app role, each with a password and an API token. */
  users: Record<TAppRole, TestUser>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with a unique email (test files share one database), a password and an API token. */
export async function createTestUser(
  db: Db,
  roles: TAppRole[],
  options: { label?: string; password?: boolean } = {},
): Promise<TestUser> {
  const email = `${options.label ?? roles.join('-')}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await createUser(db, {
    email,
    name: options.label ?? roles.join(' '),
    roles,
    ...(options.password === false ? {} : { password: TEST_PASSWORD }),
  });
  const actor = { id: user.email, name: user.name, roles: user.roles };
  const { token } = await createApiToken(db, actor, { name: 'test', user: user.id });
  return { email: user.email, password: TEST_PASSWORD, token, actor };
}

/** The real app over a harness (real worker on its own task queue, real dev server, real database). */
export async function createApiFixture(
  options: {
    env?: Record<string, string>;
    passwords?: boolean;
    /** The queue the app starts workflows on; default: the harness worker's own. */
    taskQueue?: string;
  } = {},
): Promise<ApiFixture> {
  const harness = await createHarness({ env: options.env });
  const config = {
    ...harness.config,
    temporal: { ...harness.config.temporal, taskQueue: options.taskQueue ?? harness.taskQueue },
  };
  const app = createApp({
    config,
    temporal: harness.client,
    db: harness.db,
    logger: harness.logger,
    // Replays run against the run's one workflow bundle rather than bundling the workflows again per test file.
    replayBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
  });
  const entries = await Promise.all(
    APP_ROLES.map(
      async (role) =>
        [role, await createTestUser(harness.db, [role], { password: options.passwords ?? false })] as const,
    ),
  );
  return {
    harness,
    app,
    users: Object.fromEntries(entries) as Record<TAppRole, TestUser>,
    close: () => harness.close(),
  };
}

export const bearer = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

/** Signs in through the login form (CSRF token from GET /api/session) on a cookie-keeping agent. */
export async function signIn(app: Express, user: Pick<TestUser, 'email' | 'password'>) {
  const agent = request.agent(app);
  const { csrfToken } = (await agent.get('/api/session').expect(200)).body as { csrfToken: string };
  const response = await agent
    .post('/login')
    .type('form')
    .send({ email: user.email, password: user.password, _csrf: csrfToken, next: '/streams' });
  const session = (await agent.get('/api/session').expect(200)).body as { csrfToken: string };
  return { agent, response, csrfToken: session.csrfToken };
}

/** Audit rows are written when the response finishes: poll briefly. */
export async function waitForAudit(db: Db, where: Prisma.AuditLogWhereInput) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const rows = await db.auditLog.findMany({ where, orderBy: { id: 'asc' } });
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
