import fs from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { RECHECK_STALE_GATE_INPUTS_PATCH } from '../../workflows/stream/phases/current-inputs';
import { PREHEAT_AT_LEAD_PATCH } from '../../workflows/stream/phases/compliance';
import { requireTestEnv } from '../setup/test-env';

/**
 * Histories the stream workflow recorded before its two gate changes, each on the path a change rewrote: a product
 * added while the document check ran (the stale check was applied, `recheck-stale-gate-inputs`), and gates passed
 * 35 s before a start with a 20 s preheat lead (preheat began at once, `preheat-at-lead`). They must replay against
 * the current code: streams on those paths may still be running. With either change made without `patched`, its
 * history fails here with a nondeterminism error (TMPRL1100), as seen when the changes were made.
 */
const BEFORE = path.resolve(__dirname, '..', 'fixtures', 'histories-before-gate-patches');
const RECORDED = [
  ['product-added-during-document-check.json', RECHECK_STALE_GATE_INPUTS_PATCH],
  ['gates-passed-before-preheat-lead.json', PREHEAT_AT_LEAD_PATCH],
] as const;

/** The patch ids the history's markers name. */
const patchIds = (history: History): string[] =>
  (history.events ?? []).flatMap((event) =>
    Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((payloads) =>
      (payloads.payloads ?? []).map(
        (p) => (defaultPayloadConverter.fromPayload(p) as { id?: string }).id ?? '',
      ),
    ),
  );

describe('the gate changes keep the histories recorded before them replaying', () => {
  it.each(RECORDED)('%s replays, on its old path (no %s marker)', async (file, patch) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(BEFORE, file), 'utf8')));
    expect(patchIds(history)).not.toContain(patch);
    await Worker.runReplayHistory(
      { workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') } },
      history,
      file,
    );
  });
});
