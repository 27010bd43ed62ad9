import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ProbeReply, ProbeRequest } from './memory-probe.types';
import { readProcStatus } from './proc-stats';

const MEMORY_PROBE = path.join(__dirname, 'memory-probe.mjs');
const STOP_GRACE_MS = 30_000;
const PROBE_TIMEOUT_MS = 20_000;

export interface MemorySample {
  /** From /proc: what the kernel charges the process (all threads, native memory, the SQLite cache...). */
  rssBytes: number;
  /** V8 heap used after a full GC, summed over the main thread and every worker thread that answered. */
  heapUsedBytes: number;
  threadsAnswered: number;
  threadsKnown: number;
}

export interface MeasuredChild {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  isRunning(): boolean;
  memory(): Promise<MemorySample>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
  /** The last lines of its log, for error messages. */
  logTail(lines?: number): string;
  /** The IPC channel, for children that report more than memory (the minimal worker's cache size). */
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

export interface NodeChildOptions {
  name: string;
  /** The checkout to run in: tsx and the app's modules resolve from here, as under `npm start`. */
  cwd: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

/**
 * Runs `node --import tsx <script>` as `npm start` does, plus the memory probe (and `--expose-gc`, so heap numbers are
 * taken after a full collection). Output goes to a log file, never a pipe: an unread pipe would eventually block the
 * child. The IPC channel carries memory requests only.
 */
export function startNodeChild(options: NodeChildOptions): MeasuredChild {
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', MEMORY_PROBE, options.script],
    // Its own process group: a Ctrl-C in the terminal reaches only the bench, which then stops children in order.
    { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log, 'ipc'], detached: true },
  );
  fs.closeSync(log);
  // Without a listener a failed spawn (e.g. a missing cwd) would crash the bench before cleanup.
  child.once('error', (error) => fs.appendFileSync(options.logFile, `\nbench: ${String(error)}\n`));
  if (child.pid === undefined) throw new Error(`could not start ${options.name} in ${options.cwd}`);
  const pid = child.pid;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let running = true;
  void exited.then(() => (running = false));

  let nextRequestId = 1;
  const waiting = new Map<number, (reply: ProbeReply) => void>();
  child.on('message', (message: unknown) => {
    const reply = message as Partial<ProbeReply>;
    if (reply?.kind === 'bench-memory-reply' && typeof reply.requestId === 'number')
      waiting.get(reply.requestId)?.(reply as ProbeReply);
  });

  async function memory(): Promise<MemorySample> {
    if (!running) throw new Error(`${options.name} is not running (exit ${await exited})`);
    const requestId = nextRequestId++;
    const reply = await new Promise<ProbeReply | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), PROBE_TIMEOUT_MS);
      waiting.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      child.send({ kind: 'bench-memory', requestId } satisfies ProbeRequest);
    });
    waiting.delete(requestId);
    // RSS is read after the probe's GC, from outside, so it does not depend on the probe answering.
    const status = readProcStatus(pid);
    return {
      rssBytes: status.rssBytes,
      heapUsedBytes: reply ? reply.threads.reduce((sum, thread) => sum + thread.heapUsed, 0) : Number.NaN,
      threadsAnswered: reply?.threads.length ?? 0,
      threadsKnown: reply?.threadsKnown ?? 0,
    };
  }

  async function stop(): Promise<void> {
    if (!running) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => running && child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  return {
    name: options.name,
    pid,
    logFile: options.logFile,
    exited,
    isRunning: () => running,
    memory,
    stop,
    logTail: (lines = 15) => tailOf(options.logFile, lines),
    send: (message) => {
      if (running) child.send(message as object);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
  };
}

function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
