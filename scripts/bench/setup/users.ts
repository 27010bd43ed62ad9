import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../app/app-instance';
import { ApiClient, HttpError, parseJson } from '../http/http-client';
import { WebSession } from '../http/web-session';

/**
 * The people the bench acts as, created through the API by the admin the instance was started with. Their emails are
 * the sample plan's roster: the reviewer may decide the plan's gates, the room operator signs its checklist, the
 * manager signs the review off. The planner (an operator, the plan's owner) creates every stream, so the reviewer
 * never decides their own submission.
 */
export const BENCH_PEOPLE = {
  planner: { email: 'planner@example.com', name: '策划', roles: ['operator'] },
  reviewer: { email: 'reviewer@example.com', name: '王审', roles: ['reviewer'] },
  roomOperator: { email: 'ops@example.com', name: '陈静', roles: ['operator'] },
  manager: { email: 'manager@example.com', name: '刘经理', roles: ['manager'] },
} as const;

export const BENCH_USER_PASSWORD = 'bench-password-not-secret';

export type BenchPerson = keyof typeof BENCH_PEOPLE;

export interface BenchUsers {
  api: Record<BenchPerson, ApiClient>;
}

export async function createBenchUsers(baseUrl: string): Promise<BenchUsers> {
  const adminSession = await WebSession.signIn(baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const created = await adminSession.postJson('/api/tokens', { name: 'bench admin' });
  if (created.status !== 201) throw new HttpError('POST /api/tokens as the admin (session)', created);
  const admin = new ApiClient(baseUrl, tokenOf(parseJson(created, 'POST /api/tokens')), ADMIN_EMAIL);

  const api = {} as Record<BenchPerson, ApiClient>;
  for (const [person, user] of Object.entries(BENCH_PEOPLE) as Array<
    [BenchPerson, (typeof BENCH_PEOPLE)[BenchPerson]]
  >) {
    await admin.json('POST', '/api/users', {
      email: user.email,
      name: user.name,
      roles: user.roles,
      password: BENCH_USER_PASSWORD,
    });
    const token = tokenOf(
      await admin.json('POST', '/api/tokens', { name: `bench ${person}`, user: user.email }),
    );
    api[person] = new ApiClient(baseUrl, token, user.email);
  }
  return { api };
}

/** Browser sessions of the rostered reviewer: the inbox they render is the full one, in every version of the rules. */
export async function reviewerSessions(baseUrl: string, count: number): Promise<WebSession[]> {
  const sessions: WebSession[] = [];
  for (let i = 0; i < count; i++)
    sessions.push(await WebSession.signIn(baseUrl, BENCH_PEOPLE.reviewer.email, BENCH_USER_PASSWORD));
  return sessions;
}

function tokenOf(body: unknown): string {
  const token = (body as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error('POST /api/tokens: no token in the response');
  return token;
}
