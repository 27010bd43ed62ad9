import { verifyAuditChain } from '../../api/audit/audit-chain';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { API_ERROR_HTTP_STATUS } from '../../api/http/api-error';
import { createApiFixture, signIn, type ApiFixture } from './helpers/api';
import {
  bodyBytes,
  documentedRoutes,
  routeRequests,
  type DocumentedRoute,
  type FuzzRequest,
} from './helpers/fuzz/route-requests';

/**
 * A seeded property-based fuzz of every route of the OpenAPI document, on the real app, worker, dev server and
 * database: whatever is sent, the answer is never a 5xx, and every 4xx is the one error shape with a known code that
 * maps to that status (bad input with its details). FUZZ_SEED and FUZZ_RUNS (per route) explore further.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

jest.setTimeout(900_000);

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(server: http.Server, request: FuzzRequest, headers: Record<string, string>): Promise<Answer> {
  const bytes = bodyBytes(request);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...headers,
          ...(bytes ? { 'Content-Length': String(bytes.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(bytes);
  });
}

const KNOWN_CODES = API_ERROR_HTTP_STATUS as Record<string, number>;

/** Throws with what was sent and answered when the answer breaks the promise. */
function checkAnswer(request: FuzzRequest, answer: Answer): void {
  const fail = (why: string) => {
    const sent = { ...request, body: request.body?.slice(0, 500) };
    throw new Error(
      `${why}\nsent: ${JSON.stringify(sent)}\nanswer: ${answer.status} ${answer.text.slice(0, 500)}`,
    );
  };
  if (answer.status >= 500) fail('a 5xx');
  if (answer.status < 400) return;
  if (!answer.contentType.startsWith('application/json')) fail(`a ${answer.status} that is not JSON`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return fail('an error body that does not parse');
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error' || !error)
    return fail('not the one error shape { error: { code, message, details } }');
  if (Object.keys(error).some((key) => !['code', 'message', 'details'].includes(key)))
    fail('extra keys in error');
  if (typeof error.code !== 'string' || KNOWN_CODES[error.code] === undefined) fail('an unknown error code');
  if (KNOWN_CODES[error.code as string] !== answer.status)
    fail(`code ${String(error.code)} with another status`);
  if (typeof error.message !== 'string' || error.message.trim() === '') fail('an empty message');
  if ((error.code === 'INVALID_INPUT' || error.code === 'INVALID_JSON') && error.details === undefined)
    fail('bad input without details');
}

describe('fuzz: every documented route, seeded', () => {
  let fixture: ApiFixture;
  let server: http.Server;
  let routes: DocumentedRoute[];
  const credentialHeaders: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    fixture = await createApiFixture({ passwords: true });
    server = http.createServer(fixture.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const document = await new Promise<Answer>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.json`, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: '', text }));
        })
        .on('error', reject);
    });
    routes = documentedRoutes(JSON.parse(document.text));
    const { response, csrfToken } = await signIn(fixture.app, fixture.users.admin);
    const setCookies = (response.headers['set-cookie'] ?? []) as unknown as string[];
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    credentialHeaders.session = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
    credentialHeaders['session-without-csrf'] = { Cookie: cookie };
    credentialHeaders.admin = { Authorization: `Bearer ${fixture.users.admin.token}` };
    credentialHeaders['bad-token'] = { Authorization: 'Bearer lo_not-a-token' };
    credentialHeaders.none = {};
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await fixture?.close();
  });

  it('answers every route without a 5xx, and every 4xx in the one error shape', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    for (const [index, route] of routes.entries()) {
      const roleUser =
        Array.isArray(route.access) && route.access[0] !== undefined
          ? fixture.users[route.access[0] as keyof ApiFixture['users']]
          : fixture.users.operator;
      const headersFor = (request: FuzzRequest) =>
        request.credentials === 'role'
          ? { Authorization: `Bearer ${roleUser.token}` }
          : (credentialHeaders[request.credentials] ?? {});
      try {
        await fc.assert(
          fc.asyncProperty(routeRequests(route), async (request) =>
            checkAnswer(request, await send(server, request, headersFor(request))),
          ),
          { seed: SEED + index, numRuns: RUNS, includeErrorInReport: true },
        );
      } catch (error) {
        failures.push(`${route.method.toUpperCase()} ${route.path}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // Hostile ids and paths (a %00, a lone surrogate) are audited as the database reads them back: the chain verifies.
    const verified = await verifyAuditChain(fixture.harness.db);
    expect(verified.firstBroken).toBeUndefined();
    expect(verified.rows).toBeGreaterThan(routes.length);
  });
});
