import fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { gateStatus, pendingItems } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import { searchAttributeTypes } from '../../runtime/search-attributes';
import { ensureTimeSkippingServer } from '../../scripts/time-skipping-server';
import { createWorker } from '../../workers/create-worker';
import { requireTestEnv } from '../setup/test-env';
import { uniqueId } from './helpers/harness';
import { act, people, type StreamHandle } from './helpers/streams';
import { streamStateQuery } from '../../workflows/stream/messages';

jest.setTimeout(300_000);

const HOUR = 3600_000;
const hoursBetween = (a: string | undefined, b: string | undefined) =>
  (Date.parse(b ?? '') - Date.parse(a ?? '')) / HOUR;

/**
 * The waits of a real stream with the default timing (hours and days), on Temporal's time-skipping test server:
 * the workflow code, the activities and the database are the real ones; only the clock jumps.
 */
describe('long waits, with the clock skipped', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let db: Db;
  const taskQueue = uniqueId('long-waits');

  beforeAll(async () => {
    const server = await ensureTimeSkippingServer();
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: server } },
    });
    // The test server lists no search attributes but registers them (the workflow upserts its phase).
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: searchAttributeTypes(),
    });
    const config = parseConfig({
      DATABASE_URL: requireTestEnv('databaseUrl'),
      LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    });
    db = createDb(config);
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      deps: { db, logger: createLogger(config, 'long-waits'), config },
      workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await db?.$disconnect();
  });

  async function start(hoursAhead: number): Promise<StreamHandle> {
    const now = await env.currentTimeMs();
    const plan = buildSamplePlan({
      scheduledStart: new Date(now + hoursAhead * HOUR).toISOString(),
      owner: people.planner.id,
    });
    return env.client.workflow.start('streamWorkflow', {
      taskQueue,
      workflowId: uniqueId('long'),
      args: [{ plan: { ...plan, plannedDurationMinutes: 60 }, createdBy: people.planner }],
    }) as Promise<StreamHandle>;
  }
  const stateOf = (handle: StreamHandle): Promise<TStreamState> => handle.query(streamStateQuery);
  /** A minute for the scan, then the reviewer approves the script (accepting its finding) and the product. */
  async function passGates(handle: StreamHandle): Promise<TStreamState> {
    await env.sleep(60_000);
    const scanned = await stateOf(handle);
    await act(handle, 'decide-script', people.reviewer, {
      revision: 1,
      decision: 'approved_with_findings',
      reasons: ['price statement checked'],
      acceptedFindingIds: scanned.script.revisions[0]!.findings!.map((f) => f.id),
    });
    await act(handle, 'decide-product', people.reviewer, { sku: 'HF-001', decision: 'approved' });
    await env.sleep(10_000);
    return scanned;
  }

  it('reminds a pending script decision every hour and escalates it to the manager at its 4 h SLA', async () => {
    const handle = await start(72);
    await env.sleep(60_000); // the scan
    const scanned = await stateOf(handle);
    const item = pendingItems(scanned).find((p) => p.key === 'script:r1')!;
    expect(hoursBetween(item.since, item.dueAt)).toBe(4);

    await env.sleep(4 * HOUR + 5 * 60_000);
    const state = await stateOf(handle);
    const notices = state.approvalNotices['script:r1']!;
    expect(notices.reminders).toBe(3); // at +1 h, +2 h, +3 h: none left before the 4 h due time
    expect(notices.escalatedTo).toEqual(['manager@example.com']);
    expect(hoursBetween(item.since, notices.escalatedAt)).toBeCloseTo(4, 2);
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
  });

  it('passes its gates three days ahead, then waits in compliance, reminding nobody, until preheat at T-24 h', async () => {
    const handle = await start(72);
    await passGates(handle);
    const passed = await stateOf(handle);
    expect(passed.phase).toBe('compliance');
    expect(gateStatus(passed).passed).toBe(true);

    await env.sleep(46 * HOUR);
    const waiting = await stateOf(handle);
    expect(waiting.phase).toBe('compliance');
    expect(waiting.approvalNotices).toEqual(passed.approvalNotices);
    await env.sleep(2 * HOUR);
    const preheat = await stateOf(handle);
    expect(preheat.phase).toBe('preheat');
    expect(hoursBetween(preheat.phaseEnteredAt.preheat, preheat.schedule.scheduledStart)).toBeCloseTo(24, 2);
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
  });

  it('keeps the tail for 24 h after the live, then reminds the manager daily until the 72 h sign-off is due', async () => {
    const handle = await start(3);
    const scanned = await passGates(handle);
    expect((await stateOf(handle)).phase).toBe('preheat');
    await act(handle, 'sign-checklist', people.ops, { items: scanned.plan.checklist.map((i) => i.id) });

    await env.sleep(3 * HOUR);
    expect((await stateOf(handle)).phase).toBe('burst');
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const tail = await stateOf(handle);
    expect(tail.phase).toBe('tail');

    await env.sleep(23 * HOUR + 50 * 60_000);
    expect((await stateOf(handle)).phase).toBe('tail');
    await env.sleep(15 * 60_000);
    const review = await stateOf(handle);
    expect(review.phase).toBe('review');
    expect(hoursBetween(tail.phaseEnteredAt.tail, review.phaseEnteredAt.review)).toBeCloseTo(24, 2);

    await env.sleep(60_000); // the report
    const reported = await stateOf(handle);
    expect(reported.review.reportId).toBeDefined();
    await env.sleep(72 * HOUR + 5 * 60_000);
    const late = await stateOf(handle);
    const signoff = pendingItems(late).find((p) => p.kind === 'review_signoff')!;
    expect(hoursBetween(reported.review.reportedAt, signoff.dueAt)).toBe(72);
    expect(late.approvalNotices['review-signoff']!.reminders).toBe(2); // at +24 h and +48 h
    await act(handle, 'sign-review', people.manager, { reportId: late.review.reportId });
    expect((await handle.result()).phase).toBe('completed');
  });
});
