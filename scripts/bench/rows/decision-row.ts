import type { Client } from '@temporalio/client';
import { describeError, type ApiClient } from '../http/http-client';
import { decideUpdate } from '../minimal/minimal-workflow';
import type { Population, WaitingStream } from '../setup/populations';
import { summarize, type LatencySummary } from '../stats';

export interface DecisionSample {
  ms: number;
  ok: boolean;
  /** No answer in time: `ms` is a lower bound, counted as a sample. */
  timedOut?: boolean;
  error?: string;
}

/**
 * Approves the product of the next stream whose product still waits, through the API as the rostered reviewer. A
 * product decision leaves the script pending, so the stream stays in the inbox: the inbox size the row is measured at
 * does not shrink while decisions are taken.
 */
export class ProductDecisions {
  private next = 0;

  constructor(
    private readonly reviewer: ApiClient,
    private readonly population: Population,
    private readonly sku: string,
  ) {}

  available(): number {
    return this.population.streams.filter((stream) => stream.productPending).length;
  }

  async decideNext(): Promise<DecisionSample> {
    const stream = this.take();
    if (!stream) return { ms: NaN, ok: false, error: 'no stream left with a pending product' };
    const started = performance.now();
    try {
      const response = await this.reviewer.post(
        `/api/streams/${encodeURIComponent(stream.id)}/actions/decide-product`,
        { sku: this.sku, decision: 'approved', reason: 'bench: documents checked' },
      );
      const ok = response.status >= 200 && response.status < 300;
      return {
        ms: response.ms,
        ok,
        ...(response.timedOut ? { timedOut: true } : {}),
        ...(ok ? {} : { error: `${response.status} ${response.text.slice(0, 200)}` }),
      };
    } catch (error) {
      // A refused connection or reset: a failed decision, never a crash of the measurement.
      return { ms: performance.now() - started, ok: false, error: describeError(error) };
    }
  }

  private take(): WaitingStream | undefined {
    const streams = this.population.streams;
    while (this.next < streams.length) {
      const stream = streams[this.next++]!;
      if (!stream.productPending) continue;
      // Counted as decided once asked: even a failed decision must not be retried into a second sample.
      stream.productPending = false;
      return stream;
    }
    return undefined;
  }
}

/** The same human decision as a raw Workflow Update on a cached minimal workflow, straight through the client. */
export async function rawMinimalUpdate(client: Client, workflowId: string): Promise<DecisionSample> {
  const started = performance.now();
  try {
    await client.workflow.getHandle(workflowId).executeUpdate(decideUpdate, { args: [{ approved: true }] });
    return { ms: performance.now() - started, ok: true };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, error: describeError(error) };
  }
}

export interface IdleDecisions {
  api: LatencySummary;
  rawUpdate: LatencySummary;
  firstError?: string;
}

/** API decision and raw Update alternate, so both see the same (idle) machine. */
export async function measureIdleDecisions(
  decisions: ProductDecisions,
  client: Client,
  minimalWorkflowIds: readonly string[],
  count: number,
): Promise<IdleDecisions> {
  const api: DecisionSample[] = [];
  const raw: DecisionSample[] = [];
  for (let i = 0; i < count; i++) {
    api.push(await decisions.decideNext());
    raw.push(await rawMinimalUpdate(client, minimalWorkflowIds[i % minimalWorkflowIds.length]!));
  }
  const firstError = [...api, ...raw].find((sample) => !sample.ok)?.error;
  return {
    api: summarizeDecisions(api),
    rawUpdate: summarizeDecisions(raw),
    ...(firstError ? { firstError } : {}),
  };
}

export function summarizeDecisions(samples: readonly DecisionSample[]): LatencySummary {
  return summarize(
    samples.filter((s) => s.ok || s.timedOut).map((s) => s.ms),
    samples.filter((s) => !s.ok && !s.timedOut).length,
    samples.filter((s) => s.timedOut).length,
  );
}
