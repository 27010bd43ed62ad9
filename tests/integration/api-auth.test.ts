import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { verifyPassword } from '../../api/auth/passwords';
import { ensureFirstAdmin } from '../../api/auth/users';
import { parseConfig } from '../../runtime/config';
import { createDb } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import { applyMigrations } from '../../runtime/migrate';
import {
  bearer,
  createApiFixture,
  createTestUser,
  signIn,
  waitForAudit,
  type ApiFixture,
} from './helpers/api';

jest.setTimeout(120_000);

describe('API authentication, sessions, CSRF, tokens and audit', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({ passwords: true });
  });
  afterAll(() => fixture?.close());

  it('signs in with the form, keeps a secure http-only session, and signs out', async () => {
    const { manager } = fixture.users;
    const { agent, response } = await signIn(fixture.app, manager);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/streams');
    const cookie = (response.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('liveops_session='),
    );
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get('/api/session').expect(200);
    expect(me.body.actor).toEqual({ id: manager.email, name: 'manager', roles: ['manager'] });
    expect(me.body.authMethod).toBe('session');
    await agent.get('/api/streams').expect(200);

    // Logout without the CSRF token is refused; with it, the session ends.
    await agent.post('/logout').type('form').send({}).set('Accept', 'application/json').expect(403);
    const out = await agent.post('/logout').type('form').send({ _csrf: me.body.csrfToken }).expect(303);
    expect(out.headers.location).toBe('/login');
    await agent.get('/api/streams').expect(401);
    expect((await agent.get('/api/session')).body.actor).toBeNull();
  });

  it('refuses a wrong password, an unknown email and a missing CSRF token with redirects to the form', async () => {
    const { reviewer } = fixture.users;
    const wrong = await signIn(fixture.app, { email: reviewer.email, password: 'not the password' });
    expect(wrong.response.status).toBe(303);
    expect(wrong.response.headers.location).toBe('/login?error=1&next=%2Fstreams');
    const unknown = await signIn(fixture.app, { email: 'nobody@example.com', password: 'whatever' });
    expect(unknown.response.headers.location).toMatch(/^\/login\?error=1/);

    const agent = request.agent(fixture.app);
    await agent.get('/api/session');
    const noCsrf = await agent
      .post('/login')
      .type('form')
      .send({ email: reviewer.email, password: reviewer.password });
    expect(noCsrf.status).toBe(303);
    expect(noCsrf.headers.location).toBe('/login?error=csrf');
    expect((await agent.get('/api/session')).body.actor).toBeNull();

    const rows = await waitForAudit(fixture.harness.db, { action: 'auth.login', target: reviewer.email });
    expect(rows.map((r) => r.outcome)).toEqual(expect.arrayContaining(['refused']));
  });

  it('redirects only to same-site paths after sign-in', async () => {
    const { operator } = fixture.users;
    const agent = request.agent(fixture.app);
    const { csrfToken } = (await agent.get('/api/session')).body as { csrfToken: string };
    const response = await agent.post('/login').type('form').send({
      email: operator.email,
      password: operator.password,
      _csrf: csrfToken,
      next: '//evil.example/x',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
  });

  it('requires the CSRF token on cookie-authenticated API writes, and not on bearer requests', async () => {
    const { admin } = fixture.users;
    const { agent, csrfToken } = await signIn(fixture.app, admin);
    const body = { name: 'ci', user: admin.email };
    const refused = await agent.post('/api/tokens').send(body).expect(403);
    expect(refused.body.error.code).toBe('CSRF_INVALID');
    await agent.post('/api/tokens').set('X-CSRF-Token', 'forged').send(body).expect(403);
    await agent.post('/api/tokens').set('X-CSRF-Token', csrfToken).send(body).expect(201);
    await request(fixture.app).post('/api/tokens').set(bearer(admin)).send(body).expect(201);
  });

  it('shows a new API token once, stores only its hash, and refuses it after revocation', async () => {
    const { admin } = fixture.users;
    const integration = await createTestUser(fixture.harness.db, ['operator'], {
      label: 'integration',
      password: false,
    });
    const created = await request(fixture.app)
      .post('/api/tokens')
      .set(bearer(admin))
      .send({ name: 'platform push', user: integration.email, expiresInDays: 30 })
      .expect(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^lo_[\w-]{43}$/);
    expect(created.body).toMatchObject({
      name: 'platform push',
      userEmail: integration.email,
      createdBy: admin.email,
    });

    const stored = await fixture.harness.db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = await request(fixture.app).get('/api/tokens').set(bearer(admin)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const me = await request(fixture.app)
      .get('/api/session')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body.actor.id).toBe(integration.email);
    expect(me.body.authMethod).toBe('token');

    await request(fixture.app).delete(`/api/tokens/${created.body.id}`).set(bearer(admin)).expect(200);
    const after = await request(fixture.app).get('/api/streams').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    await request(fixture.app).delete('/api/tokens/no-such-token').set(bearer(admin)).expect(404);
  });

  it('creates and lists users (admin only), refusing duplicates and bad input', async () => {
    const { admin } = fixture.users;
    const email = `Lead-${Date.now()}@Example.com`;
    const created = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .send({ email, name: '刘经理', roles: ['manager', 'reviewer'], password: 'a long enough password' })
      .expect(201);
    expect(created.body).toMatchObject({
      email: email.toLowerCase(),
      roles: ['manager', 'reviewer'],
      hasPassword: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password"/);
    const duplicate = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .send({ email, name: 'x', roles: ['manager'] })
      .expect(409);
    expect(duplicate.body.error.code).toBe('ALREADY_EXISTS');
    const invalid = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'not-an-email', name: '', roles: ['boss'], password: 'short' })
      .expect(400);
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    expect(invalid.body.error.details.map((d: { path: string[] }) => d.path[0])).toEqual(
      expect.arrayContaining(['email', 'name', 'roles', 'password']),
    );
    const list = await request(fixture.app).get('/api/users').set(bearer(admin)).expect(200);
    expect(list.body.users.map((u: { email: string }) => u.email)).toContain(email.toLowerCase());

    const signedIn = await signIn(fixture.app, { email, password: 'a long enough password' });
    expect(signedIn.response.headers.location).toBe('/streams');
  });

  it('answers 401 without credentials, 401 for an unknown token, and login redirects for HTML', async () => {
    const anonymous = await request(fixture.app).get('/api/streams').expect(401);
    expect(anonymous.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    await request(fixture.app).get('/api/streams').set('Authorization', 'Bearer lo_nope').expect(401);
    await request(fixture.app).get('/api/streams').set('Authorization', 'Basic abc').expect(401);
    await request(fixture.app).post('/api/streams').send({}).expect(401);
  });

  it('never answers bad input with a 500: malformed JSON, oversized bodies, bad keys, unknown routes', async () => {
    const { operator, admin } = fixture.users;
    const malformed = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_JSON');
    const big = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'big@example.com', name: 'x'.repeat(300_000), roles: ['operator'] });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const badKey = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .set('Idempotency-Key', 'with space')
      .send({});
    expect(badKey.status).toBe(400);
    await request(fixture.app).get('/api/nothing-here').set(bearer(operator)).expect(404);
    await request(fixture.app).get('/api/streams/%E0%A4%A').set(bearer(operator)).expect(400);
    await request(fixture.app).get('/api/streams?pending=maybe').set(bearer(operator)).expect(400);
  });

  it('sets security headers and echoes request ids', async () => {
    const response = await request(fixture.app).get('/api/session').set('X-Request-Id', 'trace-abc.123');
    expect(response.headers['x-request-id']).toBe('trace-abc.123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    const generated = await request(fixture.app)
      .get('/api/session')
      .set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes an append-only audit row for every mutating request, readable by auditors', async () => {
    const { admin, auditor, operator } = fixture.users;
    const requestId = `audit-${Date.now()}`;
    await request(fixture.app)
      .post('/api/tokens')
      .set(bearer(admin))
      .set('X-Request-Id', requestId)
      .send({ name: 'audited', user: operator.email })
      .expect(201);
    await request(fixture.app)
      .post('/api/tokens')
      .set(bearer(operator))
      .set('X-Request-Id', `${requestId}-refused`)
      .send({ name: 'not mine to make' })
      .expect(403);
    const [ok] = await waitForAudit(fixture.harness.db, { requestId });
    expect(ok).toMatchObject({
      actorId: admin.email,
      actorRoles: 'admin',
      authMethod: 'token',
      action: 'token.create',
      method: 'POST',
      status: 201,
      outcome: 'success',
    });
    expect(ok!.target).toContain(operator.email);
    const [refused] = await waitForAudit(fixture.harness.db, { requestId: `${requestId}-refused` });
    expect(refused).toMatchObject({
      actorId: operator.email,
      status: 403,
      outcome: 'refused',
      errorCode: 'FORBIDDEN_ROLE',
    });

    const listed = await request(fixture.app)
      .get(`/api/audit?actor=${encodeURIComponent(admin.email)}&action=token.create&limit=50`)
      .set(bearer(auditor))
      .expect(200);
    expect(listed.body.entries.map((e: { requestId: string }) => e.requestId)).toContain(requestId);
    await request(fixture.app).get('/api/audit').set(bearer(operator)).expect(403);

    // The database's triggers refuse changes (Prisma reports the RAISE(ABORT) under another name).
    await expect(
      fixture.harness.db.auditLog.update({ where: { id: ok!.id }, data: { outcome: 'failed' } }),
    ).rejects.toThrow();
    await expect(fixture.harness.db.auditLog.delete({ where: { id: ok!.id } })).rejects.toThrow();
    expect(await fixture.harness.db.auditLog.findUnique({ where: { id: ok!.id } })).toEqual(ok);
  });

  it('serves the OpenAPI document and a docs page built from the same schemas', async () => {
    const doc = await request(fixture.app).get('/openapi.json').expect(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/streams',
        '/api/streams/{id}',
        '/api/streams/{id}/actions/decide-script',
        '/api/streams/{id}/history',
        '/api/approvals',
        '/api/metrics',
        '/api/reports/streams/{id}',
        '/api/outbox',
        '/api/audit',
        '/api/users',
        '/api/tokens',
        '/api/tokens/{id}',
        '/login',
      ]),
    );
    const decide = doc.body.paths['/api/streams/{id}/actions/decide-script'].post;
    // The API only authenticates; who may decide is the domain's, and the document says it in words.
    expect(decide['x-access']).toBe('authenticated');
    expect(decide.description).toContain('role reviewer on the roster as reviewer');
    expect(decide.requestBody.content['application/json'].schema.properties.decision.enum).toEqual(
      expect.arrayContaining(['approved', 'rejected']),
    );
    const docs = await request(fixture.app).get('/docs').expect(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.text).toContain('/api/streams/{id}/actions/extend');
    expect(docs.text).not.toMatch(/<script/);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const app = createApp({
      config: { ...fixture.harness.config, auth: { ...fixture.harness.config.auth, loginRateLimit: 2 } },
      temporal: fixture.harness.client,
      db: fixture.harness.db,
      logger: fixture.harness.logger,
    });
    const attempt = () => signIn(app, { email: 'nobody@example.com', password: 'x' });
    expect((await attempt()).response.status).toBe(303);
    expect((await attempt()).response.status).toBe(303);
    const limited = await attempt();
    expect(limited.response.status).toBe(429);
  });
});

