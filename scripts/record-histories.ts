/**
 * `npm run histories:record [-- --label <name>]`: runs every path of the stream workflow on a dev server of its own
 * (a temporary database, the real worker and activities) and writes each run's history, in Temporal's JSON, under
 * tests/fixtures/histories/<label>/. Commit them: `npm test` replays every history there against the current code
 * (tests/integration/history-fixtures.test.ts), so a change that would break a running stream fails CI.
 * Record again after every change to workflow code, into a new label; delete a label's histories only once no
 * stream started by that code can still be running (see README, "Changing running workflows").
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, NativeConnection, type Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { fetchWorkflowRuns } from '../api/audit/history-source';
import { parseConfig } from '../runtime/config';
import { createDb } from '../runtime/db';
import { createLogger } from '../runtime/logger';
import { applyMigrations } from '../runtime/migrate';
import { ensureAnalyticsEndpoint } from '../runtime/platform-simulator/embedded';
import { connectClient } from '../runtime/temporal-connection';
import { installTemporalRuntime } from '../runtime/temporal-runtime';
import { createWorker } from '../workers/create-worker';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { breakReview, continueAsNewPath, STREAM_PATHS, type TPathWorker } from './histories/paths';
import { CAMPAIGN_PATHS, type TNamedHandles } from './histories/campaign-paths';
import { ensureTemporalCli } from './temporal-cli';
import { historyJson } from '../api/audit/history-json';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'histories');
const CONTINUE_AS_NEW_AFTER_EVENTS = 40;

function defaultLabel(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  return `${new Date().toISOString().slice(0, 10)}-${commit}`;
}

function labelFrom(argv: string[]): string {
  const index = argv.indexOf('--label');
  const label = index >= 0 ? argv[index + 1] : defaultLabel();
  if (label === undefined || !/^[\w.-]{1,80}$/.test(label)) {
    process.stderr.write('histories:record: --label needs a name of letters, digits, _ . -\n');
    process.exit(2);
  }
  return label;
}

async function main(): Promise<void> {
  const label = labelFrom(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-histories-'));
  const plainConfig = parseConfig({
    DATABASE_URL: `file:${path.join(workDir, 'liveops.db')}`,
    LIVEOPS_DATA_DIR: workDir,
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
  });
  const logger = createLogger(plainConfig, 'histories');
  // The platform simulator, as `npm start` runs it: the live pulls numbers, so the histories hold the metric path too.
  const analytics = await ensureAnalyticsEndpoint(plainConfig, logger);
  const config = analytics.config;
  installTemporalRuntime(logger);
  await applyMigrations(config, logger);
  const db = createDb(config);
  const cli = await ensureTemporalCli(process.env, (message) =>
    process.stderr.write(`[temporal-cli] ${message}\n`),
  );
  const server = (extraArgs: string[] = []) =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli.path },
        searchAttributes: LIVEOPS_SEARCH_ATTRIBUTES,
        extraArgs,
      },
    });
  const [plain, rolling] = await Promise.all([
    server(),
    server([
      '--dynamic-config-value',
      `limit.historyCount.suggestContinueAsNew=${CONTINUE_AS_NEW_AFTER_EVENTS}`,
    ]),
  ]);
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') });
  const workers: Worker[] = [];
  const connections: NativeConnection[] = [];
  const running: Array<Promise<void>> = [];
  async function workerOn(address: string, taskQueue: string, wrap?: (a: Activities) => Activities) {
    const connection = await NativeConnection.connect({ address });
    connections.push(connection);
    const worker = await createWorker({
      connection,
      namespace: 'default',
      taskQueue,
      deps: { db, logger, config },
      workflowBundle: bundle,
      ...(wrap ? { wrapActivities: wrap } : {}),
    });
    workers.push(worker);
    running.push(worker.run());
    return { client: await connectClient(config.temporal, address), taskQueue };
  }
  try {
    const main = await workerOn(plain.address, 'histories');
    const failing = await workerOn(plain.address, 'histories-review-fails', (activities) => ({
      ...activities,
      buildStreamReview: async (input) => {
        breakReview();
        return activities.buildStreamReview(input);
      },
    }));
    const rolled = await workerOn(rolling.address, 'histories');
    const on = (name: string): TPathWorker =>
      name === 'review-failure-and-retry' ? failing : name === 'continue-as-new' ? rolled : main;
    // Each path records its own workflow under its name; a campaign path names each workflow it records.
    const single =
      (drive: (worker: TPathWorker) => Promise<{ workflowId: string }>) =>
      async (worker: TPathWorker, name: string): Promise<Record<string, { workflowId: string }>> => ({
        [name]: await drive(worker),
      });
    const paths: Record<
      string,
      (worker: TPathWorker, name: string) => Promise<TNamedHandles | Record<string, { workflowId: string }>>
    > = {
      ...Object.fromEntries(Object.entries(STREAM_PATHS).map(([name, drive]) => [name, single(drive)])),
      'continue-as-new': single(continueAsNewPath),
      ...CAMPAIGN_PATHS,
    };
    const dir = path.join(FIXTURES, label);
    fs.mkdirSync(dir, { recursive: true });
    const index: Record<string, string[]> = {};
    await Promise.all(
      Object.entries(paths).map(async ([pathName, drive]) => {
        const worker = on(pathName);
        const recorded = await drive(worker, pathName);
        for (const [name, handle] of Object.entries(recorded)) {
          const runs = await fetchWorkflowRuns(worker.client, handle.workflowId);
          index[name] = runs.map((run, n) => {
            const file = runs.length === 1 ? `${name}.json` : `${name}.run-${n + 1}.json`;
            fs.writeFileSync(path.join(dir, file), `${historyJson(run.history)}\n`);
            return file;
          });
          process.stdout.write(
            `${name}: ${runs.length} run(s), ${runs.map((r) => r.decoded.events.length).join('+')} events\n`,
          );
        }
      }),
    );
    const sorted = Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
    fs.writeFileSync(
      path.join(dir, 'index.json'),
      `${JSON.stringify({ label, recordedAt: new Date().toISOString(), temporalCli: cli.version, paths: sorted }, null, 2)}\n`,
    );
    process.stdout.write(`wrote ${path.relative(ROOT, dir)}\n`);
  } finally {
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.allSettled(running);
    await Promise.allSettled(connections.map((c) => c.close()));
    await db.$disconnect();
    await Promise.allSettled([plain.teardown(), rolling.teardown(), analytics.close?.()]);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`histories:record failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
