import request from 'supertest';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';

jest.setTimeout(120_000);

describe('Idempotency-Key', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture?.close());

  const storedRecords = (key: string) => fixture.harness.db.idempotencyRecord.findMany({ where: { key } });

  it('never stores a new API token, and does not hand it out again on a repeat', async () => {
    const { admin, operator } = fixture.users;
    const key = uniqueId('token-key');
    const name = uniqueId('push');
    const body = { name, user: operator.email };
    const created = await request(fixture.app)
      .post('/api/tokens')
      .set(bearer(admin))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^lo_/);

    const records = await storedRecords(key);
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain(token);

    const repeat = await request(fixture.app)
      .post('/api/tokens')
      .set(bearer(admin))
      .set('Idempotency-Key', key)
      .send(body);
    expect(repeat.status).toBe(409);
    expect(repeat.body.error).toMatchObject({
      code: 'IDEMPOTENCY_SECRET_NOT_REPLAYED',
      message: expect.stringContaining(created.body.id as string),
      details: { status: 201, response: { id: created.body.id, prefix: created.body.prefix } },
    });
    expect(JSON.stringify(repeat.body)).not.toContain(token);
    // Nothing ran twice: one token of that name.
    expect(await fixture.harness.db.apiToken.count({ where: { name } })).toBe(1);
  });

  it('keeps no fast hash of a password: request fingerprints are salted', async () => {
    const { admin } = fixture.users;
    const password = 'a long and secret password';
    const body = { email: `${uniqueId('pw')}@example.com`, name: 'pw', roles: ['operator'], password };
    const [first, second] = [uniqueId('pw-key'), uniqueId('pw-key')];
    await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', first)
      .send(body)
      .expect(201);
    await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', second)
      .send(body)
      .expect(409);
    const [a] = await storedRecords(first);
    const [b] = await storedRecords(second);
    expect(JSON.stringify([a, b])).not.toContain(password);
    // The same request under two keys: a plain digest would be equal, and guessable offline from the known fields.
    expect(a!.requestHash).not.toBe(b!.requestHash);

    const replay = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', first)
      .send(body)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const otherPassword = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', first)
      .send({ ...body, password: 'another long password' });
    expect(otherPassword.status).toBe(422);
  });

  it('replays the same JSON in another key order instead of calling it a conflict', async () => {
    const { admin } = fixture.users;
    const key = uniqueId('order-key');
    const email = `${uniqueId('order')}@example.com`;
    const created = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', key)
      .set('Content-Type', 'application/json')
      .send(`{"email":"${email}","name":"排序","roles":["operator","reviewer"]}`)
      .expect(201);
    const reordered = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', key)
      .set('Content-Type', 'application/json')
      .send(`{ "roles": ["operator", "reviewer"], "name": "排序", "email": "${email}" }`);
    expect(reordered.status).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.body).toEqual(created.body);
    // Array order is meaning, not spelling: another order is another request.
    const otherRoles = await request(fixture.app)
      .post('/api/users')
      .set(bearer(admin))
      .set('Idempotency-Key', key)
      .send({ email, name: '排序', roles: ['reviewer', 'operator'] });
    expect(otherRoles.status).toBe(422);
  });
});
