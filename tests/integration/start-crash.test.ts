import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface InstanceProcess {
  pid: number;
  command: string;
}

/** Every live process started for this data dir: they all inherit LIVEOPS_DATA_DIR from `npm start`. */
function instanceProcesses(dataDir: string): InstanceProcess[] {
  const marker = `LIVEOPS_DATA_DIR=${dataDir}`;
  const found: InstanceProcess[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'))) continue; // a zombie is not running
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(marker)) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), command });
    } catch {
      // Gone while we looked, or not ours to read.
    }
  }
  return found;
}

/** Field 5 of /proc/<pid>/stat, after the parenthesised command name (which may itself contain spaces). */
function processGroupOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Instance {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` in a process group of its own, as a terminal runs it: the group is what a crash or kill takes down. */
async function npmStart(
  dataDir: string,
  ports: Record<'api' | 'temporal' | 'ui', number>,
): Promise<Instance> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'ANALYTICS_BASE_URL', 'TEMPORAL_CLI_PATH'])
    delete env[name];
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      LIVEOPS_DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      LOG_FORMAT: 'json',
      LIVEOPS_ADMIN_EMAIL: 'boss@example.com',
      LIVEOPS_ADMIN_PASSWORD: 'a-long-enough-password',
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(
    `liveops answers /readyz on port ${ports.api}`,
    async () => {
      if (gone) throw new Error(`npm start exited before it was ready:\n${output.slice(-3000)}`);
      try {
        return (await fetch(`http://127.0.0.1:${ports.api}/readyz`)).status === 200;
      } catch {
        return false;
      }
    },
    180_000,
  );
  return { child, output: () => output, exited };
}

/** The Temporal CLI process itself (not a shell that merely names it in its arguments). */
const devServerOf = (dataDir: string) =>
  instanceProcesses(dataDir).find(
    (p) =>
      path.basename(p.command.split(' ')[0] ?? '').startsWith('temporal') && p.command.includes('start-dev'),
  );

const onLinux = fs.existsSync('/proc/self/environ') ? describe : describe.skip;

onLinux('npm start after a crash (kill -9)', () => {
  let dataDir: string;
  let ports: Record<'api' | 'temporal' | 'ui', number>;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-crash-'));
    ports = { api: await freePort(), temporal: await freePort(), ui: await freePort() };
  });
  afterEach(() => {
    // Whatever a failed test left running must not outlive it on a shared machine.
    for (const { pid } of instanceProcesses(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function stopWithCtrlC(instance: Instance) {
    process.kill(-instance.child.pid!, 'SIGINT');
    await instance.exited;
    await waitFor('no process of the instance is left', () => instanceProcesses(dataDir).length === 0);
  }

  it('kill -9 of the process group leaves no process of the instance; the next npm start comes up', async () => {
    const first = await npmStart(dataDir, ports);
    expect(devServerOf(dataDir)).toBeDefined();

    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    await waitFor(
      'no process of the crashed instance is left',
      () => instanceProcesses(dataDir).length === 0,
    );

    const second = await npmStart(dataDir, ports);
    expect(devServerOf(dataDir)).toBeDefined();
    await stopWithCtrlC(second);
  });

  it('a dev server that outlived a crash of everything else is recognised and stopped by the next npm start', async () => {
    const first = await npmStart(dataDir, ports);
    const server = devServerOf(dataDir);
    expect(server).toBeDefined();

    // The worst case: everything but the dev server dies at once. Whatever runs outside the npm process group (a
    // watchdog, if there is one) goes first, so that nothing is left to notice the crash and stop the server.
    const outsideGroup = instanceProcesses(dataDir).filter(
      (p) => p.pid !== server!.pid && processGroupOf(p.pid) !== first.child.pid,
    );
    for (const { pid } of outsideGroup) process.kill(pid, 'SIGKILL');
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    await waitFor('only the orphaned dev server is left', () =>
      instanceProcesses(dataDir).every((p) => p.pid === server!.pid),
    );
    expect(devServerOf(dataDir)?.pid).toBe(server!.pid);

    const second = await npmStart(dataDir, ports);
    expect(instanceProcesses(dataDir).map((p) => p.pid)).not.toContain(server!.pid);
    // Stopped by the next start, or (orphaned, it dies the first time it logs) found exiting: either way recognised.
    expect(second.output()).toMatch(
      /stopping the Temporal dev server a crashed liveops left running|the Temporal dev server a crashed liveops left has exited/,
    );
    await stopWithCtrlC(second);
  });
});
