import { workflowInfo } from '@temporalio/workflow';
import { notificationKey } from '../../domain/notify/notification-key';
import type { TNotificationParamsInput, TNotificationTemplateId } from '../../domain/notify/notify.types';
import { campaignRecipients, type TCampaignAudience } from '../../domain/campaign/audience';
import type { CampaignRun } from './campaign-run';

/**
 * Queues one campaign notification through the outbox and returns who it goes to; `purpose` + `sequence` make its
 * exactly-once key (a replay, a retry or a new run never sends it twice).
 */
export function notifyCampaign<T extends TNotificationTemplateId>(
  run: CampaignRun,
  purpose: string,
  sequence: number,
  audience: TCampaignAudience,
  template: T,
  params: Omit<TNotificationParamsInput[T], 'streamTitle' | 'timeZone'>,
): string[] {
  const to = campaignRecipients(run.state, audience);
  if (to.length === 0) return [];
  const workflowId = workflowInfo().workflowId;
  run.outbox.enqueue({
    key: notificationKey(workflowId, purpose, sequence),
    workflowId,
    template,
    locale: run.locale,
    recipients: to,
    params: {
      streamTitle: run.state.plan.name,
      timeZone: run.state.plan.timeZone,
      ...params,
    } as TNotificationParamsInput[T],
  });
  return to.map((r) => r.id);
}

export function campaignUrl(run: CampaignRun, suffix = ''): string {
  return run.link(`/campaigns/${run.state.campaignId}${suffix}`);
}
