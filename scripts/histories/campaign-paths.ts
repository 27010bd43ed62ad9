import type { WorkflowHandle } from '@temporalio/client';
import {
  approvePlan,
  approver,
  campaignAct,
  campaignPlanInput,
  startCampaign,
  waitForCampaign,
  type CampaignHandle,
} from '../../tests/integration/helpers/campaigns';
import {
  act,
  passGates,
  people,
  waitForPhase,
  waitForState,
  type StreamHandle,
} from '../../tests/integration/helpers/streams';
import type { TPathWorker } from './paths';

/** A path that records more than one workflow: the name of each history file and its workflow. */
export type TNamedHandles = Record<string, WorkflowHandle>;

async function childStream(
  worker: TPathWorker,
  campaign: CampaignHandle,
  key: string,
): Promise<StreamHandle> {
  const state = await waitForCampaign(campaign, (s) => s.streams[key]?.status === 'started', 60_000);
  return worker.client.workflow.getHandle(state.streams[key]!.workflowId) as StreamHandle;
}

/** A child stream finishes as any stream does: its live ends, its review is signed. */
async function finishStream(handle: StreamHandle): Promise<void> {
  await act(handle, 'end-early', people.manager, { reason: 'recorded enough' }).catch(() => undefined);
  const reported = await waitForState(handle, (s) => s.review.reportId !== undefined, 120_000);
  await act(handle, 'sign-review', people.manager, { reportId: reported.review.reportId });
  await handle.result();
}

/**
 * The campaign workflow's paths, each a short real campaign on the dev server, and the history of a stream that runs as
 * a campaign's child (it reports its phases to the campaign): the code paths the stream-only recordings never reach.
 */
export const CAMPAIGN_PATHS: Record<string, (worker: TPathWorker) => Promise<TNamedHandles>> = {
  async 'campaign-through-review'(worker) {
    // Approved by a second manager, every window passed by its timer, a pause in burst, the review signed off.
    const campaign = await startCampaign(
      worker,
      campaignPlanInput({
        // Room for the streams' gates while every path records at once (a stream not through them is blocked).
        preheatIn: 20,
        burstIn: 30,
        burstEndIn: 110,
        tailEndIn: 114,
        streams: [
          { key: 'day-1', startIn: 40 },
          { key: 'day-2', startIn: 41 },
        ],
      }),
      people.manager,
    );
    await approvePlan(campaign, approver);
    const streams = await Promise.all(['day-1', 'day-2'].map((key) => childStream(worker, campaign, key)));
    await Promise.all(streams.map((stream) => passGates(stream)));
    await waitForCampaign(campaign, (s) => s.phase === 'burst', 60_000);
    await campaignAct(campaign, 'pause', people.manager, { reason: 'waiting for the brand' });
    await campaignAct(campaign, 'resume', people.manager, {});
    await Promise.all(streams.map((stream) => waitForPhase(stream, 'burst', 60_000)));
    await Promise.all(streams.map((stream) => finishStream(stream)));
    const review = await waitForCampaign(campaign, (s) => s.review.reportId !== undefined, 120_000);
    await campaignAct(campaign, 'sign-review', approver, { reportId: review.review.reportId });
    await campaign.result();
    return { 'campaign-through-review': campaign, 'campaign-child-stream': streams[0]! };
  },

  async 'campaign-extended-and-cancelled'(worker) {
    // A manager extends the burst (later slots and the tail move), then cancels: the started stream is cancelled too.
    const campaign = await startCampaign(
      worker,
      campaignPlanInput({
        preheatIn: 4,
        burstIn: 8,
        burstEndIn: 400,
        tailEndIn: 410,
        streams: [{ key: 'early', startIn: 60 }],
      }),
    );
    await approvePlan(campaign);
    await childStream(worker, campaign, 'early');
    await waitForCampaign(campaign, (s) => s.phase === 'burst', 60_000);
    await campaignAct(campaign, 'extend-burst', people.manager, { minutes: 120, reason: '延长 2 小时' });
    await campaignAct(campaign, 'cancel', people.manager, { reason: 'the brand pulled out' });
    await campaign.result();
    return { 'campaign-extended-and-cancelled': campaign };
  },
};
