import { createHash } from 'node:crypto';
import type { Logger } from '../../runtime/logger';
import type { TChatChannels, TChatProvider, TChatTarget } from './chat-channel.types';
import type { TNotificationRecipient } from './notify-request.types';

export type Delivery =
  | { channel: 'email'; recipient: string; name?: string; address: string }
  | { channel: TChatProvider; recipient: string; address: string; target: TChatTarget; mentions: string[] }
  | { channel: 'outbox'; recipient: string; address: null };

/**
 * One delivery per (recipient, channel). Several recipients on the same chat group get one group message that
 * mentions them all, not one copy each. A recipient with no usable channel still gets an outbox row (held), so the
 * web UI shows what would have reached them.
 */
export function planDeliveries(
  recipients: readonly TNotificationRecipient[],
  channels: TChatChannels,
  logger: Logger,
): Delivery[] {
  const deliveries: Delivery[] = [];
  const chatGroups = new Map<string, Extract<Delivery, { target: TChatTarget }>>();
  const seenEmail = new Set<string>();
  for (const r of recipients) {
    let reachable = false;
    if (r.email) {
      reachable = true;
      if (!seenEmail.has(r.id)) {
        seenEmail.add(r.id);
        deliveries.push({ channel: 'email', recipient: r.id, name: r.name, address: r.email });
      }
    }
    const target = r.chat ?? (r.chatChannel ? channels[r.chatChannel] : undefined);
    if (r.chatChannel && !r.chat && !target) {
      logger.warn(
        { recipient: r.id, chatChannel: r.chatChannel },
        'unknown chat channel: not in NOTIFY_CHAT_CHANNELS',
      );
    }
    if (target) {
      reachable = true;
      const identity =
        r.chatChannel && !r.chat
          ? r.chatChannel
          : `${target.provider}-${createHash('sha256').update(target.url).digest('hex').slice(0, 12)}`;
      const group = chatGroups.get(identity);
      if (group) {
        group.mentions.push(r.name ?? r.id);
      } else {
        const delivery = {
          channel: target.provider,
          recipient: `chat:${identity}`,
          // The host only: the full URL carries the access token and must not be shown in the outbox.
          address: new URL(target.url).host,
          target,
          mentions: [r.name ?? r.id],
        };
        chatGroups.set(identity, delivery);
        deliveries.push(delivery);
      }
    }
    if (!reachable) deliveries.push({ channel: 'outbox', recipient: r.id, address: null });
  }
  return deliveries;
}
