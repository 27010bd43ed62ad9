import type { Client } from '@temporalio/client';
import type { AppInstance } from './app/app-instance';
import { isStopping } from './infra/cleanup';
import type { ApiClient } from './http/http-client';
import type { WebSession } from './http/web-session';
import type { MinimalWorker } from './minimal/minimal-worker-process';
import type { BenchOptions } from './options';
import type { LevelResults } from './report/results.types';
import { bytes, mb, ms } from './report/format';
import { measureIdleDecisions, type ProductDecisions } from './rows/decision-row';
import { measureInboxUnderLoad } from './rows/inbox-load-row';
import { measureInboxIdle } from './rows/inbox-row';
import { measureLists } from './rows/lists-row';
import { memoryPerWorkflow, takeMemorySnapshot, type MemorySnapshot } from './rows/memory-row';
import { measureStreamsList } from './rows/streams-list-row';
import { waitUntilSettled, type Population } from './setup/populations';
import type { BenchPerson } from './setup/users';
import { sleep } from './stats';

const MINIMAL_CACHE_TIMEOUT_MS = 5 * 60_000;

export interface BenchContext {
  options: BenchOptions;
  app: AppInstance;
  client: Client;
  minimal: MinimalWorker;
  api: Record<BenchPerson, ApiClient>;
  population: Population;
  decisions: ProductDecisions;
  /** The reviewer's measuring session, then one session per load user. */
  browsers: WebSession[];
  /**
   * Memory before this level's streams were added: taken after the warm-up, then again at the end of each level,
   * once its load is over. RSS grown by one level's inbox load is then not counted as the next level's streams.
   */
  memoryBaseline: MemorySnapshot;
}

/**
 * Grows both populations to `level.streams`, lets them settle, then takes every per-level measurement in turn,
 * filling `level` as it goes (so a run that stops midway still reports what it measured).
 */
export async function measureLevel(ctx: BenchContext, level: LevelResults): Promise<void> {
  const { options, app, client, minimal, api, population, decisions, browsers } = ctx;
  const streams = level.streams;
  const budget = { samples: options.samples, maxSeconds: options.maxSeconds };
  console.log(`\n== ${streams} waiting streams ==`);
  const attempt = async <T>(name: string, measure: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await measure();
    } catch (error) {
      if (isStopping()) throw error;
      if (!app.process.isRunning())
        throw new Error(`liveops died during ${name} (exit ${await app.process.exited})`);
      level.errors[name] = error instanceof Error ? error.message : String(error);
      console.error(`  ${name} failed: ${level.errors[name]}`);
      return undefined;
    }
  };

  // What the previous level's decisions started must be done before creation is timed.
  await waitUntilSettled(
    client,
    population.streams.map((s) => s.id),
    'streams',
  );
  const raw = await population.growMinimalWorkflows(client, minimal.taskQueue, streams);
  const created = await population.growStreams(api.planner, streams);
  const settleSeconds = await waitUntilSettled(
    client,
    population.streams.map((s) => s.id),
    'streams',
  );
  await waitForMinimalCache(minimal, population.minimalWorkflowIds.length);
  level.creation = { api: created, raw, settleSeconds };
  console.log(`  creation: API ${created.perSecond.toFixed(1)}/s, raw start ${raw.perSecond.toFixed(1)}/s`);
  if (created.firstError) console.error(`  first creation error: ${created.firstError}`);

  level.memory = await attempt('memory', async () => {
    const now = await takeMemorySnapshot(app.process, minimal, {
      streams: population.streams.length,
      minimalWorkflows: population.minimalWorkflowIds.length,
    });
    return memoryPerWorkflow(ctx.memoryBaseline, now);
  });
  if (level.memory)
    console.log(
      `  memory: ${mb(level.memory.appRssMbPerStream)}/stream vs ${mb(level.memory.minimalRssMbPerWorkflow)}/minimal workflow`,
    );

  const reviewerBrowser = browsers[0]!;
  level.inboxIdle = await attempt('inbox idle', () => measureInboxIdle(reviewerBrowser, app.baseUrl, budget));
  if (level.inboxIdle)
    console.log(
      `  inbox: p50 ${ms(level.inboxIdle.inbox.p50)} (n=${level.inboxIdle.inbox.n}), ${bytes(level.inboxIdle.inbox.bytes)}; /healthz p50 ${ms(level.inboxIdle.healthz.p50)}`,
    );

  level.lists = await attempt('approvals and dashboard', () =>
    measureLists(api.reviewer, reviewerBrowser, population, budget),
  );
  if (level.lists)
    console.log(
      `  approvals: p50 ${ms(level.lists.approvals.p50)}, ${level.lists.approvals.completeness.returned} of ${level.lists.approvals.completeness.expected}; dashboard p50 ${ms(level.lists.dashboard.p50)}`,
    );

  level.streamsList = await attempt('streams list', () => measureStreamsList(api.reviewer, budget));
  if (level.streamsList)
    console.log(
      `  /api/streams: p50 ${ms(level.streamsList.list.p50)}, ${bytes(level.streamsList.list.bytes)} for ${level.streamsList.list.rows} rows`,
    );

  // Each decision uses up one stream's pending product: share what this level has between idle and load.
  const available = decisions.available();
  const idleCount = Math.min(options.samples, Math.floor(available / 2));
  const loadCount = Math.min(options.samples, available - idleCount);
  level.decisionsIdle = await attempt('decisions idle', () =>
    measureIdleDecisions(decisions, client, population.minimalWorkflowIds, idleCount),
  );
  if (level.decisionsIdle)
    console.log(
      `  decision (idle): API p50 ${ms(level.decisionsIdle.api.p50)}, raw Update p50 ${ms(level.decisionsIdle.rawUpdate.p50)}`,
    );

  console.log(`  ${options.loadUsers} users load the inbox while the reviewer decides...`);
  level.inboxLoad = await attempt('inbox under load', () =>
    measureInboxUnderLoad(browsers.slice(1), decisions, budget, loadCount),
  );
  if (level.inboxLoad)
    console.log(
      `  under load: inbox p50 ${ms(level.inboxLoad.inbox.p50)} (n=${level.inboxLoad.inbox.n}); decision p50 ${ms(level.inboxLoad.decisions.p50)} max ${ms(level.inboxLoad.decisions.max)}`,
    );

  if (streams !== options.streams[options.streams.length - 1]) {
    await waitUntilSettled(
      client,
      population.streams.map((s) => s.id),
      'streams',
    );
    ctx.memoryBaseline = await takeMemorySnapshot(app.process, minimal, {
      streams: population.streams.length,
      minimalWorkflows: population.minimalWorkflowIds.length,
    });
  }
}

/** Every minimal workflow has run its first task and sits in the minimal worker's cache. */
export async function waitForMinimalCache(minimal: MinimalWorker, expected: number): Promise<void> {
  const deadline = Date.now() + MINIMAL_CACHE_TIMEOUT_MS;
  for (;;) {
    const cached = await minimal.cachedWorkflows();
    if (cached >= expected) return;
    if (Date.now() > deadline)
      throw new Error(
        `minimal worker caches ${cached} of ${expected} workflows after ${MINIMAL_CACHE_TIMEOUT_MS / 1000} s`,
      );
    await sleep(500);
  }
}
