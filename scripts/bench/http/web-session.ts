import { HttpError, parseJson, timedFetch, type TimedResponse } from './http-client';

const SESSION_PATH = '/api/session';

/**
 * A browser's signed-in session, as the web UI sees it: the login form (with the pre-session CSRF cookie), then the
 * session cookie on every request and the CSRF token on state-changing ones.
 */
export class WebSession {
  private constructor(
    readonly baseUrl: string,
    readonly email: string,
    private readonly cookies: Map<string, string>,
    readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<WebSession> {
    const cookies = new Map<string, string>();
    const csrf = await sessionCsrf(baseUrl, cookies);
    const login = await timedFetch(`${baseUrl}/login`, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(cookies),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email, password, _csrf: csrf, next: '/' }).toString(),
    });
    keepCookies(login, cookies);
    const location = login.headers.get('location') ?? '';
    if (login.status !== 303 || location.startsWith('/login'))
      throw new HttpError(`sign-in of ${email} (redirected to ${location || 'nowhere'})`, login);
    // The session has its own CSRF token, different from the login form's.
    return new WebSession(baseUrl, email, cookies, await sessionCsrf(baseUrl, cookies));
  }

  get(path: string, signal?: AbortSignal): Promise<TimedResponse> {
    return timedFetch(this.baseUrl + path, {
      headers: { cookie: cookieHeader(this.cookies), accept: 'text/html' },
      ...(signal ? { signal } : {}),
    });
  }

  postJson(path: string, body: unknown): Promise<TimedResponse> {
    return timedFetch(this.baseUrl + path, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(this.cookies),
        'content-type': 'application/json',
        'x-csrf-token': this.csrfToken,
      },
      body: JSON.stringify(body),
    });
  }
}

async function sessionCsrf(baseUrl: string, cookies: Map<string, string>): Promise<string> {
  const response = await timedFetch(baseUrl + SESSION_PATH, { headers: { cookie: cookieHeader(cookies) } });
  keepCookies(response, cookies);
  const body = parseJson(response, `GET ${SESSION_PATH}`) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== 'string') throw new HttpError(`GET ${SESSION_PATH}: no csrfToken`, response);
  return body.csrfToken;
}

function keepCookies(response: TimedResponse, cookies: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
    else cookies.set(name, value);
  }
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
