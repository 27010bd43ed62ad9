import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { NOTIFY_RETRY_POLICY } from '../../domain/notify/retry-policy';
import type { TNotificationParamsInput, TNotificationTemplateId } from '../../domain/notify/notify.types';
import type { TStreamPlan, TStreamRole, TTeamMember } from '../../domain/stream/plan.types';
import { isMember } from '../../domain/stream/roster';
import type { StreamRun } from './stream-run';

// Delivery retries with backoff inside the activity's retry budget; on its last attempt the activity records the
// message as failed and returns, so a provider outage never stops a stream.
const { sendNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: NOTIFY_RETRY_POLICY,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Audience = { roles: TStreamRole[] } | { ids: string[] } | { fans: string };

function members(plan: TStreamPlan, audience: Audience) {
  if ('fans' in audience) {
    // Fans are reached through the platform's own channels; the outbox records what would go to each tier.
    return [{ id: `fans:${audience.fans}`, name: audience.fans }];
  }
  const all: TTeamMember[] = Object.values(plan.team).flat();
  const picked =
    'roles' in audience
      ? audience.roles.flatMap((role) => plan.team[role])
      : all.filter((member) => audience.ids.some((id) => isMember(member, id)));
  const unique = new Map(picked.map((m) => [m.id, m]));
  const onRoster = [...unique.values()].map((m) => ({
    id: m.id,
    name: m.name,
    ...(m.email === undefined ? {} : { email: m.email }),
    ...(m.chatChannel === undefined ? {} : { chatChannel: m.chatChannel }),
  }));
  // People named by id who are not on the roster (the plan's owner, a submitter): their id is their login, often an
  // email address, which is where they hear from us.
  const offRoster =
    'ids' in audience
      ? audience.ids
          .filter((id) => !picked.some((member) => isMember(member, id)))
          .map((id) => ({ id, ...(EMAIL.test(id) ? { email: id } : {}) }))
      : [];
  return [...onRoster, ...offRoster];
}

/**
 * Sends one notification. `purpose` + `sequence` make the outbox key, so a replay, retry or worker crash can never
 * send the same message twice, while a second reminder (sequence 2) is a new message.
 */
export async function notify<T extends TNotificationTemplateId>(
  run: StreamRun,
  purpose: string,
  sequence: number,
  audience: Audience,
  template: T,
  params: Omit<TNotificationParamsInput[T], 'streamTitle' | 'timeZone'>,
  notBefore?: string,
): Promise<string[]> {
  const plan = run.state.plan;
  const recipients = members(plan, audience);
  if (recipients.length === 0) return [];
  const outcome = await sendNotification({
    key: `${workflowInfo().workflowId}:${purpose}:${sequence}`,
    workflowId: workflowInfo().workflowId,
    template,
    locale: run.locale,
    recipients,
    params: { streamTitle: plan.title, timeZone: plan.timeZone, ...params } as TNotificationParamsInput[T],
    ...(notBefore === undefined ? {} : { notBefore }),
  });
  if (outcome.failed > 0) {
    // The retry budget is spent and the outbox row says failed: the stream goes on, and the timeline says who missed
    // a message so a person can follow up.
    const message = `${outcome.failed} ${template} message(s) could not be delivered (${purpose}); see the outbox`;
    log.warn(message);
    run.emit({ type: 'AlertRaised', ruleId: 'notification_failed', message, notified: [] });
  }
  return recipients.map((r) => r.id);
}
