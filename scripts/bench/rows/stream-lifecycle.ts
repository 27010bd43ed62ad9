import type { Client } from '@temporalio/client';
import type { ApiClient } from '../http/http-client';
import {
  createdStreamId,
  currentScriptRevision,
  pendingApprovalKinds,
  streamPhase,
} from '../http/response-shapes';
import { isoInSeconds, type BuildSamplePlan } from '../setup/sample-plan';
import { BENCH_PEOPLE, type BenchPerson } from '../setup/users';
import { sleep } from '../stats';

export const METRIC_BATCHES_DURING_BURST = 30;
/** Enough lead to pass the gates through the API before the gate cutoff. */
const START_IN_SECONDS = 45;
const LIVE_MINUTES = 1;
const BATCH_INTERVAL_MS = 1_000;
const POLL_MS = 500;

/** A whole stream in about two minutes: the sample plan with seconds where a real one has hours. */
const LIFECYCLE_TIMING = {
  preheatLeadSeconds: 60,
  gateCutoffBeforeStartSeconds: 5,
  approvalSlaSeconds: 120,
  approvalReminderIntervalSeconds: 60,
  checklistReminderOffsetsSeconds: [8],
  checklistDueBeforeStartSeconds: 2,
  tailDurationSeconds: 2,
  reviewSignoffReminderIntervalSeconds: 60,
  reviewSignoffSlaSeconds: 600,
  metricNoDataSeconds: 600,
  alertCooldownSeconds: 60,
};

export interface LifecycleRun {
  streamId: string;
  metricBatches: number;
  /** False if the live ended before the last batch was pushed (the history then has fewer burst batches). */
  allBatchesDuringBurst: boolean;
  /** False if the live began before the room operator could sign (the history then lacks that Update). */
  checklistSigned: boolean;
  seconds: number;
}

/**
 * One stream of the sample plan from creation through review sign-off, driven only through the HTTP API, as its team
 * would: the reviewer passes the gates, the room operator signs the checklist, an integration pushes 30 metric
 * batches during the live, the manager signs the review off.
 */
export async function runStreamThroughReview(
  api: Record<BenchPerson, ApiClient>,
  client: Client,
  samplePlan: BuildSamplePlan,
): Promise<LifecycleRun> {
  const started = performance.now();
  const plan = {
    ...samplePlan({
      scheduledStart: isoInSeconds(START_IN_SECONDS),
      owner: BENCH_PEOPLE.planner.email,
      timing: LIFECYCLE_TIMING,
    }),
    plannedDurationMinutes: LIVE_MINUTES,
  };
  const streamId = createdStreamId(await api.planner.json('POST', '/api/streams', plan));
  const path = `/api/streams/${encodeURIComponent(streamId)}`;
  const read = () => api.planner.json('GET', path);
  console.log(`  lifecycle stream ${streamId}: gates...`);

  const scanned = await waitFor('script scanned and products checked', 30_000, async () => {
    const body = await read();
    const kinds = pendingApprovalKinds(body);
    if (!kinds.includes('script') || !kinds.includes('product')) return undefined;
    try {
      return currentScriptRevision(body);
    } catch {
      return undefined;
    }
  });
  await api.reviewer.json('POST', `${path}/actions/decide-script`, {
    revision: scanned.revision,
    decision: scanned.findingIds.length > 0 ? 'approved_with_findings' : 'approved',
    reasons: ['bench: checked in context, a price statement backed by the price history'],
    acceptedFindingIds: scanned.findingIds,
  });
  for (const { sku } of plan.products)
    await api.reviewer.json('POST', `${path}/actions/decide-product`, {
      sku,
      decision: 'approved',
      reason: '',
    });

  // On a slow machine the live may begin before the checklist shows up: then the stream goes on without a signature.
  const checklistPending = await waitFor(
    'the pre-live checklist or the live',
    START_IN_SECONDS * 1000,
    async () => {
      const body = await read();
      if (pendingApprovalKinds(body).includes('checklist')) return true;
      return streamPhase(body) === 'preheat' || streamPhase(body) === 'compliance' ? undefined : false;
    },
  );
  const signed = checklistPending
    ? await api.roomOperator.post(`${path}/actions/sign-checklist`, {
        items: plan.checklist.map((item) => item.id),
      })
    : undefined;
  const checklistSigned = signed !== undefined && signed.status >= 200 && signed.status < 300;

  console.log('  lifecycle stream: waiting for the live...');
  await waitFor('burst', (START_IN_SECONDS + 30) * 1000, async () =>
    streamPhase(await read()) === 'burst' ? true : undefined,
  );
  await pushMetricBatches(api.planner, streamId);
  const allBatchesDuringBurst = streamPhase(await read()) === 'burst';

  console.log('  lifecycle stream: waiting for the review...');
  const reportId = await waitFor('the review report', (LIVE_MINUTES * 60 + 90) * 1000, async () => {
    const response = await api.planner.get(`/api/reports/streams/${encodeURIComponent(streamId)}`);
    if (response.status !== 200) return undefined;
    const id = (JSON.parse(response.text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  });
  await api.manager.json('POST', `${path}/actions/sign-review`, { reportId });
  await waitFor('the workflow to complete', 60_000, async () => {
    const { status } = await client.workflow.getHandle(streamId).describe();
    return status.name === 'RUNNING' ? undefined : status.name;
  });
  return {
    streamId,
    metricBatches: METRIC_BATCHES_DURING_BURST,
    allBatchesDuringBurst,
    checklistSigned,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Batches of a few points each, one a second, as a platform integration pushes them during a live. */
async function pushMetricBatches(operator: ApiClient, streamId: string): Promise<void> {
  const base = Date.now();
  for (let batch = 0; batch < METRIC_BATCHES_DURING_BURST; batch++) {
    const ts = new Date(base + batch * 2_000).toISOString();
    await operator.json('POST', '/api/metrics', {
      points: [
        { streamId, metric: 'viewers', ts, value: 1_000 + 50 * batch },
        { streamId, metric: 'gmv', ts, value: 600 * (batch + 1) },
        { streamId, metric: 'orders', ts, value: 7 * (batch + 1) },
      ],
    });
    await sleep(BATCH_INTERVAL_MS);
  }
}

async function waitFor<T>(label: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`lifecycle stream: no ${label} within ${timeoutMs / 1000} s`);
    await sleep(POLL_MS);
  }
}
