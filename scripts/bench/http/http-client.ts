/**
 * HTTP as a client sees it: wall time from sending the request to the last byte of the body, the body's size in
 * bytes, and the status. Redirects are never followed, so a login redirect cannot pass for a rendered page.
 */

export interface TimedResponse {
  status: number;
  ms: number;
  bytes: number;
  text: string;
  headers: Headers;
  /** No answer within REQUEST_TIMEOUT_MS (status 0): `ms` is then a lower bound, and still a sample. */
  timedOut: boolean;
}

/** Today's inbox under load has kept a decision waiting longer than this; such a request is a result, not a crash. */
export const REQUEST_TIMEOUT_MS = 120_000;

export async function timedFetch(url: string, init: RequestInit = {}): Promise<TimedResponse> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      ms: performance.now() - started,
      bytes: body.length,
      text: body.toString('utf8'),
      headers: response.headers,
      timedOut: false,
    };
  } catch (error) {
    if (init.signal !== undefined || (error as Error | undefined)?.name !== 'TimeoutError') throw error;
    return {
      status: 0,
      ms: performance.now() - started,
      bytes: 0,
      text: `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
      headers: new Headers(),
      timedOut: true,
    };
  }
}

export class HttpError extends Error {
  constructor(
    readonly request: string,
    readonly response: TimedResponse,
  ) {
    super(`${request} answered ${response.status}: ${response.text.slice(0, 500)}`);
  }
}

export function parseJson(response: TimedResponse, request: string): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new HttpError(`${request} (not JSON)`, response);
  }
}

/** An API client with a bearer token, as integrations call liveops. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly who: string,
  ) {}

  get(path: string): Promise<TimedResponse> {
    return timedFetch(this.baseUrl + path, { headers: { authorization: `Bearer ${this.token}` } });
  }

  post(path: string, body: unknown): Promise<TimedResponse> {
    return timedFetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** GET or POST that must answer 2xx; returns the parsed JSON. */
  async json(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = method === 'GET' ? await this.get(path) : await this.post(path, body);
    const request = `${method} ${path} as ${this.who}`;
    if (response.status < 200 || response.status >= 300) throw new HttpError(request, response);
    return parseJson(response, request);
  }
}

/** fetch() says only "fetch failed"; the reason (a reset, a closed keep-alive socket) is in `cause`. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : error.cause;
  return cause === undefined ? String(error) : `${String(error)} (${String(cause)})`;
}
