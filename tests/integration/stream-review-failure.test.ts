import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import { createHarness, type Harness } from './helpers/harness';
import { replayAllRuns } from './helpers/replay';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

/**
 * A review report that cannot be built does not fail the stream after its live: the managers are told, the stream
 * waits in review, and a manager's retry-review builds it once the cause is gone.
 */
describe('a review report that fails', () => {
  const broken = { on: true };
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({
      wrapActivities: (activities: Activities) => ({
        ...activities,
        buildStreamReview: async (input) => {
          // What a bug in the report (or bad data) looks like to the workflow: a failure retrying cannot fix.
          if (broken.on)
            throw ApplicationFailure.nonRetryable('report template broke on this data', 'ReportBroken');
          return activities.buildStreamReview(input);
        },
      }),
    });
  });
  afterAll(async () => harness?.close());

  it('keeps the stream in review, tells the managers, and builds it on a retry', async () => {
    const handle = await startStream(harness, { startInSeconds: 10 });
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const failed = await waitForState(handle, (s) => s.review.failedAt !== undefined, 60_000);
    expect(failed.phase).toBe('review');
    expect(failed.review).toMatchObject({
      failures: 1,
      failureReason: expect.stringContaining('report template broke'),
    });
    // The outbox sends in the background, after the state already says the review failed: wait for its row.
    const findTold = () =>
      harness.db.notification.findMany({
        where: { workflowId: handle.workflowId, template: 'review_failed' },
      });
    let told = await findTold();
    for (
      const deadline = Date.now() + 15_000;
      told.length === 0 && Date.now() < deadline;
      told = await findTold()
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(told.map((n) => n.recipient)).toEqual(['manager@example.com']);
    // The workflow is still running, waiting for a person.
    expect((await handle.describe()).status.name).toBe('RUNNING');

    const refused = await act(handle, 'retry-review', people.reviewer, {}).catch(
      (e: { cause?: { type?: string } }) => e,
    );
    expect((refused as { cause?: { type?: string } }).cause?.type).toBe('FORBIDDEN_ROLE');
    broken.on = false;
    await act(handle, 'retry-review', people.manager, {});
    const reported = await waitForState(handle, (s) => s.review.reportId !== undefined, 60_000);
    expect(reported.review.failedAt).toBeUndefined();
    await act(handle, 'sign-review', people.manager, { reportId: reported.review.reportId });
    expect((await stateOf(handle)).phase).toBe('completed');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBe(1);
  });
});
