import { workflowInfo } from '@temporalio/workflow';
import { notificationKey } from '../../domain/notify/notification-key';
import type { TNotificationParamsInput, TNotificationTemplateId } from '../../domain/notify/notify.types';
import type { TStreamRole } from '../../domain/stream/plan.types';
import { isMember } from '../../domain/stream/roster';
import type { CampaignRun } from './campaign-run';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who hears: roles of the campaign's team, named people, and with `channels` the plan's chat channels. */
export type CampaignAudience =
  { roles: readonly TStreamRole[]; channels?: boolean } | { ids: readonly string[] };

/** Roles that hear about live trouble: never the host or co-host, who are on camera. */
export const ALERT_ROLES: readonly TStreamRole[] = ['manager', 'analyst', 'room_operator'];
/** Everyone on the campaign's team, for phase changes and cancellation. */
export const WHOLE_TEAM: readonly TStreamRole[] = [
  'manager',
  'analyst',
  'promoter',
  'room_operator',
  'reviewer',
  'customer_service',
  'host',
  'co_host',
];

function recipients(run: CampaignRun, audience: CampaignAudience) {
  const team = run.state.plan.team;
  if ('ids' in audience) {
    const all = WHOLE_TEAM.flatMap((role) => team[role]);
    return [...new Set(audience.ids)].map((id) => {
      const member = all.find((m) => isMember(m, id));
      if (member !== undefined)
        return {
          id: member.id,
          name: member.name,
          ...(member.email === undefined ? {} : { email: member.email }),
          ...(member.chatChannel === undefined ? {} : { chatChannel: member.chatChannel }),
        };
      // Not on the team (an approver, the owner): their login is often their email, where they hear from us.
      return { id, ...(EMAIL.test(id) ? { email: id } : {}) };
    });
  }
  const members = new Map(audience.roles.flatMap((role) => team[role]).map((m) => [m.id, m]));
  const people = [...members.values()].map((m) => ({
    id: m.id,
    name: m.name,
    ...(m.email === undefined ? {} : { email: m.email }),
    ...(m.chatChannel === undefined ? {} : { chatChannel: m.chatChannel }),
  }));
  const channels = audience.channels
    ? run.state.plan.channels.map((name) => ({ id: `channel:${name}`, name, chatChannel: name }))
    : [];
  return [...people, ...channels];
}

/**
 * Queues one campaign notification through the outbox and returns who it goes to; `purpose` + `sequence` make its
 * exactly-once key (a replay, a retry or a new run never sends it twice).
 */
export function notifyCampaign<T extends TNotificationTemplateId>(
  run: CampaignRun,
  purpose: string,
  sequence: number,
  audience: CampaignAudience,
  template: T,
  params: Omit<TNotificationParamsInput[T], 'streamTitle' | 'timeZone'>,
): string[] {
  const to = recipients(run, audience);
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
