import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { requireTestEnv } from '../setup/test-env';

jest.setTimeout(120_000);

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

async function waitForReady(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
      last = response.status;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready: ${String(last)}`);
}

describe('npm start against an existing cluster', () => {
  it('connects through TEMPORAL_ADDRESS (no dev server), migrates its own database, serves /readyz, stops on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-start-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../scripts/start.ts')],
      {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: requireTestEnv('temporalAddress'),
          TEMPORAL_TASK_QUEUE: `start-test-${port}`,
          LIVEOPS_DATA_DIR: dataDir,
          PORT: String(port),
          LOG_FORMAT: 'json',
          LIVEOPS_ADMIN_EMAIL: 'boss@example.com',
          LIVEOPS_ADMIN_PASSWORD: 'a-long-enough-password',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const ready = await waitForReady(`http://127.0.0.1:${port}/readyz`, 90_000);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { temporal: 'ok', database: 'ok' } });
      expect(fs.existsSync(path.join(dataDir, 'liveops.db'))).toBe(true);
      // An existing cluster was given: no embedded dev server, so no Temporal database in the data folder.
      expect(fs.existsSync(path.join(dataDir, 'temporal.db'))).toBe(false);
      expect(output).not.toContain('Temporal dev server ready');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopped cleanly');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
