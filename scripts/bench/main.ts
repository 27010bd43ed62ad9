/**
 * `npm run bench`: issue 9, section 7. Starts a fresh liveops from the target checkout exactly as `npm start` does, and
 * a minimal-workflow worker beside it, then measures everything black-box (HTTP as users and integrations call it,
 * the Temporal client as any tool would) and prints each row beside a baseline taken in the same run. The same script
 * runs against today's code and the redesign; results go to bench/results/<timestamp>.json.
 */
import { Client, Connection } from '@temporalio/client';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type AppInstance } from './app/app-instance';
import { cleanupAll, cleanupOnSignals, isStopping, onCleanup } from './infra/cleanup';
import { loadAverage } from './infra/proc-stats';
import { measureLevel, waitForMinimalCache, type BenchContext } from './measure-level';
import { startMinimalWorker } from './minimal/minimal-worker-process';
import { parseOptions, WARM_UP_STREAMS, type BenchOptions } from './options';
import { renderHeader, renderTable, writeResultsFile } from './report/print-table';
import type { BenchResults, LevelResults } from './report/results.types';
import { tableRows } from './report/table-rows';
import { ProductDecisions } from './rows/decision-row';
import { measureHistory } from './rows/history-row';
import { takeMemorySnapshot } from './rows/memory-row';
import { runStreamThroughReview } from './rows/stream-lifecycle';
import { Population, waitUntilSettled } from './setup/populations';
import { loadSamplePlanBuilder, type BuildSamplePlan } from './setup/sample-plan';
import { describeTarget } from './setup/target-info';
import { createBenchUsers, reviewerSessions, type BenchUsers } from './setup/users';

async function run(options: BenchOptions, results: BenchResults, workDir: string): Promise<void> {
  console.log(renderHeader(results));
  console.log(`\nstarting liveops from ${options.target} (logs in ${workDir})...`);
  const app = await startApp(options.target, workDir);
  onAppStarted(app);
  const connection = await Connection.connect({ address: app.temporalAddress });
  onCleanup('temporal client', () => connection.close());
  const client = new Client({ connection, namespace: 'default' });
  const minimal = await startMinimalWorker({
    target: options.target,
    temporalAddress: app.temporalAddress,
    workDir,
  });
  const { api } = await createBenchUsers(app.baseUrl);
  const samplePlan = loadSamplePlanBuilder(options.target);

  if (!options.skipHistory) results.history = await measureLifecycleHistory(api, client, samplePlan);

  console.log(`\nwarm-up: ${WARM_UP_STREAMS} streams and minimal workflows, then the memory baseline`);
  const population = new Population(samplePlan, options.concurrency);
  await population.growMinimalWorkflows(client, minimal.taskQueue, WARM_UP_STREAMS);
  await population.growStreams(api.planner, WARM_UP_STREAMS);
  if (population.streams.length === 0) throw new Error('no stream could be created: see the errors above');
  await waitUntilSettled(
    client,
    population.streams.map((s) => s.id),
    'streams',
  );
  await waitForMinimalCache(minimal, population.minimalWorkflowIds.length);
  const memoryBaseline = await takeMemorySnapshot(app.process, minimal, {
    streams: population.streams.length,
    minimalWorkflows: population.minimalWorkflowIds.length,
  });

  const sku = population.waitingPlan(0).products[0]?.sku;
  if (sku === undefined) throw new Error('the sample plan has no product to decide on');
  const ctx: BenchContext = {
    options,
    app,
    client,
    minimal,
    api,
    population,
    decisions: new ProductDecisions(api.reviewer, population, sku),
    browsers: await reviewerSessions(app.baseUrl, 1 + options.loadUsers),
    memoryBaseline,
  };
  for (const streams of options.streams) {
    const level: LevelResults = { streams, errors: {} };
    results.levels.push(level);
    await measureLevel(ctx, level);
  }
}

async function measureLifecycleHistory(
  api: BenchUsers['api'],
  client: Client,
  samplePlan: BuildSamplePlan,
): Promise<BenchResults['history']> {
  console.log('\nrow 2: one stream of the sample plan through review (about two minutes)...');
  try {
    const lifecycle = await runStreamThroughReview(api, client, samplePlan);
    const size = await measureHistory(client, lifecycle.streamId);
    console.log(
      `  ${size.events} events, ${size.protobufBytes} bytes protobuf, ${size.jsonBytes} bytes JSON`,
    );
    return { lifecycle, size };
  } catch (error) {
    if (isStopping()) throw error;
    console.error(`  row 2 failed: ${String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

let startedApp: AppInstance | undefined;
const onAppStarted = (app: AppInstance) => (startedApp = app);

/** A bug in the bench itself must still stop every process it started (they would stop when we die, but untidily). */
function stopOnUnexpectedErrors(): void {
  const stop = (kind: string) => (error: unknown) => {
    console.error(`\nbench: ${kind}:`, error);
    void cleanupAll().then(() => process.exit(1));
  };
  process.on('unhandledRejection', stop('unhandled rejection'));
  process.on('uncaughtException', stop('uncaught exception'));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  cleanupOnSignals();
  stopOnUnexpectedErrors();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-bench-'));
  let keepWorkDir = false;
  // Registered first, so it runs last: after every process using the directory has stopped.
  onCleanup('work dir', async () => {
    if (keepWorkDir) console.error(`logs and databases kept in ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    target: describeTarget(options.target),
    machine: {
      cpus: os.cpus().length,
      totalMemoryMb: os.totalmem() / 1024 / 1024,
      loadAtStart: loadAverage(),
    },
    options,
    levels: [],
  };
  try {
    await run(options, results, workDir);
  } catch (error) {
    if (isStopping()) return; // interrupted: the requests cut off by the stop are not failures
    keepWorkDir = true;
    process.exitCode = 1;
    results.fatalError = error instanceof Error ? error.message : String(error);
    console.error(`\nbench failed: ${results.fatalError}`);
    if (startedApp) console.error(`\nlast lines of the liveops log:\n${startedApp.process.logTail()}`);
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadAtEnd = loadAverage();
  results.table = tableRows(results);
  console.log(`\n${renderHeader(results)}\n\n${renderTable(results.table)}`);
  console.log(`\nresults: ${writeResultsFile(results)}`);
}

void main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    console.log('stopping everything the bench started...');
    await cleanupAll();
    process.exit();
  });
