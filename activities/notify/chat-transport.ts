import type { TChatProvider } from './chat-channel.types';
import { DeliveryError, describeError } from './delivery-error';
import type { ChatRequest } from './chat-payloads';

// Rate limits are worth waiting for; everything else these APIs return in the body is a configuration problem.
const RATE_LIMIT_CODES: Partial<Record<TChatProvider, readonly number[]>> = {
  wecom: [45009], // api freq out of limit
  dingtalk: [130101, 130102], // send too fast / exceed limit
  feishu: [9499, 11232, 11233], // too many requests / frequency limited
};

/**
 * Posts one chat request and interprets the provider's answer. WeCom and DingTalk answer HTTP 200 with
 * {errcode, errmsg}; Feishu with {code, msg} (older bots: StatusCode); Slack with the text "ok"; the generic webhook
 * with any 2xx.
 */
export async function postChat(
  provider: TChatProvider,
  request: ChatRequest,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DeliveryError(`${provider}: ${describeError(error)}`, true);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const transient = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new DeliveryError(`${provider}: HTTP ${response.status} ${text.slice(0, 300)}`, transient);
  }
  if (provider === 'slack' || provider === 'webhook') return `HTTP ${response.status} ${text.slice(0, 100)}`;
  let body: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new DeliveryError(`${provider}: unexpected answer ${text.slice(0, 300)}`, true);
  }
  const code = body.errcode ?? body.code ?? body.StatusCode ?? 0;
  if (code !== 0) {
    const transient = RATE_LIMIT_CODES[provider]?.includes(code) ?? false;
    throw new DeliveryError(`${provider}: error ${code} ${body.errmsg ?? body.msg ?? ''}`.trim(), transient);
  }
  return `${provider} ok`;
}
