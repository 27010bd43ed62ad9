import type { Client } from '@temporalio/client';
import { describeError, type ApiClient } from '../http/http-client';
import { isStopping } from '../infra/cleanup';
import { createdStreamId } from '../http/response-shapes';
import { MINIMAL_WORKFLOW_TYPE } from '../minimal/minimal-worker-process';
import { forEachBounded, sleep } from '../stats';
import { isoInSeconds, type BuildSamplePlan, type SamplePlan } from './sample-plan';
import { BENCH_PEOPLE } from './users';

/** Far enough ahead that no reminder, SLA or phase change fires while the bench runs: the streams only wait. */
const WAITING_STREAM_START_SECONDS = 30 * 24 * 3600;
const PROGRESS_EVERY_MS = 5_000;
const SETTLE_TIMEOUT_MS = 15 * 60_000;

/** A stream the bench created and what the reviewer still has to decide on it (the bench's own bookkeeping). */
export interface WaitingStream {
  id: string;
  productPending: boolean;
  scriptPending: boolean;
}

export interface CreationResult {
  created: number;
  failed: number;
  seconds: number;
  perSecond: number;
  firstError?: string;
}

/** Every waiting stream and minimal workflow of this run, grown level by level (100, then up to 1,000...). */
export class Population {
  readonly streams: WaitingStream[] = [];
  readonly minimalWorkflowIds: string[] = [];
  private readonly runTag = Date.now().toString(36);

  constructor(
    private readonly samplePlan: BuildSamplePlan,
    private readonly concurrency: number,
  ) {}

  /** POST /api/streams as the planner until there are `total` streams; bounded concurrency, progress on stdout. */
  async growStreams(planner: ApiClient, total: number): Promise<CreationResult> {
    const indexes = range(this.streams.length, total);
    let failed = 0;
    let firstError: string | undefined;
    const progress = new Progress('streams via POST /api/streams', indexes.length);
    const started = performance.now();
    await forEachBounded(indexes, this.concurrency, async (index) => {
      if (isStopping()) return;
      try {
        const response = await planner.post('/api/streams', this.waitingPlan(index));
        if (response.status !== 201 && response.status !== 200)
          throw new Error(`${response.status} ${response.text.slice(0, 300)}`);
        this.streams.push({
          id: createdStreamId(JSON.parse(response.text)),
          productPending: true,
          scriptPending: true,
        });
      } catch (error) {
        failed++;
        firstError ??= describeError(error);
      }
      progress.tick();
    });
    return creationResult(indexes.length - failed, failed, started, firstError);
  }

  /** The baseline: `client.workflow.start` of the minimal workflow, at the same concurrency. */
  async growMinimalWorkflows(client: Client, taskQueue: string, total: number): Promise<CreationResult> {
    const indexes = range(this.minimalWorkflowIds.length, total);
    let failed = 0;
    let firstError: string | undefined;
    const progress = new Progress('minimal workflows via client.workflow.start', indexes.length);
    const started = performance.now();
    await forEachBounded(indexes, this.concurrency, async (index) => {
      if (isStopping()) return;
      const workflowId = `bench-minimal-${this.runTag}-${index}`;
      try {
        await client.workflow.start(MINIMAL_WORKFLOW_TYPE, { taskQueue, workflowId, args: [] });
        this.minimalWorkflowIds.push(workflowId);
      } catch (error) {
        failed++;
        firstError ??= describeError(error);
      }
      progress.tick();
    });
    return creationResult(indexes.length - failed, failed, started, firstError);
  }

  /** The sample plan, starting a month ahead (a minute apart, so lists have a stable order). */
  waitingPlan(index: number): SamplePlan {
    return this.samplePlan({
      scheduledStart: isoInSeconds(WAITING_STREAM_START_SECONDS + index * 60),
      owner: BENCH_PEOPLE.planner.email,
    });
  }

  /** Approvals that exist for the reviewer, by the bench's own count: two per stream until decided. */
  pendingApprovalCount(): number {
    return this.streams.reduce(
      (sum, stream) => sum + (stream.productPending ? 1 : 0) + (stream.scriptPending ? 1 : 0),
      0,
    );
  }
}

/**
 * Waits until no workflow has an activity or a workflow task outstanding: every stream has been scanned, checked and
 * projected and is waiting on a person. Asked of Temporal, not of the app, so it holds for any version of the app.
 */
export async function waitUntilSettled(
  client: Client,
  ids: readonly string[],
  label: string,
): Promise<number> {
  const started = performance.now();
  let unsettled = [...ids];
  let lastReport = 0;
  while (unsettled.length > 0) {
    const still: string[] = [];
    await forEachBounded(unsettled, 8, async (id) => {
      const { raw } = await client.workflow.getHandle(id).describe();
      const busy =
        (raw.pendingActivities?.length ?? 0) > 0 || (raw.pendingWorkflowTask ?? undefined) !== undefined;
      if (busy) still.push(id);
    });
    unsettled = still;
    if (unsettled.length === 0) break;
    const elapsed = performance.now() - started;
    if (elapsed > SETTLE_TIMEOUT_MS)
      throw new Error(`${label}: ${unsettled.length} workflows still busy after ${elapsed / 1000} s`);
    if (elapsed - lastReport > PROGRESS_EVERY_MS) {
      console.log(`  waiting for ${unsettled.length} of ${ids.length} ${label} to settle...`);
      lastReport = elapsed;
    }
    await sleep(1_000);
  }
  return (performance.now() - started) / 1000;
}

class Progress {
  private done = 0;
  private lastPrinted = performance.now();
  private readonly started = performance.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {
    if (total > 0) console.log(`  creating ${total} ${label}...`);
  }

  tick(): void {
    this.done++;
    const now = performance.now();
    if (this.done === this.total || now - this.lastPrinted > PROGRESS_EVERY_MS) {
      const rate = this.done / ((now - this.started) / 1000);
      console.log(`    ${this.done}/${this.total} (${rate.toFixed(1)}/s)`);
      this.lastPrinted = now;
    }
  }
}

function creationResult(
  created: number,
  failed: number,
  startedAt: number,
  firstError: string | undefined,
): CreationResult {
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    created,
    failed,
    seconds,
    perSecond: created / seconds,
    ...(firstError ? { firstError } : {}),
  };
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
