import type { Activities } from '../../activities';
import { localDate } from '../../domain/shared/time';
import { SAMPLE_PRODUCT_SKU } from '../../domain/stream/sample-plan';
import type { TProduct, TStreamPlan } from '../../domain/stream/plan.types';
import { createHarness, type Harness } from './helpers/harness';
import { holdActivity, latch } from './helpers/faults';
import { replayAllRuns } from './helpers/replay';
import {
  act,
  isoIn,
  passGates,
  people,
  startStream,
  stateOf,
  waitForPhase,
  waitForState,
  type StreamHandle,
} from './helpers/streams';

jest.setTimeout(180_000);

/** The calendar date `days` from now in the sample plan's zone (documents expire on local dates). */
const localDateIn = (days: number) =>
  localDate(new Date(Date.now() + days * 86_400_000).toISOString(), 'Asia/Shanghai');

const document = (number: string) => ({ issuer: '检验机构', number, expiresOn: localDateIn(400) });
const ADDED_PRODUCT = {
  sku: 'LIP-002',
  name: '润唇膏 4g',
  category: 'cosmetics',
  price: 39,
  stock: 500,
  documents: { qualityInspection: document('QI-LIP-1'), traceability: document('TR-LIP-1') },
};
const HEALTH_FOOD = {
  sku: 'VC-003',
  name: '维生素C咀嚼片',
  category: 'health_food',
  price: 59,
  stock: 300,
  documents: {
    qualityInspection: document('QI-VC-1'),
    traceability: document('TR-VC-1'),
    healthFoodApproval: document('国食健注G20240001'),
  },
};

/** The sample plan with some of its hero product's documents changed. */
function withDocuments(
  changes: Partial<Record<'qualityInspection' | 'traceability', { expiresOn: string }>>,
): (plan: TStreamPlan) => TStreamPlan {
  return (plan) => ({
    ...plan,
    products: plan.products.map((p) => ({
      ...p,
      documents: Object.fromEntries(
        Object.entries(p.documents).map(([kind, doc]) => [
          kind,
          { ...doc, ...changes[kind as keyof typeof changes] },
        ]),
      ) as TProduct['documents'],
    })),
  });
}

/**
 * A person's action that lands while a phase loop is inside an awaited activity wins: the loop re-reads the state
 * after the await and drops what the activity produced if it can no longer happen (the transition table says so).
 * Each test holds one real activity at a latch, acts, then lets the activity finish.
 */
