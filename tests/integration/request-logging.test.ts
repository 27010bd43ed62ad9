import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { bearer, createApiFixture, waitForAudit, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';

jest.setTimeout(120_000);

const SECRETS = {
  token: 'lo_tokenvalue0123456789',
  _csrf: 'csrfvalue0123456789',
  access_token: 'accessvalue0123456789',
  password: 'passwordvalue0123456789',
  API_KEY: 'apikeyvalue0123456789',
};
const query = `${Object.entries(SECRETS)
  .map(([name, value]) => `${name}=${value}`)
  .join('&')}&lang=en&next=%2Finbox`;

describe('secrets put in a URL never reach the log or the audit trail', () => {
  let fixture: ApiFixture;
  const lines: string[] = [];
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    fixture = await createApiFixture();
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    app = createApp({
      config: fixture.harness.config,
      temporal: fixture.harness.client,
      db: fixture.harness.db,
      logger,
    });
  });
  afterAll(() => fixture?.close());

  it('redacts known secret query parameters in request log lines, and keeps the rest', async () => {
    const requestId = uniqueId('log');
    await request(app).get(`/api/session?${query}`).set('X-Request-Id', requestId).expect(200);
    const logged = lines.filter((line) => line.includes(requestId)).join('\n');
    expect(logged).toContain('/api/session?');
    for (const value of Object.values(SECRETS)) expect(logged).not.toContain(value);
    expect(logged).toContain('token=[redacted]');
    expect(logged).toContain('lang=en');
  });

  it('stores redacted URLs in the audit log', async () => {
    const requestId = uniqueId('audit');
    await request(app)
      .post(`/api/tokens?${query}`)
      .set(bearer(fixture.users.admin))
      .set('X-Request-Id', requestId)
      .send({ name: 'from a url' })
      .expect(201);
    const [row] = await waitForAudit(fixture.harness.db, { requestId });
    expect(row?.path).toContain('/api/tokens?');
    for (const value of Object.values(SECRETS)) expect(row?.path).not.toContain(value);
  });
});
