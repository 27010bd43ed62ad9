import request from 'supertest';
import { APP_ROLES, type TActor } from '../../domain/shared/actor.types';
import {
  assertStreamPermit,
  STREAM_ACTIONS,
  streamActionsFor,
  type TStreamActionDef,
} from '../../domain/stream/actions';
import { isDomainError } from '../../domain/shared/errors';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TStreamState } from '../../domain/stream/state.types';
import { bearer, createApiFixture, createTestUser, type ApiFixture, type TestUser } from './helpers/api';
import { isoIn } from './helpers/streams';

jest.setTimeout(180_000);

/** What the registry says about this person on this stream now: refused for who (FORBIDDEN_ROLE), or not. */
function registryRefusesRole(state: TStreamState, actor: TActor, action: TStreamActionDef): boolean {
  try {
    assertStreamPermit(action, state, actor);
    return false;
  } catch (error) {
    if (isDomainError(error)) return error.code === 'FORBIDDEN_ROLE';
    throw error;
  }
}

describe('who may do what: the registry, the API and the running workflow agree', () => {
  let ready:
    | Promise<{ f: ApiFixture; people: Record<string, TestUser>; owner: TestUser; streamId: string }>
    | undefined;
  const setup = () =>
    (ready ??= (async () => {
      const f = await createApiFixture();
      const db = f.harness.db;
      const rosterReviewer = await createTestUser(db, ['reviewer'], { label: 'roster-reviewer' });
      // On the roster as room operator without the operator role: the place on the roster is what counts.
      const roomOperator = await createTestUser(db, ['reviewer'], { label: 'room-operator' });
      const owner = await createTestUser(db, ['operator'], { label: 'owner' });
      const teamOperator = await createTestUser(db, ['operator'], { label: 'co-host' });
      const otherReviewer = await createTestUser(db, ['reviewer'], { label: 'other-team-reviewer' });
      const people: Record<string, TestUser> = {
        rosterReviewer,
        otherReviewer,
        roomOperator,
        owner,
        teamOperator,
        ...f.users,
      };
      const sample = buildSamplePlan({ scheduledStart: isoIn(3600), owner: owner.email });
      const member = (user: TestUser, name: string) => [{ id: user.email, name, email: user.email }];
      const plan = {
        ...sample,
        team: {
          ...sample.team,
          reviewer: member(rosterReviewer, '审核'),
          room_operator: member(roomOperator, '场控'),
          co_host: member(teamOperator, '副播'),
        },
      };
      const created = await request(f.app).post('/api/streams').set(bearer(owner)).send(plan).expect(201);
      const streamId = created.body.id as string;
      // Wait until the scan is in, so the stream sits in compliance with its gates open.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await request(f.app).get(`/api/streams/${streamId}`).set(bearer(owner));
        if (res.body.state?.script?.revisions?.[0]?.findings !== undefined) break;
        if (Date.now() > deadline) throw new Error('stream was not scanned in time');
        await new Promise((r) => setTimeout(r, 200));
      }
      return { f, people, owner, streamId };
    })());
  afterAll(async () => (await ready)?.f.close());

  it('refuses exactly whom the registry refuses, for every action and every kind of person', async () => {
    const { f, people, owner, streamId } = await setup();
    const state = (await request(f.app).get(`/api/streams/${streamId}`).set(bearer(owner))).body
      .state as TStreamState;
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const action of STREAM_ACTIONS) {
      for (const [label, user] of Object.entries(people)) {
        // An empty body: refused for who first; otherwise refused for the phase or the input, so nothing changes.
        const res = await request(f.app)
          .post(`/api/streams/${streamId}/actions/${action.name}`)
          .set(bearer(user))
          .send({});
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(200);
        outcomes.push(
          `${action.name} ${label}: ${res.body.error?.code === 'FORBIDDEN_ROLE' ? 'refused' : 'let through'}`,
        );
        expected.push(
          `${action.name} ${label}: ${registryRefusesRole(state, user.actor, action) ? 'refused' : 'let through'}`,
        );
      }
    }
    expect(outcomes).toEqual(expected);
    // The ones the issue named, spelled out.
    expect(outcomes).toEqual(
      expect.arrayContaining([
        'decide-script otherReviewer: refused',
        'decide-script rosterReviewer: let through',
        'sign-checklist roomOperator: let through',
        'sign-checklist operator: refused',
        'submit-script owner: let through',
        'record-incident teamOperator: let through',
      ]),
    );
    // And the buttons are the same verdict: nobody sees an action the workflow would refuse them for who they are.
    for (const [, user] of Object.entries(people))
      for (const def of streamActionsFor(state, user.actor))
        expect(registryRefusesRole(state, user.actor, def)).toBe(false);
  });

  it('answers a refusal for who with 403 FORBIDDEN_ROLE and audits it with the role the caller had', async () => {
    const { f, streamId } = await setup();
    const requestId = `roles-${Date.now()}`;
    const res = await request(f.app)
      .post(`/api/streams/${streamId}/actions/cancel`)
      .set(bearer(f.users.auditor))
      .set('X-Request-Id', requestId)
      .send({ reason: 'auditors change nothing' })
      .expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
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
      target: streamId,
      status: 403,
      outcome: 'refused',
      errorCode: 'FORBIDDEN_ROLE',
    });
  });

  it('enforces every route that declares roles, as its OpenAPI entry declares them', async () => {
    const { f } = await setup();
    const doc = (await request(f.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-access': string | string[] }>>;
    };
    const restricted = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op['x-access']))
        .map(([method, op]) => ({
          method,
          path: path.replace(/\{\w+\}/g, 'role-matrix-none'),
          roles: op['x-access'],
        })),
    );
    expect(restricted.length).toBeGreaterThan(5);
    for (const route of restricted) {
      for (const role of APP_ROLES) {
        const agent = request(f.app);
        const method = route.method as 'get' | 'post' | 'delete';
        const call = agent[method](route.path).set(bearer(f.users[role]));
        const res = route.method === 'get' ? await call : await call.send({ invalid: true });
        const refused = res.status === 403 && res.body.error?.code === 'FORBIDDEN_ROLE';
        const allowed = role === 'admin' || (route.roles as string[]).includes(role);
        expect({ route: `${route.method} ${route.path}`, role, refused }).toEqual({
          route: `${route.method} ${route.path}`,
          role,
          refused: !allowed,
        });
        expect(res.status).toBeLessThan(500);
      }
      const anonymousAgent = request(f.app);
      const anonymous = await anonymousAgent[route.method as 'get' | 'post' | 'delete'](route.path);
      expect(anonymous.status).toBe(401);
    }
  });
});
