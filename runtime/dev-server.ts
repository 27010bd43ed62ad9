import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;

/**
 * Runs `temporal server start-dev` persisted to a SQLite file, so workflows survive restarts of everything. The child
 * gets its own process group so that a Ctrl-C in the terminal reaches only us: the worker drains first, then stop()
 * ends the server. If we die without stopping it, the exit hook still kills it.
 */
export async function startDevServer(cliPath: string, config: Config, logger: Logger): Promise<DevServer> {
  const { port, uiPort, dbFile } = config.devServer;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
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
  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const log = logger.child({ component: 'temporal-dev-server' });
  let stopping = false;
  // While stopping, the server's own "connection refused" chatter is expected: keep it out of the info log.
  pipeLines(child, (line) => (stopping ? log.debug(line) : log.info(line)));
  const address = `127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await Promise.race([waitForPort(port, READY_TIMEOUT_MS), exited.then(() => false)]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not come up on ${address} (see the log lines above)`);
  }
  log.info({ address, ui: `http://localhost:${uiPort}`, db: dbFile }, 'Temporal dev server ready');
  return {
    address,
    uiUrl: `http://localhost:${uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
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
