import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ENV_SCHEMA, parseConfig } from '../../runtime/config';

describe('config', () => {
  it('needs no variables at all: embedded dev server and SQLite file under .data', () => {
    const config = parseConfig({});
    expect(config.temporal.address).toBeUndefined();
    expect(config.http.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.devServer.dbFile).toBe(path.resolve('.data', 'temporal.db'));
  });

  it('treats empty values (FOO= lines) as unset', () => {
    expect(parseConfig({ PORT: '', TEMPORAL_ADDRESS: '' }).http.port).toBe(3000);
  });

  it.each([
    ['PORT', 'seventy', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['TEMPORAL_ADDRESS', 'http://temporal', 'TEMPORAL_ADDRESS'],
    ['DATABASE_URL', 'postgres://db/liveops', 'DATABASE_URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['TEMPORAL_TLS', 'yes', 'TEMPORAL_TLS'],
  ])('rejects %s=%s naming the variable', (key, value, variable) => {
    expect(() => parseConfig({ [key]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [key]: value });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toContain(variable);
    }
  });

  it('requires TEMPORAL_ADDRESS with TLS, and cert and key together', () => {
    expect(() => parseConfig({ TEMPORAL_API_KEY: 'k' })).toThrow(/TEMPORAL_ADDRESS/);
    expect(() => parseConfig({ TEMPORAL_ADDRESS: 'a:7233', TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(
      /TEMPORAL_TLS_KEY_PATH/,
    );
    const config = parseConfig({ TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' });
    expect(config.temporal.tls).toBeDefined();
    expect(config.temporal.apiKey).toBe('k');
  });

  it('documents every variable of the schema in .env.example, and nothing else', () => {
    const documented = fs
      .readFileSync(path.join(__dirname, '../../.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(documented.sort()).toEqual(Object.keys(ENV_SCHEMA.shape).sort());
  });
});

describe('entry points with a bad environment', () => {
  it('print one line naming the variable and exit with code 2', () => {
    const tsx = require.resolve('tsx/cli');
    const result = spawnSync(process.execPath, [tsx, path.join(__dirname, '../../scripts/start.ts')], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^liveops: Invalid configuration: PORT: .*"not-a-port"/);
  });
});
