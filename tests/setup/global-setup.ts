import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { parseConfig } from '../../runtime/config';
import { createLogger } from '../../runtime/logger';
import { applyMigrations } from '../../runtime/migrate';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { TEST_ENV_KEYS } from './test-env';

/**
 * Once per `npm test` run: a real Temporal dev server, a migrated temporary SQLite database, and one workflow bundle
 * that every integration test's worker reuses. Locations reach the test workers through process.env.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const cli = await ensureTemporalCli(process.env, (message) =>
    process.stderr.write(`[temporal-cli] ${message}\n`),
  );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-test-'));
  const testEnv = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli.path },
      searchAttributes: LIVEOPS_SEARCH_ATTRIBUTES,
      log: { format: 'pretty', level: 'error' },
    },
  });
  const databaseUrl = `file:${path.join(workDir, 'liveops-test.db')}`;
  const config = parseConfig({ DATABASE_URL: databaseUrl, LIVEOPS_DATA_DIR: workDir });
  await applyMigrations(config, createLogger({ log: { level: 'warn', format: 'json' } }));
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: console.warn,
      error: console.error,
    },
  });
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);

  process.env[TEST_ENV_KEYS.temporalAddress] = testEnv.address;
  process.env[TEST_ENV_KEYS.databaseUrl] = databaseUrl;
  process.env[TEST_ENV_KEYS.workDir] = workDir;
  process.env[TEST_ENV_KEYS.workflowBundle] = bundlePath;
  (globalThis as Record<string, unknown>).__LIVEOPS_TEST_ENV__ = testEnv;
  process.stderr.write(
    `\n[global-setup] Temporal ${cli.version} (${cli.route}) at ${testEnv.address}, db ${databaseUrl}, ready in ${Date.now() - started} ms\n`,
  );
}
