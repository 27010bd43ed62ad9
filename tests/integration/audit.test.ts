import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bearer, createApiFixture, waitForAudit, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';

jest.setTimeout(120_000);

async function until<T>(probe: () => Promise<T | undefined | null>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the audit log records what happened', () => {
  let fixture: ApiFixture;
  let server: http.Server;
  beforeAll(async () => {
    fixture = await createApiFixture();
    server = http.createServer(fixture.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await fixture?.close();
  });

  it('a request whose client hung up still takes effect and leaves its audit row', async () => {
    const requestId = uniqueId('gone');
    const email = `${uniqueId('gone')}@example.com`;
    // A password makes the handler hash it (scrypt, ~0.1 s): the client is gone long before the answer.
    const body = JSON.stringify({
      email,
      name: 'gone',
      roles: ['operator'],
      password: 'a long enough password',
    });
    const client = http.request({
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      method: 'POST',
      path: '/api/users',
      headers: {
        ...bearer(fixture.users.admin),
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Request-Id': requestId,
      },
    });
    client.on('error', () => undefined);
    client.end(body, () => client.destroy());

    await until(() => fixture.harness.db.user.findUnique({ where: { email } }), 'the user to be created');
    const rows = await until(async () => {
      const found = await fixture.harness.db.auditLog.findMany({ where: { requestId } });
      return found.length > 0 ? found : undefined;
    }, 'the audit row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: fixture.users.admin.email,
      action: 'user.create',
      target: email,
      status: 201,
      outcome: 'success',
    });
  });

  it('a metric batch refused as invalid JSON is audited as its caller', async () => {
    const { operator } = fixture.users;
    const requestId = uniqueId('bad-json');
    await request(fixture.app)
      .post('/api/metrics')
      .set(bearer(operator))
      .set('X-Request-Id', requestId)
      .set('Content-Type', 'application/json')
      .send('{"points": [')
      .expect(400);
    const [row] = await waitForAudit(fixture.harness.db, { requestId });
    expect(row).toMatchObject({
      actorId: operator.email,
      authMethod: 'token',
      action: 'metrics.ingest',
      status: 400,
      errorCode: 'INVALID_JSON',
    });
  });

  it('a metric ingest is audited with the stream ids it feeds, findable by each', async () => {
    const { operator, auditor } = fixture.users;
    const [a, b] = [uniqueId('feed-a'), uniqueId('feed-b')];
    const requestId = uniqueId('ingest');
    const point = (streamId: string) => ({
      streamId,
      metric: 'viewers',
      ts: '2026-12-01T12:00:00Z',
      value: 1,
    });
    await request(fixture.app)
      .post('/api/metrics')
      .set(bearer(operator))
      .set('X-Request-Id', requestId)
      .send({ points: [point(a), point(b), point(a)] })
      .expect(202);
    const [row] = await waitForAudit(fixture.harness.db, { requestId });
    expect(row).toMatchObject({ actorId: operator.email, action: 'metrics.ingest', status: 202 });
    expect(row?.target?.split(',').sort()).toEqual([a, b].sort());

    const refusedId = uniqueId('ingest-refused');
    await request(fixture.app)
      .post('/api/metrics')
      .set(bearer(operator))
      .set('X-Request-Id', refusedId)
      .send({ points: [{ ...point(a), value: -1 }] })
      .expect(400);
    const [refused] = await waitForAudit(fixture.harness.db, { requestId: refusedId });
    expect(refused).toMatchObject({ target: a, outcome: 'refused' });

    for (const id of [a, b]) {
      const listed = await request(fixture.app)
        .get(`/api/audit?target=${encodeURIComponent(id)}&action=metrics.ingest`)
        .set(bearer(auditor))
        .expect(200);
      expect(listed.body.entries.map((e: { requestId: string }) => e.requestId)).toContain(requestId);
    }
  });
});
