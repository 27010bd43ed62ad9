/** Percentiles by nearest rank: with n samples, p99 is the max whenever n < 100, and the tables say n. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not a success (not counted in the percentiles). */
  errors: number;
  /** Requests without an answer in time: counted in the percentiles at their time so far, so those are lower bounds. */
  timeouts: number;
}

export function summarize(samples: readonly number[], errors = 0, timeouts = 0): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
    errors,
    timeouts,
  };
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Runs `task` over `items` with at most `concurrency` in flight, in order of the items. */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
