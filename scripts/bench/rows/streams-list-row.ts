import type { ApiClient } from '../http/http-client';
import { parseJson } from '../http/http-client';
import { STREAM_LIST_KEYS, listPage } from '../http/response-shapes';
import { sampleEndpoints, type EndpointSummary, type SamplingBudget } from './sampling';

/**
 * Bytes read from the database per request are not measured: from outside the process the only counter is the
 * kernel's (`rchar` in /proc/<pid>/io), and SQLite's page cache (2 MB by default) serves the same 200 rows from memory
 * after the first request, so it reads ~0 bytes whether the query pulls `stateJson` or not. Knowing what the endpoint
 * selects would take instrumenting the app, which a black-box bench must not.
 */
export interface StreamsListAtLevel {
  list: EndpointSummary & { rows: number; offersNextPage: boolean };
}

/** GET /api/streams as the reviewer (the default page, as a client calls it): latency and size. */
export async function measureStreamsList(
  reviewer: ApiClient,
  budget: SamplingBudget,
): Promise<StreamsListAtLevel> {
  const timed = await sampleEndpoints(budget, { list: () => reviewer.get('/api/streams') });
  const firstPage = listPage(
    parseJson(await reviewer.get('/api/streams'), 'GET /api/streams'),
    STREAM_LIST_KEYS,
  );
  return {
    list: { ...timed.list, rows: firstPage.items.length, offersNextPage: firstPage.nextCursor !== undefined },
  };
}