describe('human actions win over what a loop was waiting for', () => {
  const held = new Map<string, ReturnType<typeof latch>>();
  const harnesses = new Map<keyof Activities, Promise<Harness>>();
  const harnessHolding = (name: keyof Activities) => {
    if (!harnesses.has(name))
      harnesses.set(name, createHarness({ wrapActivities: holdActivity(name, held) }));
    return harnesses.get(name)!;
  };
  afterAll(async () => {
    for (const harness of harnesses.values()) await (await harness).close();
  });
  /** Starts a stream and waits until its first call of `name` waits at the latch; `release` lets it run. */
  async function heldAt(name: keyof Activities, options: Parameters<typeof startStream>[1]) {
    const harness = await harnessHolding(name);
    const gate = latch();
    held.set('*', gate);
    const handle = await startStream(harness, options);
    await gate.entered;
    return { harness, handle, release: () => gate.open() };
  }
  /** Ends a test's stream, then replays its history against the current code. */
  async function cancelAndReplay(harness: Harness, handle: StreamHandle): Promise<void> {
    await act(handle, 'cancel', people.manager, { reason: 'test finished' });
    await handle.result();
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  }

  it('a cancel during the script scan: the stream is cancelled, the late scan result is not applied', async () => {
    const { harness, handle, release } = await heldAt('scanScriptRevision', { startInSeconds: 600 });
    const result = await act(handle, 'cancel', people.manager, { reason: 'brand pulled out' });
    expect(result.phase).toBe('cancelled');
    release();
    const final = await handle.result();
    expect(final.phase).toBe('cancelled');
    expect(final.script.revisions[0]!.findings).toBeUndefined();
    expect(final.timeline.entries.map((e) => e.type)).not.toContain('ScriptScanned');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  it('a cancel during the document check: cancelled, no check recorded after it', async () => {
    const { harness, handle, release } = await heldAt('checkProducts', { startInSeconds: 600 });
    await act(handle, 'cancel', people.manager, { reason: 'lineup changed' });
    release();
    const final = await handle.result();
    expect(final.phase).toBe('cancelled');
    expect(final.productsCheckedAt).toBeUndefined();
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  /** The state once the document check was applied: the held one if it still held, else a fresh one. */
  const checked = (handle: StreamHandle) =>
    waitForState(handle, (s) => s.productsCheckedAt !== undefined, 30_000);

  it('a replaced document during the document check: the new document is checked, not the old one', async () => {
    const { harness, handle, release } = await heldAt('checkProducts', {
      startInSeconds: 600,
      edit: withDocuments({ qualityInspection: { expiresOn: '2020-01-01' } }),
    });
    // The check of the expired report is under way.
    await act(handle, 'replace-document', people.planner, {
      sku: SAMPLE_PRODUCT_SKU,
      document: 'qualityInspection',
      issuer: '上海市质量监督检验技术研究院',
      number: 'QI-2026-5530',
      expiresOn: localDateIn(400),
    });
    release();
    const state = await checked(handle);
    expect(state.plan.products[0]!.documents.qualityInspection!.number).toBe('QI-2026-5530');
    expect(state.products[SAMPLE_PRODUCT_SKU]!.problems).toEqual([]);
    await cancelAndReplay(harness, handle);
  });

  it('a product added during the document check: its documents are checked too, and a reviewer can decide it', async () => {
    const { harness, handle, release } = await heldAt('checkProducts', { startInSeconds: 600 });
    await act(handle, 'add-product', people.planner, ADDED_PRODUCT);
    release();
    const state = await checked(handle);
    expect(state.products[ADDED_PRODUCT.sku]!.problems).toEqual([]);
    await act(handle, 'decide-product', people.reviewer, { sku: ADDED_PRODUCT.sku, decision: 'approved' });
    await cancelAndReplay(harness, handle);
  });

  it('a reschedule during the document check: documents are judged against the new end', async () => {
    // Valid through the day after tomorrow: enough for a stream in ten minutes, not for one in five days.
    const { harness, handle, release } = await heldAt('checkProducts', {
      startInSeconds: 600,
      edit: withDocuments({ traceability: { expiresOn: localDateIn(2) } }),
    });
    await act(handle, 'reschedule', people.manager, {
      scheduledStart: isoIn(5 * 86_400),
      reason: 'the brand moved the launch',
    });
    release();
    const state = await checked(handle);
    expect(state.products[SAMPLE_PRODUCT_SKU]!.problems!.map((p) => [p.document, p.kind])).toEqual([
      ['traceability', 'expires_before_stream_end'],
    ]);
    await cancelAndReplay(harness, handle);
  });

  it('a product added during the script scan: the script is judged against the lineup it will be pitched with', async () => {
    // No lineup yet: the script speaks generally. A health food added while it is scanned becomes the whole lineup,
    // so every segment pitches it and the law's 本品不能代替药物 must be said.
    const { harness, handle, release } = await heldAt('scanScriptRevision', {
      startInSeconds: 600,
      edit: (plan) => ({
        ...plan,
        products: [],
        script: plan.script.map(({ productSku: _sku, ...segment }) => segment),
        interactions: plan.interactions.filter((i) => i.kind !== 'flash_sale'),
      }),
    });
    await act(handle, 'add-product', people.planner, HEALTH_FOOD);
    release();
    const scanned = await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined, 30_000);
    expect(scanned.script.revisions[0]!.findings!.map((f) => f.id)).toContain(
      `script:${HEALTH_FOOD.sku}:health-food-disclaimer`,
    );
    await cancelAndReplay(harness, handle);
  });

  it('an advance during the live snapshot pull: the stream moves to tail once, by the manager', async () => {
    const harness = await harnessHolding('pullLiveMetrics');
    const handle = await startStream(harness, {
      startInSeconds: 10,
      edit: (p) => ({ ...p, plannedDurationMinutes: 30 }),
    });
    const gate = latch();
    held.set(handle.workflowId, gate);
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    await gate.entered;
    const advanced = await act(handle, 'advance', people.manager, {
      from: 'burst',
      to: 'tail',
      reason: 'sold out',
    });
    expect(advanced.phase).toBe('tail');
    gate.open();
    const review = await waitForPhase(handle, 'review', 30_000);
    const intoTail = review.timeline.entries.filter(
      (e) => e.type === 'AdvancedNow' || (e.type === 'PhaseEntered' && e.summary.includes('tail')),
    );
    expect(intoTail.map((e) => [e.type, e.actorId])).toEqual([['AdvancedNow', people.manager.id]]);
    await handle.terminate('test finished');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });

  it('a cancel while a notification hangs: the stream is cancelled at once, the message still goes out later', async () => {
    const harness = await harnessHolding('sendNotification');
    const handle = await startStream(harness, { startInSeconds: 600 });
    const gate = latch();
    held.set(handle.workflowId, gate);
    await gate.entered; // the first message (the reviewer's "waiting for you") is stuck at the provider
    const cancelled = await act(handle, 'cancel', people.manager, { reason: 'plan withdrawn' });
    expect(cancelled.phase).toBe('cancelled');
    expect((await stateOf(handle)).phase).toBe('cancelled');
    gate.open();
    await handle.result();
    const sent = await harness.db.notification.findMany({ where: { workflowId: handle.workflowId } });
    expect(sent.map((n) => n.template)).toEqual(expect.arrayContaining(['gate_waiting', 'stream_cancelled']));
  });

  it('a cancel while blocked in the gates loop waits for nothing: reminders and the block stay consistent', async () => {
    const harness = await harnessHolding('sendNotification');
    const handle = await startStream(harness, { startInSeconds: 8 });
    await waitForPhase(handle, 'blocked', 30_000);
    await act(handle, 'cancel', people.manager, { reason: 'gave up' });
    const final = await waitForState(handle, (s) => s.phase === 'cancelled');
    const types = final.timeline.entries.map((e) => e.type);
    expect(types.lastIndexOf('StreamBlocked')).toBeLessThan(types.indexOf('Cancelled'));
    await handle.result();
  });
});
