import { deflateSync } from 'node:zlib';
import request from 'supertest';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';
import { isoIn } from './helpers/streams';
import { buildSamplePlan } from '../../domain/stream/sample-plan';

jest.setTimeout(120_000);

type ErrorShape = { error: { code: string; message: string; details?: unknown } };

/** The one error shape, with a message a person can act on and, for bad input, the details. */
function expectActionable(response: request.Response, status: number, code: string): ErrorShape['error'] {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  const error = (response.body as ErrorShape).error;
  expect(error.details).toBeDefined();
  return error;
}

const detailPaths = (error: ErrorShape['error']) =>
  (error.details as Array<{ path: unknown[] }>).map((issue) => issue.path.join('.'));

const point = (streamId: string, minute = 0) => ({
  streamId,
  metric: 'viewers',
  ts: new Date(Date.UTC(2026, 11, 1, 12, minute)).toISOString(),
  value: 100 + minute,
});

describe('bad input is a 400 that names the problem, never a 500', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture?.close());

  it('deeply nested JSON with an Idempotency-Key, on every JSON POST route', async () => {
    const { admin } = fixture.users;
    const document = (await request(fixture.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
    };
    const routes = Object.entries(document.paths)
      .filter(([, methods]) => methods.post?.requestBody?.content['application/json'] !== undefined)
      .map(([path]) => path.replace('{id}', 'no-such-stream'));
    expect(routes.length).toBeGreaterThan(10);
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const path of routes) {
      const response = await request(fixture.app)
        .post(path)
        .set(bearer(admin))
        .set('Idempotency-Key', uniqueId('deep'))
        .set('Content-Type', 'application/json')
        .send(deep);
      const error = expectActionable(response, 400, 'INVALID_INPUT');
      expect(`${path}: ${error.message}`).toMatch(/nested/);
    }
  });

  it.each([
    ['tokens.user', '/api/tokens', { name: 'ok', user: 'x\ud800y' }, 'user'],
    ['tokens.name', '/api/tokens', { name: 'bad \ud800' }, 'name'],
    ['users.name', '/api/users', { email: 'lone@example.com', name: '\udc00', roles: ['operator'] }, 'name'],
    ['metrics.streamId', '/api/metrics', { points: [point('s-\ud800')] }, 'points.0.streamId'],
  ])('a lone surrogate in %s is a 400 naming the field', async (_label, path, body, field) => {
    const { admin } = fixture.users;
    const response = await request(fixture.app)
      .post(path)
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
    const error = expectActionable(response, 400, 'INVALID_INPUT');
    expect(error.message).toContain(field);
    expect(detailPaths(error)).toContain(field);
  });

  it.each([
    [
      'timing.approvalReminderIntervalSeconds',
      { timing: { approvalReminderIntervalSeconds: 9007199254740991 } },
    ],
    ['timing.approvalReminderIntervalSeconds', { timing: { approvalReminderIntervalSeconds: 0 } }],
    ['team.reviewer.0.id', { team: { reviewer: [{ id: 'r'.repeat(201), name: 'r' }] } }],
  ])(
    'a plan the workflow could not run is refused at POST /api/streams, naming %s',
    async (field, change) => {
      const { operator } = fixture.users;
      const plan = buildSamplePlan({ scheduledStart: isoIn(3600), owner: operator.email });
      const response = await request(fixture.app)
        .post('/api/streams')
        .set(bearer(operator))
        .send({ ...plan, ...change });
      const error = expectActionable(response, 400, 'INVALID_INPUT');
      expect(error.message).toContain(field);
      expect(detailPaths(error)).toContain(field);
    },
  );

  it('a user whose email could not be named in a notification (over 100 characters) is refused', async () => {
    const { admin } = fixture.users;
    const email = `${'u'.repeat(90)}@example.com`;
    const response = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .send({ email, name: 'long', roles: ['operator'] });
    expect(detailPaths(expectActionable(response, 400, 'INVALID_INPUT'))).toContain('email');
  });

  it('a metric batch whose streamId contains NUL is refused the same way every time', async () => {
    const { operator } = fixture.users;
    const batch = { points: [point(`nul-\u0000-${uniqueId('s')}`)] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request(fixture.app).post('/api/metrics').set(bearer(operator)).send(batch);
      const error = expectActionable(response, 400, 'INVALID_INPUT');
      expect(detailPaths(error)).toContain('points.0.streamId');
    }
  });

  it('a valid metric batch covering 1,000 streams is stored, and again as duplicates', async () => {
    const { operator } = fixture.users;
    const prefix = uniqueId('many');
    const points = Array.from({ length: 1000 }, (_, i) => point(`${prefix}-${i}`, i % 60));
    const first = await request(fixture.app).post('/api/metrics').set(bearer(operator)).send({ points });
    expect({ status: first.status, accepted: first.body.accepted }).toEqual({ status: 202, accepted: 1000 });
    expect(first.body.streams).toHaveLength(1000);
    const again = await request(fixture.app).post('/api/metrics').set(bearer(operator)).send({ points });
    expect({ status: again.status, duplicates: again.body.duplicates }).toEqual({
      status: 202,
      duplicates: 1000,
    });
    expect(await fixture.harness.db.metricPoint.count({ where: { streamId: { startsWith: prefix } } })).toBe(
      1000,
    );
  });

  it('answers with messages a person can act on, not library text', async () => {
    const { operator } = fixture.users;
    const undecodable = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'deflate')
      .send('this is not deflate');
    const inflate = expectActionable(undecodable, 400, 'INVALID_INPUT');
    expect(inflate.message).not.toMatch(/incorrect header check/);
    expect(inflate.message).toMatch(/Content-Encoding/);

    const param = await request(fixture.app).get('/api/streams/%zz').set(bearer(operator));
    const decode = expectActionable(param, 400, 'INVALID_INPUT');
    expect(decode.message).not.toMatch(/Failed to decode param/);
    expect(decode.message).toMatch(/percent/);

    const json = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expectActionable(json, 400, 'INVALID_JSON');

    const key = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .set('Idempotency-Key', 'with space')
      .send({});
    expect(detailPaths(expectActionable(key, 400, 'INVALID_INPUT'))).toContain('Idempotency-Key');

    const compressed = await request(fixture.app)
      .post('/api/metrics')
      .set(bearer(operator))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'deflate')
      // superagent would JSON-encode a Buffer sent as application/json: send the bytes as they are.
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(deflateSync(JSON.stringify({ points: [point(uniqueId('deflated'))] })));
    expect(compressed.status).toBe(202);
  });
});
