import type { Info } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NOTIFY_RETRY_POLICY } from '../../../domain/notify/retry-policy';

/**
 * Runs activity functions the way a worker does, inside an activity context (attempt number, retry policy), so tests
 * call them directly without the activities needing a fallback for "no context".
 */
export function inActivityContext<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  activities: T,
  info: Partial<Info> = {},
): T {
  const base: Partial<Info> = {
    attempt: 1,
    retryPolicy: { maximumAttempts: NOTIFY_RETRY_POLICY.maximumAttempts },
    ...info,
  };
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      (...args: never[]) => new MockActivityEnvironment(base).run(fn, ...args),
    ]),
  ) as T;
}
