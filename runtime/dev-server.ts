import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from './config';
import { removePidFile, stopStaleDevServer, writePidFile } from './dev-server-pidfile';
import type { Logger } from './logger';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const LEFTOVER_EXIT_MS = 10_000;
const SERVER_PID_LINE = /^liveops-dev-server-pid (\d+)$/;

/**
 * Runs the server under a POSIX shell whose stdin is a pipe from this process. The pipe reaches end-of-file when we
 * exit, however we exit (SIGKILL and OOM kills included: the kernel closes our end), and the shell then stops the
 * server. So a crash leaves no dev server behind, while the server still sits in its own process group, out of reach
 * of a Ctrl-C meant for us (the worker drains first, then stop() ends the server).
 */
const WATCHDOG_SCRIPT = [
  // fd 3 keeps our pipe for the reader below (an asynchronous list would otherwise read /dev/null); the server gets none.
  'exec 3<&0 </dev/null',
  '"$@" 3<&- &',
  'server=$!',
  'echo "liveops-dev-server-pid $server"',
  '{ while read -r _; do :; done; kill -TERM "$server" 2>/dev/null; } <&3 &',
  'reader=$!',
  'exec 3<&-',
  // The server may also exit by itself (a bad flag, a busy port): then the shell exits too, and we see it at once.
  'wait "$server"',
  'status=$?',
  'kill "$reader" 2>/dev/null',
  'exit $status',
].join('\n');

function spawnServer(cliPath: string, args: string[]): ChildProcess {
  // Windows has no POSIX shell and no process groups: there the stale-server check at the next start cleans up.
  if (process.platform === 'win32')
    return spawn(cliPath, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  return spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'liveops-dev-server-watchdog', cliPath, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs `temporal server start-dev` persisted to a SQLite file, so workflows survive restarts of everything. The server
 * dies with us (see WATCHDOG_SCRIPT); a server that a crash left running anyway is recognised by the pid file next to
 * its database and stopped before a new one starts (see dev-server-pidfile.ts).
 */
export async function startDevServer(cliPath: string, config: Config, logger: Logger): Promise<DevServer> {
  const { port, uiPort, dbFile } = config.devServer;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  // A leftover server releases its ports as it finishes exiting: give it that moment before calling a port busy.
  const leftover = await stopStaleDevServer(dbFile, logger);
  if (leftover !== 'none') await waitUntilPortFree(port, LEFTOVER_EXIT_MS);
  await assertPortFree(port, 'TEMPORAL_DEV_PORT');
  await assertPortFree(uiPort, 'TEMPORAL_UI_PORT');
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--namespace',
    config.temporal.namespace,
    '--log-level',
    'warn',
  ];
  const child = spawnServer(cliPath, args);
  const killOnExit = () => killGroup(child);
  process.once('exit', killOnExit);
  const log = logger.child({ component: 'temporal-dev-server' });
  let stopping = false;
  const recordPid = (pid: number) => writePidFile(dbFile, { server: pid, owner: process.pid });
  if (process.platform === 'win32' && child.pid !== undefined) recordPid(child.pid);
  // While stopping, the server's own "connection refused" chatter is expected: keep it out of the info log.
  pipeLines(child, (line) => {
    const serverPid = SERVER_PID_LINE.exec(line)?.[1];
    if (serverPid !== undefined) recordPid(Number(serverPid));
    else if (stopping) log.debug(line);
    else log.info(line);
  });
  const address = `127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await Promise.race([waitForPort(port, READY_TIMEOUT_MS), exited.then(() => false)]);
  if (!ready) {
    killGroup(child);
    removePidFile(dbFile);
    throw new Error(`Temporal dev server did not come up on ${address} (see the log lines above)`);
  }
  log.info({ address, ui: `http://localhost:${uiPort}`, db: dbFile }, 'Temporal dev server ready');
  return {
    address,
    uiUrl: `http://localhost:${uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      stopping = true;
      if (process.platform === 'win32') child.kill('SIGTERM');
      else child.stdin?.end(); // the watchdog stops the server and waits for it
      const timer = setTimeout(() => killGroup(child), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      removePidFile(dbFile);
      process.removeListener('exit', killOnExit);
    },
  };
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.filter((l) => l.trim()).forEach(onLine);
    });
  }
}

async function waitUntilPortFree(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await canConnect(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

async function assertPortFree(port: number, variable: string): Promise<void> {
  if (await canConnect(port)) {
    throw new Error(
      `port ${port} is already in use (is another liveops or Temporal running?); set ${variable}`,
    );
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
