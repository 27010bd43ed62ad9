import { workflowInfo } from '@temporalio/workflow';
import { notificationKey } from '../../domain/notify/notification-key';
import type { TNotificationParamsInput, TNotificationTemplateId } from '../../domain/notify/notify.types';
import type { TStreamRole, TTeamMember } from '../../domain/stream/plan.types';
import { STREAM_ROLES } from '../../domain/stream/plan.constants';
import { isMember } from '../../domain/stream/roster';
import { streamTeam } from '../../domain/stream/team';
import type { TDeliveryFailure } from '../engine/notification-outbox';
import type { StreamRun } from './stream-run';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Audience = { roles: TStreamRole[] } | { ids: string[] } | { fans: string };

function members(run: StreamRun, audience: Audience) {
  if ('fans' in audience) {
    // Fans are reached through the platform's own channels; the outbox records what would go to each tier.
    return [{ id: `fans:${audience.fans}`, name: audience.fans }];
  }
  const team = streamTeam(run.state);
  const all: TTeamMember[] = STREAM_ROLES.flatMap((role) => team[role]);
  const picked =
    'roles' in audience
      ? audience.roles.flatMap((role) => team[role])
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
      ? [...new Set(audience.ids)]
          .filter((id) => !picked.some((member) => isMember(member, id)))
          .map((id) => ({ id, ...(EMAIL.test(id) ? { email: id } : {}) }))
      : [];
  return [...onRoster, ...offRoster];
}

/**
 * Queues one notification and returns who it goes to, at once: delivery happens in the background (the outbox), so
 * no loop ever waits on a mail server. `purpose` + `sequence` make the outbox key, so a replay, retry or worker crash
 * can never send the same message twice, while a second reminder (sequence 2) is a new message.
 */
export function notify<T extends TNotificationTemplateId>(
  run: StreamRun,
  purpose: string,
  sequence: number,
  audience: Audience,
  template: T,
  params: Omit<TNotificationParamsInput[T], 'streamTitle' | 'timeZone'>,
  notBefore?: string,
): string[] {
  const plan = run.state.plan;
  const recipients = members(run, audience);
  if (recipients.length === 0) return [];
  const workflowId = workflowInfo().workflowId;
  run.outbox.enqueue({
    key: notificationKey(workflowId, purpose, sequence),
    workflowId,
    template,
    locale: run.locale,
    recipients,
    params: { streamTitle: plan.title, timeZone: plan.timeZone, ...params } as TNotificationParamsInput[T],
    ...(notBefore === undefined ? {} : { notBefore }),
  });
  return recipients.map((r) => r.id);
}

/**
 * A message that could not be delivered (retries spent, or the outbox itself unreachable): the stream goes on, and
 * the timeline says who missed what so a person can follow up.
 */
export function reportDeliveryFailure(run: StreamRun, failure: TDeliveryFailure): void {
  const { request } = failure;
  run.emitIf({
    type: 'AlertRaised',
    ruleId: 'notification_failed',
    message:
      `${failure.failed} ${request.template} message(s) not delivered (${request.key}): ${failure.reason}`.slice(
        0,
        500,
      ),
    notified: [],
  });
}
