import { z } from 'zod';

export const CHAT_PROVIDERS = ['wecom', 'dingtalk', 'feishu', 'slack', 'webhook'] as const;
export const ZChatProviderSchema = z.enum(CHAT_PROVIDERS);
export type TChatProvider = z.infer<typeof ZChatProviderSchema>;

/** A chat webhook: the URL carries the provider's access token, so it lives in config, not in workflow history. */
export const ZChatTargetSchema = z.object({
  provider: ZChatProviderSchema,
  url: z.url({ protocol: /^https?$/ }),
  /** Signing secret: DingTalk "加签" (SEC...), Feishu "签名校验", the generic webhook's HMAC key. */
  secret: z.string().min(1).optional(),
});
export type TChatTarget = z.infer<typeof ZChatTargetSchema>;

/** NOTIFY_CHAT_CHANNELS: a JSON object of named channels, e.g. {"ops-room":{"provider":"dingtalk","url":"...","secret":"SEC..."}}. */
export const ZChatChannelsSchema = z.record(z.string().min(1), ZChatTargetSchema);
export type TChatChannels = z.infer<typeof ZChatChannelsSchema>;
