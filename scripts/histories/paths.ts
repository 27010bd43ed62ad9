import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TStreamPlan } from '../../domain/stream/plan.types';
import {
  act,
  FAST_TIMING,
  isoIn,
  passGates,
  people,
  stateOf,
  waitForPhase,
  waitForState,
  type StreamHandle,
} from '../../tests/integration/helpers/streams';

/** Where a path runs: a client and the task queue of a worker with the real activities. */
export interface TPathWorker {
  client: Client;
  taskQueue: string;
}

/** A build's review report fails while this is on (the path "review failure and retry" turns it off to retry). */
export const reviewBreaker = { broken: true };
export function breakReview(error = 'report template broke on this data') {
  if (reviewBreaker.broken) throw ApplicationFailure.nonRetryable(error, 'ReportBroken');
}

export async function startPathStream(
  worker: TPathWorker,
  name: string,
  options: { startInSeconds: number; edit?: (plan: TStreamPlan) => TStreamPlan },
): Promise<StreamHandle> {
  const base = buildSamplePlan({
    scheduledStart: isoIn(options.startInSeconds),
    owner: people.planner.id,
    timing: FAST_TIMING,
  });
  return worker.client.workflow.start('streamWorkflow', {
    taskQueue: worker.taskQueue,
    workflowId: `history-${name}-${Date.now()}`,
    args: [{ plan: options.edit ? options.edit(base) : base, createdBy: people.planner }],
  }) as Promise<StreamHandle>;
}

const signChecklist = async (handle: StreamHandle) =>
  act(handle, 'sign-checklist', people.ops, {
    items: (await stateOf(handle)).plan.checklist.map((i) => i.id),
  });

async function liveToReview(handle: StreamHandle): Promise<void> {
  await waitForPhase(handle, 'preheat', 60_000);
  await signChecklist(handle);
  await waitForPhase(handle, 'burst', 60_000);
}

async function signReview(handle: StreamHandle): Promise<void> {
  const reported = await waitForState(handle, (s) => s.review.reportId !== undefined, 120_000);
  await act(handle, 'sign-review', people.manager, { reportId: reported.review.reportId });
  await handle.result();
}

/**
 * Every path of the stream workflow, each a short real stream on the dev server. A path ends its stream (completed or
 * cancelled) so its history is whole; what each path exercises is in its name.
 */
export const STREAM_PATHS: Record<string, (worker: TPathWorker) => Promise<StreamHandle>> = {
  async 'happy-path'(worker) {
    // The live ends by its own timer after its planned minute; the review is built and signed off.
    const handle = await startPathStream(worker, 'happy-path', {
      startInSeconds: 12,
      edit: (plan) => ({ ...plan, plannedDurationMinutes: 1 }),
    });
    await passGates(handle);
    await liveToReview(handle);
    await signReview(handle);
    return handle;
  },

  async 'rejection-and-revision'(worker) {
    const handle = await startPathStream(worker, 'rejection-and-revision', { startInSeconds: 40 });
    const scanned = await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    await act(handle, 'decide-script', people.reviewer, {
      revision: 1,
      decision: 'rejected',
      reasons: ['第一 is an absolute term'],
      acceptedFindingIds: [],
    });
    await act(handle, 'submit-script', people.planner, { baseRevision: 1, segments: scanned.plan.script });
    await passGates(handle);
    await waitForPhase(handle, 'preheat', 60_000);
    await act(handle, 'cancel', people.manager, { reason: 'the brand withdrew' });
    await handle.result();
    return handle;
  },

  async 'blocked-and-rescheduled'(worker) {
    // Nobody decides before the gate cutoff: blocked; a manager moves the start, the gates pass, the stream goes on.
    const handle = await startPathStream(worker, 'blocked-and-rescheduled', { startInSeconds: 8 });
    await waitForPhase(handle, 'blocked', 60_000);
    await act(handle, 'reschedule', people.manager, {
      scheduledStart: isoIn(30),
      reason: 'reviewer was away',
    });
    await passGates(handle);
    await waitForPhase(handle, 'preheat', 60_000);
    await act(handle, 'cancel', people.manager, { reason: 'recorded enough' });
    await handle.result();
    return handle;
  },

  async cancelled(worker) {
    const handle = await startPathStream(worker, 'cancelled', { startInSeconds: 3600 });
    await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    await act(handle, 'cancel', people.manager, { reason: 'the host is ill' });
    await handle.result();
    return handle;
  },

  async 'pause-resume'(worker) {
    const handle = await startPathStream(worker, 'pause-resume', { startInSeconds: 25 });
    await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    await act(handle, 'pause', people.manager, { reason: 'waiting for the brand' });
    await act(handle, 'resume', people.manager, {});
    await passGates(handle);
    await liveToReview(handle);
    await act(handle, 'pause', people.manager, { reason: 'network down' });
    await act(handle, 'resume', people.manager, {});
    await act(handle, 'end-early', people.manager, { reason: 'recorded enough' });
    await signReview(handle);
    return handle;
  },

  async 'end-early'(worker) {
    // With the live's own actions: an incident, an extension, then ending early.
    const handle = await startPathStream(worker, 'end-early', { startInSeconds: 12 });
    await passGates(handle);
    await liveToReview(handle);
    await act(handle, 'record-incident', people.ops, {
      kind: 'interruption',
      description: 'stream dropped for 20 s',
      steps: ['switched to the backup line'],
    });
    await act(handle, 'extend', people.manager, { minutes: 30, reason: 'sold out: more stock' });
    await act(handle, 'end-early', people.manager, { reason: 'sold out again' });
    await signReview(handle);
    return handle;
  },

  async 'review-failure-and-retry'(worker) {
    const handle = await startPathStream(worker, 'review-failure-and-retry', { startInSeconds: 12 });
    await passGates(handle);
    await liveToReview(handle);
    await act(handle, 'end-early', people.manager, { reason: 'done' });
    await waitForState(handle, (s) => s.review.failedAt !== undefined, 120_000);
    reviewBreaker.broken = false;
    await act(handle, 'retry-review', people.manager, {});
    await signReview(handle);
    return handle;
  },

  async 'advance-override'(worker) {
    // A manager moves the phases on by hand (never past the gates): through the gates an hour ahead, the stream
    // waits for the start of preheat a minute before the live; the manager starts preheat now.
    const handle = await startPathStream(worker, 'advance-override', { startInSeconds: 3600 });
    await passGates(handle);
    await signChecklist(handle);
    for (const [from, to] of [
      ['compliance', 'preheat'],
      ['preheat', 'burst'],
      ['burst', 'tail'],
    ] as const)
      await act(handle, 'advance', people.manager, { from, to, reason: 'override for the recording' });
    await signReview(handle);
    return handle;
  },
};

/** Runs on a dev server that suggests continue-as-new early, so the stream rolls over mid-way. */
export async function continueAsNewPath(worker: TPathWorker): Promise<StreamHandle> {
  const handle = await startPathStream(worker, 'continue-as-new', { startInSeconds: 15 });
  await passGates(handle);
  await liveToReview(handle);
  await waitForState(handle, (s) => s.timeline.entries.some((e) => e.type === 'ContinuedAsNew'), 120_000);
  await act(handle, 'end-early', people.manager, { reason: 'rolled over: finish' });
  await signReview(handle);
  return handle;
}
