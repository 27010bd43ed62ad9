import fs from 'node:fs';
import path from 'node:path';
import { readHistoryFile } from '../../api/audit/history-files';
import { createReplayer } from '../../api/audit/replay';
import { requireTestEnv } from '../setup/test-env';

/**
 * Streams live for days or weeks, so the code of a release meets histories that older code made. Every history under
 * tests/fixtures/histories/ (recorded by `npm run histories:record`, one folder per recording) replays against the
 * current workflow code here; a change that would break a running stream fails this test. Policy: README, "Changing
 * running workflows".
 */
// Every recording of every path: a minute or more on a loaded machine.
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'histories');
const files = fs
  .readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json') && path.basename(file) !== 'index.json')
  .sort();

describe('recorded histories of every stream and campaign path replay against the current code', () => {
  it('has histories of every path, each listed in its recording index', () => {
    const recordings = fs
      .readdirSync(ROOT)
      .filter((entry) => fs.statSync(path.join(ROOT, entry)).isDirectory());
    expect(recordings.length).toBeGreaterThanOrEqual(1);
    for (const recording of recordings) {
      const index = JSON.parse(fs.readFileSync(path.join(ROOT, recording, 'index.json'), 'utf8')) as {
        paths: Record<string, string[]>;
      };
      expect(Object.keys(index.paths)).toEqual(
        expect.arrayContaining([
          'happy-path',
          'rejection-and-revision',
          'blocked-and-rescheduled',
          'cancelled',
          'pause-resume',
          'end-early',
          'review-failure-and-retry',
          'continue-as-new',
        ]),
      );
      expect(index.paths['continue-as-new']!.length).toBeGreaterThanOrEqual(2);
      for (const listed of Object.values(index.paths).flat())
        expect(files).toContain(path.join(recording, listed));
    }
    // Campaigns (and a stream as a campaign's child) are recorded since campaigns exist.
    const indexes = recordings.map(
      (recording) =>
        JSON.parse(fs.readFileSync(path.join(ROOT, recording, 'index.json'), 'utf8')) as {
          paths: Record<string, string[]>;
        },
    );
    expect(indexes.flatMap((index) => Object.keys(index.paths))).toEqual(
      expect.arrayContaining([
        'campaign-through-review',
        'campaign-child-stream',
        'campaign-extended-and-cancelled',
      ]),
    );
  });

  it('replays every recorded run without a determinism violation', async () => {
    const replayer = createReplayer({
      workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
    });
    const inputs = files.map((file) => readHistoryFile(path.join(ROOT, file)));
    const results = await replayer.replay(inputs);
    expect(results).toHaveLength(files.length);
    const failures = results
      .filter((r) => !r.ok)
      .map((r) => `${r.workflowId} ${r.runId}: ${r.error?.message}`);
    expect(failures).toEqual([]);
  });
});
