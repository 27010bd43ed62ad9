import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TemporalCliNotFoundError, cacheRoot, ensureTemporalCli, probeCli } from '../../scripts/temporal-cli';

function fakeCli(dir: string, versionLine: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'temporal');
  fs.writeFileSync(file, `#!/bin/sh\necho "${versionLine}"\n`, { mode: 0o755 });
  return file;
}

describe('Temporal CLI acquisition', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-cli-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prefers TEMPORAL_CLI_PATH and reads the version from --version', async () => {
    const binary = fakeCli(path.join(tmp, 'explicit'), 'temporal version 1.2.3 (Server 1.27.0, UI 2.36.0)');
    const cli = await ensureTemporalCli({ TEMPORAL_CLI_PATH: binary, PATH: '' });
    expect(cli).toEqual({ path: binary, version: '1.2.3', route: 'TEMPORAL_CLI_PATH' });
  });

  it('fails at once, naming the route, when TEMPORAL_CLI_PATH is set but unusable', async () => {
    const missing = path.join(tmp, 'nope', 'temporal');
    const attempt = ensureTemporalCli({ TEMPORAL_CLI_PATH: missing, PATH: '' });
    await expect(attempt).rejects.toBeInstanceOf(TemporalCliNotFoundError);
    await expect(attempt).rejects.toThrow(/TEMPORAL_CLI_PATH: .*does not exist/);
  });

  it('finds `temporal` on PATH before the cache', async () => {
    const onPath = fakeCli(path.join(tmp, 'bin'), 'temporal version 1.4.0');
    fakeCli(path.join(tmp, 'cache', 'temporal-cli', '1.5.1'), 'temporal version 1.5.1');
    const cli = await ensureTemporalCli({
      PATH: path.join(tmp, 'bin'),
      LIVEOPS_CACHE_DIR: path.join(tmp, 'cache'),
    });
    expect(cli.path).toBe(onPath);
    expect(cli.route).toBe('`temporal` on PATH');
  });

  it('uses the cache outside the clone', async () => {
    const cached = fakeCli(path.join(tmp, 'cache', 'temporal-cli', '1.5.1'), 'temporal version 1.5.1');
    const cli = await ensureTemporalCli({ PATH: '', LIVEOPS_CACHE_DIR: path.join(tmp, 'cache') });
    expect(cli).toEqual({ path: cached, version: '1.5.1', route: 'liveops cache' });
    expect(cacheRoot({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'liveops'));
  });

  it('explains a binary built for another platform', async () => {
    const file = path.join(tmp, 'temporal');
    fs.writeFileSync(file, Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0x00, 0x00, 0x01]), { mode: 0o755 });
    await expect(probeCli(file)).rejects.toThrow(/not built for|--version failed/);
  });
});
