import type { WorkflowHandle } from '@temporalio/client';
import type { TCampaignActionDef } from '../../../domain/campaign/actions';
import type { TCampaignPhase } from '../../../domain/campaign/phases';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import type { TActor } from '../../../domain/shared/actor.types';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';
import type { TTimingPolicyInput } from '../../../domain/stream/timing-policy.types';
import type { TActionResult } from '../../../workflows/engine/action-updates';
import { CAMPAIGN_UPDATES, campaignStateQuery } from '../../../workflows/campaign/messages';
import type { campaignWorkflow } from '../../../workflows/campaign/campaign-workflow';
import { parseCampaignPlan } from '../../../domain/campaign/plan.schema';
import { uniqueId, type Harness } from './harness';
import { FAST_TIMING, isoIn, people } from './streams';

export type CampaignHandle = WorkflowHandle<typeof campaignWorkflow>;

/** A second manager: the plan's approver when a manager submits it. */
export const approver: TActor = { id: 'director@example.com', name: '总监', roles: ['manager'] };

export interface StreamSlot {
  key: string;
  room?: string;
  /** Seconds from now to the live start. */
  startIn: number;
  minutes?: number;
  title?: string;
}

/**
 * A campaign plan whose weeks play out in seconds: windows at the given offsets from now, each stream the sample plan
 * with fast timings in its own slot, the test people on the team.
 */
export function campaignPlanInput(options: {
  preheatIn: number;
  burstIn: number;
  burstEndIn: number;
  tailEndIn: number;
  streams: StreamSlot[];
  extra?: Record<string, unknown>;
  streamTiming?: TTimingPolicyInput;
}): Record<string, unknown> {
  return {
    name: '双十一品牌日 Double 11 brand day',
    owner: people.planner.id,
    timeZone: 'Asia/Shanghai',
    goals: { gmv: 1000, orders: 10 },
    budget: 500,
    windows: {
      preheatStart: isoIn(options.preheatIn),
      burstStart: isoIn(options.burstIn),
      burstEnd: isoIn(options.burstEndIn),
      tailEnd: isoIn(options.tailEndIn),
    },
    streams: options.streams.map((slot) => ({
      key: slot.key,
      room: slot.room ?? slot.key,
      plan: {
        ...buildSamplePlan({
          scheduledStart: isoIn(slot.startIn),
          owner: people.planner.id,
          timing: { ...FAST_TIMING, ...options.streamTiming },
        }),
        title: slot.title ?? `场次 ${slot.key}`,
        plannedDurationMinutes: slot.minutes ?? 1,
      },
    })),
    team: {
      manager: [
        { id: people.manager.id, name: people.manager.name, email: people.manager.id },
        { id: approver.id, name: approver.name!, email: approver.id },
      ],
      analyst: [{ id: 'analyst@example.com', name: '数据', email: 'analyst@example.com' }],
      host: [{ id: 'host@example.com', name: '主播', email: 'host@example.com' }],
    },
    timing: { rollupEverySeconds: 10, approvalReminderIntervalSeconds: 60, alertCooldownSeconds: 60 },
    ...options.extra,
  };
}

export async function startCampaign(
  harness: Pick<Harness, 'client' | 'taskQueue'>,
  planInput: Record<string, unknown>,
  createdBy: TActor = people.planner,
): Promise<CampaignHandle> {
  const plan = parseCampaignPlan(planInput);
  return harness.client.workflow.start('campaignWorkflow', {
    taskQueue: harness.taskQueue,
    workflowId: uniqueId('campaign'),
    args: [{ plan, createdBy }],
  }) as Promise<CampaignHandle>;
}

export async function campaignAct(
  handle: CampaignHandle,
  action: TCampaignActionDef['name'],
  actor: TActor,
  input: unknown,
): Promise<TActionResult> {
  return handle.executeUpdate(CAMPAIGN_UPDATES[action]!, { args: [{ actor, input }] });
}

export async function campaignState(handle: CampaignHandle): Promise<TCampaignState> {
  return handle.query(campaignStateQuery);
}

export async function waitForCampaign(
  handle: CampaignHandle,
  predicate: (state: TCampaignState) => boolean,
  timeoutMs = 90_000,
): Promise<TCampaignState> {
  const deadline = Date.now() + timeoutMs;
  let last: TCampaignState | undefined;
  while (Date.now() < deadline) {
    last = await campaignState(handle);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out; last phase ${last?.phase}, version ${last?.version}, kpis ${JSON.stringify(last?.kpis)}, timeline: ${JSON.stringify(
      last?.timeline.entries.filter((e) => e.type !== 'ContinuedAsNew').map((e) => e.summary),
    )}`,
  );
}

export function waitForCampaignPhase(handle: CampaignHandle, phase: TCampaignPhase, timeoutMs?: number) {
  return waitForCampaign(handle, (s) => s.phase === phase, timeoutMs);
}

export async function approvePlan(
  handle: CampaignHandle,
  by: TActor = people.manager,
): Promise<TActionResult> {
  const state = await campaignState(handle);
  return campaignAct(handle, 'decide-plan', by, {
    revision: state.planRevision,
    decision: 'approved',
    reason: 'goals and budget fit',
  });
}