describe('first admin', () => {
  it('comes from env, or is admin@localhost with a random password logged once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-admin-'));
    const config = parseConfig({ DATABASE_URL: `file:${path.join(dir, 'fresh.db')}`, LIVEOPS_DATA_DIR: dir });
    await applyMigrations(config, createLogger({ log: { level: 'warn', format: 'json' } }));
    const db = createDb(config);
    try {
      const lines: string[] = [];
      const logger = pino(
        { level: 'info' },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString());
            done();
          },
        }),
      );
      const generated = await ensureFirstAdmin(db, config, logger);
      expect(generated).toMatchObject({ email: 'admin@localhost', roles: ['admin'] });
      const password = /with password (\S+)/.exec(lines.join(''))?.[1];
      expect(password).toBeDefined();
      const row = await db.user.findUniqueOrThrow({ where: { email: 'admin@localhost' } });
      expect(await verifyPassword(password!, row.passwordHash!)).toBe(true);
      expect(await ensureFirstAdmin(db, config, logger)).toBeUndefined();

      await db.user.deleteMany();
      const fromEnv = parseConfig({
        DATABASE_URL: `file:${path.join(dir, 'fresh.db')}`,
        LIVEOPS_ADMIN_EMAIL: 'Boss@Example.com',
        LIVEOPS_ADMIN_PASSWORD: 'twelve chars at least',
      });
      lines.length = 0;
      expect(await ensureFirstAdmin(db, fromEnv, logger)).toMatchObject({ email: 'boss@example.com' });
      expect(lines.join('')).not.toContain('twelve chars at least');
      const boss = await db.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
      expect(await verifyPassword('twelve chars at least', boss.passwordHash!)).toBe(true);
    } finally {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
