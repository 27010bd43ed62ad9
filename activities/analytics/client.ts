import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import {
  ZLiveSnapshotSchema,
  ZStreamStatsSchema,
  type TLiveSnapshot,
  type TStreamStats,
} from './analytics.types';

export interface AnalyticsClientOptions {
  baseUrl: string;
  token?: string;
  /** Per request attempt. */
  timeoutMs: number;
  /** Attempts per call, including the first (default 3). Temporal retries the activity on top of this. */
  maxAttempts?: number;
  /** First backoff; doubled per attempt with jitter (default 250 ms). */
  backoffMs?: number;
}

export type AnalyticsErrorKind = 'unavailable' | 'not_found' | 'rejected' | 'invalid_response';

/**
 * `unavailable` (5xx, 429, timeouts, connection errors after the retries) is worth retrying later; the others are not:
 * asking again will not make a 401 or a malformed body right.
 */
export class AnalyticsError extends Error {
  override readonly name = 'AnalyticsError';
  constructor(
    readonly kind: AnalyticsErrorKind,
    message: string,
    readonly status?: number,
    readonly attempts?: number,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.kind === 'unavailable';
  }
}

export interface AnalyticsClient {
  getLiveSnapshot(streamId: string): Promise<TLiveSnapshot>;
  getStreamStats(streamId: string): Promise<TStreamStats>;
}

const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 429 || status === 408;

export function createAnalyticsClient(options: AnalyticsClientOptions): AnalyticsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const backoffMs = options.backoffMs ?? 250;

  async function attempt(url: string): Promise<Response> {
    return fetch(url, {
      headers: {
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  }

  async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    const url = `${baseUrl}${path}`;
    let lastProblem = '';
    for (let n = 1; n <= maxAttempts; n++) {
      let response: Response | undefined;
      try {
        response = await attempt(url);
      } catch (error) {
        // Duck-typed: the abort reason is a DOMException, which is not always `instanceof Error` (other realms).
        const name = (error as { name?: unknown } | null)?.name;
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        lastProblem = timedOut
          ? `no answer within ${options.timeoutMs} ms`
          : `connection failed: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`;
      }
      if (response) {
        if (response.ok) {
          const body: unknown = await response.json().catch(() => undefined);
          const parsed = schema.safeParse(body);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new AnalyticsError(
              'invalid_response',
              `analytics GET ${path}: unexpected response at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'not JSON'}`,
              response.status,
              n,
            );
          }
          return parsed.data;
        }
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 404) {
          throw new AnalyticsError('not_found', `analytics GET ${path}: not found`, 404, n);
        }
        if (!RETRYABLE_STATUS(response.status)) {
          throw new AnalyticsError(
            'rejected',
            `analytics GET ${path}: HTTP ${response.status}`,
            response.status,
            n,
          );
        }
        lastProblem = `HTTP ${response.status}`;
      }
      if (n < maxAttempts) await sleep(backoffMs * 2 ** (n - 1) * (0.75 + Math.random() * 0.5));
    }
    throw new AnalyticsError(
      'unavailable',
      `analytics GET ${path}: unavailable after ${maxAttempts} attempts (last: ${lastProblem})`,
      undefined,
      maxAttempts,
    );
  }

  const streamPath = (streamId: string) => `/v1/streams/${encodeURIComponent(streamId)}`;
  return {
    getLiveSnapshot: (streamId) => getJson(`${streamPath(streamId)}/snapshot`, ZLiveSnapshotSchema),
    getStreamStats: (streamId) => getJson(`${streamPath(streamId)}/stats`, ZStreamStatsSchema),
  };
}
