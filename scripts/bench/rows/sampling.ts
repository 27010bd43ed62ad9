import { describeError, type TimedResponse } from '../http/http-client';
import { summarize, type LatencySummary } from '../stats';

export interface SamplingBudget {
  /** Samples wanted per measurement. */
  samples: number;
  /** A measurement stops early past this, and its table row shows the smaller n. */
  maxSeconds: number;
}

export interface EndpointSummary extends LatencySummary {
  /** Median response size. */
  bytes: number;
  stoppedByTimeLimit: boolean;
  firstError?: string;
}

/**
 * Times `requests` (one or more endpoints, interleaved so they share the same background load) until each has
 * `samples` answers or the time limit passes. One untimed warm-up request each first. A non-2xx answer counts as an
 * error, not a sample.
 */
export async function sampleEndpoints<K extends string>(
  budget: SamplingBudget,
  requests: Record<K, () => Promise<TimedResponse>>,
): Promise<Record<K, EndpointSummary>> {
  const names = Object.keys(requests) as K[];
  const samples = Object.fromEntries(
    names.map((name) => [
      name,
      { ms: [] as number[], bytes: [] as number[], errors: 0, timeouts: 0, firstError: '' },
    ]),
  ) as Record<K, { ms: number[]; bytes: number[]; errors: number; timeouts: number; firstError: string }>;
  for (const name of names) await requests[name]().catch(() => undefined);

  const deadline = performance.now() + budget.maxSeconds * 1000;
  let stoppedByTimeLimit = false;
  for (let i = 0; i < budget.samples; i++) {
    if (performance.now() > deadline) {
      stoppedByTimeLimit = true;
      break;
    }
    for (const name of names) {
      const into = samples[name];
      try {
        const response = await requests[name]();
        if (response.timedOut) {
          into.timeouts++;
          into.ms.push(response.ms);
          continue;
        }
        if (response.status < 200 || response.status >= 300) {
          into.errors++;
          into.firstError ||= `${response.status} ${response.text.slice(0, 200)}`;
          continue;
        }
        into.ms.push(response.ms);
        into.bytes.push(response.bytes);
      } catch (error) {
        into.errors++;
        into.firstError ||= describeError(error);
      }
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { ms, bytes, errors, timeouts, firstError } = samples[name];
      const sortedBytes = [...bytes].sort((a, b) => a - b);
      const summary: EndpointSummary = {
        ...summarize(ms, errors, timeouts),
        bytes: sortedBytes[Math.floor(sortedBytes.length / 2)] ?? NaN,
        stoppedByTimeLimit,
        ...(firstError ? { firstError } : {}),
      };
      return [name, summary];
    }),
  ) as Record<K, EndpointSummary>;
}
