import type { WorkflowHandle } from '@temporalio/client';
import type { TActor } from '../../../domain/shared/actor.types';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';
import type { TStreamPlan } from '../../../domain/stream/plan.types';
import type { TStreamPhase } from '../../../domain/stream/phases';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { TTimingPolicyInput } from '../../../domain/stream/timing-policy.types';
import type { TStreamActionName } from '../../../domain/stream/actions';
import type { TActionResult } from '../../../workflows/engine/action-updates';
import { STREAM_UPDATES, streamStateQuery } from '../../../workflows/stream/messages';
import type { streamWorkflow } from '../../../workflows/stream/stream-workflow';
import { uniqueId, type Harness } from './harness';

export const people = {
  planner: { id: 'planner@example.com', name: '策划', roles: ['operator'] },
  reviewer: { id: 'reviewer@example.com', name: '王审', roles: ['reviewer'] },
  manager: { id: 'manager@example.com', name: '刘经理', roles: ['manager'] },
  ops: { id: 'ops@example.com', name: '陈静', roles: ['operator'] },
} satisfies Record<string, TActor>;

/** Short timings: a stream whose day-long rhythm plays out in seconds on the real server. */
export const FAST_TIMING: TTimingPolicyInput = {
  preheatLeadSeconds: 60,
  gateCutoffBeforeStartSeconds: 4,
  approvalSlaSeconds: 120,
  approvalReminderIntervalSeconds: 60,
  checklistReminderOffsetsSeconds: [8],
  checklistDueBeforeStartSeconds: 2,
  tailDurationSeconds: 2,
  reviewSignoffReminderIntervalSeconds: 60,
  reviewSignoffSlaSeconds: 600,
  metricNoDataSeconds: 600,
  alertCooldownSeconds: 60,
};

export type StreamHandle = WorkflowHandle<typeof streamWorkflow>;

export function isoIn(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString().replace('Z', '+00:00');
}

export async function startStream(
  harness: Harness,
  options: { startInSeconds: number; timing?: TTimingPolicyInput; edit?: (plan: TStreamPlan) => TStreamPlan },
): Promise<StreamHandle> {
  const base = buildSamplePlan({
    scheduledStart: isoIn(options.startInSeconds),
    owner: people.planner.id,
    timing: { ...FAST_TIMING, ...options.timing },
  });
  const plan = options.edit ? options.edit(base) : base;
  return harness.client.workflow.start('streamWorkflow', {
    taskQueue: harness.taskQueue,
    workflowId: uniqueId('stream'),
    args: [{ plan, createdBy: people.planner }],
  }) as Promise<StreamHandle>;
}

/** One action as its Workflow Update (what the API does after authenticating); answers what changed. */
export async function act(
  handle: StreamHandle,
  action: TStreamActionName,
  actor: TActor,
  input: unknown,
): Promise<TActionResult> {
  return handle.executeUpdate(STREAM_UPDATES[action]!, { args: [{ actor, input }] });
}

export async function stateOf(handle: StreamHandle): Promise<TStreamState> {
  return handle.query(streamStateQuery);
}

/** Polls the query until `predicate` holds; fails with the last state seen, so a timeout says where it stuck. */
export async function waitForState(
  handle: StreamHandle,
  predicate: (state: TStreamState) => boolean,
  timeoutMs = 60_000,
): Promise<TStreamState> {
  const deadline = Date.now() + timeoutMs;
  let last: TStreamState | undefined;
  while (Date.now() < deadline) {
    last = await stateOf(handle);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out; last phase ${last?.phase}, timeline: ${JSON.stringify(last?.timeline.entries.map((e) => e.summary))}`,
  );
}

export function waitForPhase(
  handle: StreamHandle,
  phase: TStreamPhase,
  timeoutMs?: number,
): Promise<TStreamState> {
  return waitForState(handle, (s) => s.phase === phase, timeoutMs);
}

/** The reviewer accepts the sample script's one finding and approves every product: the gates pass. */
export async function passGates(handle: StreamHandle): Promise<TStreamState> {
  const scanned = await waitForState(handle, (s) => {
    const current = s.script.revisions.at(-1);
    return (
      current?.findings !== undefined && Object.values(s.products).every((p) => p.checkedAt !== undefined)
    );
  });
  const current = scanned.script.revisions.at(-1)!;
  await act(handle, 'decide-script', people.reviewer, {
    revision: current.revision,
    decision: current.findings!.length > 0 ? 'approved_with_findings' : 'approved',
    reasons: ['checked in context: a price statement backed by the price history'],
    acceptedFindingIds: current.findings!.map((f) => f.id),
  });
  for (const sku of Object.keys(scanned.products)) {
    await act(handle, 'decide-product', people.reviewer, { sku, decision: 'approved', reason: '' });
  }
  return stateOf(handle);
}
