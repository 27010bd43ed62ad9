import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

type Interceptor = ReturnType<typeof makeGrpcRetryInterceptor>;

/**
 * The client's gRPC retries, made safe to close: a call retried after its channel was closed throws from a bare timer
 * ("Channel has been shut down"), an uncaught error that jest pins on whichever test file runs next in that worker.
 * Once `stop()` is called no new retry is scheduled, and `settled()` waits for those already scheduled to fire.
 */
export function closableRetries(): { interceptor: Interceptor; stop(): void; settled(): Promise<void> } {
  const defaults = defaultGrpcRetryOptions();
  let stopped = false;
  let scheduled = 0;
  const interceptor = makeGrpcRetryInterceptor({
    retryableDecider: (attempt, status) => !stopped && defaults.retryableDecider(attempt, status),
    delayFunction(attempt, status) {
      const delay = defaults.delayFunction(attempt, status);
      scheduled += 1;
      // The retry's own timer fires at `delay`; this one, just after it, says it has.
      setTimeout(() => (scheduled -= 1), delay + 10).unref();
      return delay;
    },
  });
  return {
    interceptor,
    stop: () => void (stopped = true),
    async settled() {
      while (scheduled > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
