import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from './logger';

/**
 * Who runs the embedded dev server of a data dir, written next to its database: the server's pid and the pid of the
 * liveops process that started it. A crash that left the server behind (its watchdog killed too, or no watchdog on
 * this platform) leaves this file; the next start finds the server here and stops it instead of failing on a busy port.
 */
export interface DevServerPids {
  server: number;
  owner: number;
}

export const pidFileOf = (dbFile: string) => `${dbFile}.pid`;

export function writePidFile(dbFile: string, pids: DevServerPids): void {
  fs.writeFileSync(pidFileOf(dbFile), `${JSON.stringify(pids)}\n`);
}

export function removePidFile(dbFile: string): void {
  fs.rmSync(pidFileOf(dbFile), { force: true });
}

function readPidFile(dbFile: string): DevServerPids | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(pidFileOf(dbFile), 'utf8')) as Partial<DevServerPids>;
    return Number.isInteger(parsed.server) && Number.isInteger(parsed.owner)
      ? { server: parsed.server!, owner: parsed.owner! }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A killed process whose parent died with it stays a zombie until init reaps it, and signal 0 still reaches a zombie:
 * on Linux its state in /proc says so. (Elsewhere, or when /proc cannot be read, signal 0 decides alone.)
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's command line, or undefined when it cannot be read (gone, or no /proc and no ps). */
function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    try {
      return (
        execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim() || undefined
      );
    } catch {
      return undefined;
    }
  }
}

/** A pid may have been reused since: only a dev server started on this very database file counts as ours. */
const isOurServer = (pid: number, dbFile: string) => {
  const command = commandLine(pid);
  return command !== undefined && command.includes('start-dev') && command.includes(dbFile);
};

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Before starting a dev server on `dbFile`: a dev server of this data dir whose liveops is gone is a leftover of a
 * crash, and is stopped (SIGTERM, then SIGKILL). One whose liveops still runs is an error: two instances on one data
 * dir would share the Temporal database.
 */
export async function stopStaleDevServer(
  dbFile: string,
  logger: Logger,
): Promise<'none' | 'stopped' | 'exiting'> {
  const pids = readPidFile(dbFile);
  if (!pids) return 'none';
  if (!isAlive(pids.server)) {
    // Orphaned, it dies by itself the first time it logs (its output pipe is gone): a Go server's threads may still
    // hold its ports for a moment after its main thread shows it dead.
    logger.info(
      { pid: pids.server, db: dbFile },
      'the Temporal dev server a crashed liveops left has exited',
    );
    removePidFile(dbFile);
    return 'exiting';
  }
  if (!isOurServer(pids.server, dbFile)) {
    removePidFile(dbFile);
    return 'none';
  }
  if (pids.owner !== process.pid && isAlive(pids.owner))
    throw new Error(
      `another liveops is running on this data dir (Temporal dev server pid ${pids.server}); stop it first or set LIVEOPS_DATA_DIR`,
    );
  logger.warn(
    { pid: pids.server, db: dbFile },
    'stopping the Temporal dev server a crashed liveops left running',
  );
  process.kill(pids.server, 'SIGTERM');
  if (!(await waitForExit(pids.server, 10_000))) {
    process.kill(pids.server, 'SIGKILL');
    await waitForExit(pids.server, 5_000);
  }
  removePidFile(dbFile);
  return 'stopped';
}
