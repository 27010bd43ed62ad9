import type { MeasuredChild, MemorySample } from '../infra/child-process';
import type { MinimalWorker } from '../minimal/minimal-worker-process';
import { sleep } from '../stats';

/** Lets timers and finalizers run out after the last workflow task before memory is read. */
const QUIET_BEFORE_MEASURING_MS = 3_000;
/**
 * RSS keeps falling for a while after a burst of work (freed pages go back to the OS lazily, e.g. after the worker
 * bundled its workflows), which at small N is larger than what the workflows add. Read until three readings in a row
 * agree within this, or give up after a minute.
 */
const STABLE_RSS_BYTES = 1024 * 1024;
const STABLE_READINGS_INTERVAL_MS = 3_000;
const STABLE_READINGS_MAX = 20;
const STABLE_READINGS_IN_A_ROW = 3;

export interface MemorySnapshot {
  app: MemorySample;
  minimal: MemorySample;
  streams: number;
  minimalWorkflows: number;
  /** The minimal worker's own count: evidence its workflows really are cached. */
  minimalCached: number;
}

export interface MemoryPerWorkflow {
  streamsAdded: number;
  minimalAdded: number;
  minimalCached: number;
  appRssMbPerStream: number;
  appHeapMbPerStream: number;
  minimalRssMbPerWorkflow: number;
  minimalHeapMbPerWorkflow: number;
  appRssMb: number;
  threadsAnswered: string;
}

export async function takeMemorySnapshot(
  app: MeasuredChild,
  minimal: MinimalWorker,
  counts: { streams: number; minimalWorkflows: number },
): Promise<MemorySnapshot> {
  await sleep(QUIET_BEFORE_MEASURING_MS);
  // One process at a time: two full GCs at once on two cores would slow each other and the numbers.
  const appMemory = await stableMemory(app);
  const minimalMemory = await stableMemory(minimal.process);
  return {
    app: appMemory,
    minimal: minimalMemory,
    ...counts,
    minimalCached: await minimal.cachedWorkflows(),
  };
}

async function stableMemory(child: MeasuredChild): Promise<MemorySample> {
  let previous = await child.memory();
  let agreeing = 1;
  for (let reading = 1; reading < STABLE_READINGS_MAX && agreeing < STABLE_READINGS_IN_A_ROW; reading++) {
    await sleep(STABLE_READINGS_INTERVAL_MS);
    const current = await child.memory();
    agreeing = Math.abs(current.rssBytes - previous.rssBytes) < STABLE_RSS_BYTES ? agreeing + 1 : 1;
    previous = current;
  }
  return previous;
}

const MB = 1024 * 1024;

/**
 * What each workflow added since the baseline snapshot: (RSS now - RSS then) / workflows added, for the app's stream
 * workflows and for the minimal workflow. RSS includes everything the process holds for them (V8 heaps of every
 * thread, native buffers, caches); heap is V8's part after a full GC.
 */
export function memoryPerWorkflow(baseline: MemorySnapshot, now: MemorySnapshot): MemoryPerWorkflow {
  const streamsAdded = now.streams - baseline.streams;
  const minimalAdded = now.minimalWorkflows - baseline.minimalWorkflows;
  const per = (after: number, before: number, count: number) =>
    count > 0 ? (after - before) / count / MB : NaN;
  return {
    streamsAdded,
    minimalAdded,
    minimalCached: now.minimalCached,
    appRssMbPerStream: per(now.app.rssBytes, baseline.app.rssBytes, streamsAdded),
    appHeapMbPerStream: per(now.app.heapUsedBytes, baseline.app.heapUsedBytes, streamsAdded),
    minimalRssMbPerWorkflow: per(now.minimal.rssBytes, baseline.minimal.rssBytes, minimalAdded),
    minimalHeapMbPerWorkflow: per(now.minimal.heapUsedBytes, baseline.minimal.heapUsedBytes, minimalAdded),
    appRssMb: now.app.rssBytes / MB,
    threadsAnswered: `app ${now.app.threadsAnswered}/${now.app.threadsKnown}, minimal ${now.minimal.threadsAnswered}/${now.minimal.threadsKnown}`,
  };
}
