import type { TNotificationParamsInput } from '../notify/notify.types';
import type { TStreamRole } from '../stream/plan.types';
import { isMember } from '../stream/roster';
import type { TCampaignState } from './state.types';

/** A person or chat channel a campaign message goes to (the outbox's recipient shape). */
export interface TCampaignRecipient {
  id: string;
  name?: string;
  email?: string;
  chatChannel?: string;
}

/** Who hears: roles of the campaign's team, named people, and with `channels` the plan's chat channels. */
export type TCampaignAudience =
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function asRecipient(member: TCampaignRecipient): TCampaignRecipient {
  return {
    id: member.id,
    ...(member.name === undefined ? {} : { name: member.name }),
    ...(member.email === undefined ? {} : { email: member.email }),
    ...(member.chatChannel === undefined ? {} : { chatChannel: member.chatChannel }),
  };
}

/** The recipients of a campaign message, from its team as the plan has it now. */
export function campaignRecipients(state: TCampaignState, audience: TCampaignAudience): TCampaignRecipient[] {
  const team = state.plan.team;
  if ('ids' in audience) {
    const all = WHOLE_TEAM.flatMap((role) => team[role]);
    return [...new Set(audience.ids)].map((id) => {
      const member = all.find((m) => isMember(m, id));
      if (member !== undefined) return asRecipient(member);
      // Not on the team (an approver, the owner): their login is often their email, where they hear from us.
      return { id, ...(EMAIL.test(id) ? { email: id } : {}) };
    });
  }
  const members = new Map(audience.roles.flatMap((role) => team[role]).map((m) => [m.id, m]));
  const people = [...members.values()].map(asRecipient);
  const channels = audience.channels
    ? state.plan.channels.map((name) => ({ id: `channel:${name}`, name, chatChannel: name }))
    : [];
  return [...people, ...channels];
}

/**
 * The outbox purpose of the cancellation notice: the workflow and the read-model reconciler (a campaign terminated
 * outside liveops) use the same one, so the team hears of a cancellation once, whoever noticed it.
 */
export const CAMPAIGN_CANCELLED_PURPOSE = 'cancelled';

/** The whole team hears that the campaign was cancelled, and how many of its streams that stops. */
export function cancellationNotice(
  state: TCampaignState,
  reason: string,
  cancelledBy: string,
  campaignUrl: string,
): Omit<TNotificationParamsInput['campaign_cancelled'], 'streamTitle' | 'timeZone'> {
  const stopped = Object.values(state.streams).filter(
    (s) => s.status === 'planned' || s.status === 'held' || s.status === 'started',
  ).length;
  return {
    reason: reason.slice(0, 500),
    cancelledBy: cancelledBy.slice(0, 100),
    stoppedStreams: stopped,
    campaignUrl,
  };
}
