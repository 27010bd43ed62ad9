// @ts-check
/**
 * Preloaded with `--import` into every process the bench measures. Worker threads inherit the preload through their
 * execArgv, and the Temporal SDK runs workflow code in a worker thread, so the main thread alone (process.memoryUsage)
 * would miss exactly the heap a cached workflow costs. On a request over the IPC channel the main thread asks every
 * thread, over a BroadcastChannel, for its heap after a full GC (`--expose-gc`) and answers with the sum.
 *
 * Plain JavaScript on purpose: tsx's loader hooks do not reach worker threads, so a .ts preload would fail to load
 * there. It knows nothing about liveops: the same probe runs in the app and in the minimal worker. Message shapes:
 * memory-probe.types.ts.
 */
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';

const MEMORY_PROBE_CHANNEL = 'liveops-bench-memory-probe';
/** A thread busy with a long workflow activation answers late; past this the sum says how many answered. */
const THREAD_REPLY_TIMEOUT_MS = 5_000;

const collectGarbage = /** @type {{ gc?: () => void }} */ (globalThis).gc;

/** @returns {import('./memory-probe.types').ThreadHeap} */
function ownHeap() {
  collectGarbage?.();
  const usage = process.memoryUsage();
  return {
    threadId,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
  };
}

const channel = new BroadcastChannel(MEMORY_PROBE_CHANNEL);
channel.unref(); // the probe must never keep a process or thread alive

if (isMainThread) {
  /** @type {Set<number>} */
  const knownThreads = new Set();
  /** @type {Map<number, { heaps: import('./memory-probe.types').ThreadHeap[]; done: () => void }>} */
  const waiting = new Map();

  channel.onmessage = (event) => {
    const message = /** @type {import('./memory-probe.types').ProbeChannelMessage} */ (
      /** @type {{ data: unknown }} */ (event).data
    );
    if (message.kind === 'hello') knownThreads.add(message.threadId);
    if (message.kind === 'heap') {
      const pending = waiting.get(message.requestId);
      if (!pending) return;
      pending.heaps.push(message.heap);
      knownThreads.add(message.heap.threadId);
      if (pending.heaps.length >= knownThreads.size + 1) pending.done();
    }
  };

  /**
   * @param {number} requestId
   * @returns {Promise<import('./memory-probe.types').ProbeReply>}
   */
  const measure = async (requestId) => {
    const heaps = [ownHeap()];
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, THREAD_REPLY_TIMEOUT_MS);
      waiting.set(requestId, {
        heaps,
        done: () => {
          clearTimeout(timer);
          resolve(undefined);
        },
      });
      if (knownThreads.size === 0) resolve(undefined);
      else channel.postMessage({ kind: 'collect', requestId });
    });
    waiting.delete(requestId);
    return {
      kind: 'bench-memory-reply',
      requestId,
      rssBytes: process.memoryUsage.rss(),
      threads: heaps,
      threadsKnown: knownThreads.size + 1,
    };
  };

  process.on('message', (message) => {
    const request = /** @type {Partial<import('./memory-probe.types').ProbeRequest>} */ (message);
    if (request?.kind !== 'bench-memory' || typeof request.requestId !== 'number') return;
    void measure(request.requestId).then((reply) => process.send?.(reply));
  });
  // Without this the IPC channel alone would keep the process running after it means to exit.
  process.channel?.unref();
  // The bench died without stopping us (SIGKILL, crash): stop the way Ctrl-C would, so nothing is left running.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
} else {
  channel.onmessage = (event) => {
    const message = /** @type {import('./memory-probe.types').ProbeChannelMessage} */ (
      /** @type {{ data: unknown }} */ (event).data
    );
    if (message.kind === 'collect')
      channel.postMessage({ kind: 'heap', requestId: message.requestId, heap: ownHeap() });
  };
  channel.postMessage({ kind: 'hello', threadId });
}
