import type { WebSession } from '../http/web-session';
import { timedFetch } from '../http/http-client';
import { sampleEndpoints, type EndpointSummary, type SamplingBudget } from './sampling';

export interface InboxIdle {
  inbox: EndpointSummary;
  healthz: EndpointSummary;
}

/**
 * GET /inbox as the signed-in reviewer, alternating with GET /healthz (the same process answering with no work), so
 * the two share whatever else the machine is doing at the time.
 */
export function measureInboxIdle(
  browser: WebSession,
  baseUrl: string,
  budget: SamplingBudget,
): Promise<InboxIdle> {
  return sampleEndpoints(budget, {
    inbox: () => browser.get('/inbox'),
    healthz: () => timedFetch(`${baseUrl}/healthz`),
  });
}
