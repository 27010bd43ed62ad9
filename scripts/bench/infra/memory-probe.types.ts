/** Messages between the bench, the memory probe's main thread (IPC) and its worker threads (BroadcastChannel). */

export interface ThreadHeap {
  threadId: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export type ProbeChannelMessage =
  | { kind: 'hello'; threadId: number }
  | { kind: 'collect'; requestId: number }
  | { kind: 'heap'; requestId: number; heap: ThreadHeap };

/** Bench -> probe, over the child's IPC channel. */
export interface ProbeRequest {
  kind: 'bench-memory';
  requestId: number;
}

/** Probe -> bench: every thread's heap after a full GC. */
export interface ProbeReply {
  kind: 'bench-memory-reply';
  requestId: number;
  rssBytes: number;
  threads: ThreadHeap[];
  /** Threads that announced themselves; more than `threads.length` means some did not answer in time. */
  threadsKnown: number;
}
