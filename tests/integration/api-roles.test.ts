import request from 'supertest';
import { APP_ROLES, type TAppRole } from '../../domain/shared/actor.types';
import { STREAM_ACTIONS } from '../../workflows/stream/messages';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';

jest.setTimeout(120_000);

interface RoleCase {
  method: 'post' | 'get' | 'delete';
  path: string;
  /** Roles the API lets through (admin passes every check). */
  allowed: readonly TAppRole[];
}

const streamActionRoles: Record<keyof typeof STREAM_ACTIONS, readonly TAppRole[]> = {
  'submit-script': ['operator'],
  'decide-script': ['reviewer'],
  'decide-product': ['reviewer'],
  'sign-checklist': ['operator', 'manager'],
  'record-incident': ['operator', 'manager'],
  extend: ['manager'],
  'end-early': ['manager'],
  pause: ['manager'],
  resume: ['manager'],
  advance: ['manager'],
  reschedule: ['manager'],
  cancel: ['manager'],
  'sign-review': ['manager'],
};

/**
 * Every mutating route (and every role-restricted read) for every role. Bodies are invalid on purpose and ids do not
 * exist, so an allowed call stops at validation (400) or lookup (404) and changes nothing, while a refused one stops
 * at the role check (403 FORBIDDEN) before its input is looked at.
 */
const CASES: RoleCase[] = [
  { method: 'post', path: '/api/streams', allowed: ['operator'] },
  ...Object.entries(streamActionRoles).map(([action, allowed]) => ({
    method: 'post' as const,
    path: `/api/streams/role-matrix-none/actions/${action}`,
    allowed,
  })),
  { method: 'post', path: '/api/metrics', allowed: ['operator'] },
  { method: 'post', path: '/api/users', allowed: [] },
  { method: 'post', path: '/api/tokens', allowed: [] },
  { method: 'delete', path: '/api/tokens/role-matrix-none', allowed: [] },
  { method: 'get', path: '/api/users', allowed: [] },
  { method: 'get', path: '/api/tokens', allowed: [] },
  { method: 'get', path: '/api/audit', allowed: ['auditor'] },
  { method: 'get', path: '/api/streams/role-matrix-none/history', allowed: ['auditor', 'manager'] },
];

describe('role matrix: every mutating route x every role', () => {
  let ready: Promise<ApiFixture> | undefined;
  const fixture = () => (ready ??= createApiFixture());
  afterAll(async () => (await ready)?.close());

  it('covers every stream action the workflow accepts', () => {
    expect(Object.keys(streamActionRoles).sort()).toEqual(Object.keys(STREAM_ACTIONS).sort());
  });

  it.concurrent.each(CASES.map((c) => [`${c.method.toUpperCase()} ${c.path}`, c] as const))(
    '%s',
    async (_name, roleCase) => {
      const f = await fixture();
      const call = (headers: Record<string, string>) =>
        request(f.app)[roleCase.method](roleCase.path).set(headers).send({ invalid: true });
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of APP_ROLES) {
        const response = await call(bearer(f.users[role]));
        const refused = response.status === 403 && response.body.error?.code === 'FORBIDDEN';
        outcomes[role] = refused
          ? 'forbidden'
          : response.status < 500
            ? 'allowed'
            : `error ${response.status}`;
        expected[role] = role === 'admin' || roleCase.allowed.includes(role) ? 'allowed' : 'forbidden';
        if (outcomes[role] === 'allowed') expect([200, 400, 404]).toContain(response.status);
      }
      const anonymous = await call({});
      outcomes.anonymous = anonymous.status === 401 ? 'unauthenticated' : String(anonymous.status);
      expected.anonymous = 'unauthenticated';
      expect(outcomes).toEqual(expected);
    },
  );

  it('audits refused calls with the role the caller had', async () => {
    const f = await fixture();
    const requestId = `roles-${Date.now()}`;
    await request(f.app)
      .post('/api/streams/role-matrix-none/actions/cancel')
      .set(bearer(f.users.auditor))
      .set('X-Request-Id', requestId)
      .send({ reason: 'auditors change nothing' })
      .expect(403);
    const deadline = Date.now() + 5_000;
    let row = await f.harness.db.auditLog.findFirst({ where: { requestId } });
    while (!row && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      row = await f.harness.db.auditLog.findFirst({ where: { requestId } });
    }
    expect(row).toMatchObject({
      actorId: f.users.auditor.email,
      actorRoles: 'auditor',
      action: 'stream.cancel',
      target: 'role-matrix-none',
      status: 403,
      outcome: 'refused',
      errorCode: 'FORBIDDEN',
    });
  });
});
