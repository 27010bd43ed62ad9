import fs from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { eventTypeName } from '../../api/audit/decode-history';
import { readHistoryFile } from '../../api/audit/history-files';
import { createReplayer } from '../../api/audit/replay';
import { CLOSING_SNAPSHOT_PATCH } from '../../workflows/stream/phases/tail-and-review';
import { requireTestEnv } from '../setup/test-env';
import { createHarness, type Harness } from './helpers/harness';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(240_000);

/** Histories recorded before the closing-snapshot change, of the paths that pass through the tail. */
const BEFORE = path.resolve(__dirname, '..', 'fixtures', 'histories', '2026-12-03-before-closing-snapshot');
const THROUGH_TAIL = [
  'happy-path.json',
  'end-early.json',
  'pause-resume.json',
  'review-failure-and-retry.json',
];

function patchMarkers(history: History): string[] {
  return (history.events ?? []).flatMap((event) => {
    const details = event.markerRecordedEventAttributes?.details ?? {};
    return Object.values(details).flatMap((payloads) =>
      (payloads.payloads ?? []).map((p) => JSON.stringify(defaultPayloadConverter.fromPayload(p))),
    );
  });
}

/** Activity types in the order the workflow scheduled them. */
const scheduled = (history: History) =>
  (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);

describe('a versioned change (patched): the closing snapshot at the start of the tail', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => harness?.close());

  const oldHistories = () => THROUGH_TAIL.map((file) => readHistoryFile(path.join(BEFORE, file)));

  it('old histories (recorded before the change) replay after it, without the marker', async () => {
    const histories = oldHistories();
    for (const { history } of histories)
      expect(patchMarkers(history).join()).not.toContain(CLOSING_SNAPSHOT_PATCH);
    const current = createReplayer({
      workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
    });
    expect((await current.replay(histories)).map((r) => r.ok)).toEqual(histories.map(() => true));
  });

  it('the same change without patched() would have broken every one of them', async () => {
    const unguarded = createReplayer({ workflowsPath: require.resolve('./fixtures/unpatched-workflows') });
    const results = await unguarded.replay(oldHistories());
    expect(results.map((r) => r.error?.kind)).toEqual(THROUGH_TAIL.map(() => 'nondeterminism'));
  });

  it('a new stream takes the new path: the marker, then the pull as the tail begins', async () => {
    const handle = await startStream(harness, { startInSeconds: 10 });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    await waitForState(handle, (s) => s.phase === 'review' || s.phase === 'tail');
    await waitForPhase(handle, 'review', 30_000);
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const marker = events.findIndex((e) =>
      patchMarkers({ events: [e] })
        .join()
        .includes(CLOSING_SNAPSHOT_PATCH),
    );
    expect(marker).toBeGreaterThan(0);
    const afterMarker = events
      .slice(marker)
      .find((e) => eventTypeName(e.eventType) === 'ActivityTaskScheduled');
    expect(afterMarker?.activityTaskScheduledEventAttributes?.activityType?.name).toBe('pullLiveMetrics');
    // One pull more than the old code made: the burst's pulls, then the closing one.
    expect(scheduled(history).filter((name) => name === 'pullLiveMetrics').length).toBeGreaterThanOrEqual(2);
    await handle.terminate('test finished');
  });
});
