import type { ApiClient } from '../http/http-client';
import { HttpError, parseJson } from '../http/http-client';
import { APPROVAL_LIST_KEYS, CURSOR_PARAM, listPage } from '../http/response-shapes';
import type { WebSession } from '../http/web-session';
import type { Population } from '../setup/populations';
import { sampleEndpoints, type EndpointSummary, type SamplingBudget } from './sampling';

const MAX_PAGES = 1_000;

export interface ApprovalsCompleteness {
  /** Items of the bench's streams the reviewer got, over every page. */
  returned: number;
  /** What exists: two per stream until the bench decided one (its own count). */
  expected: number;
  pages: number;
  /** Streams of the bench that appear in the list at all. */
  streamsListed: number;
  walkMs: number;
  /** Set when a cursor was offered but did not move the list on (e.g. not read from `?cursor=`). */
  cursorProblem?: string;
}

export interface ListsAtLevel {
  approvals: EndpointSummary & { completeness: ApprovalsCompleteness };
  dashboard: EndpointSummary & { streamsLinked: number; offersNextPage: boolean };
}

/** GET /api/approvals (first page, timed) and GET / (the dashboard), plus whether either leaves anything out. */
export async function measureLists(
  reviewer: ApiClient,
  browser: WebSession,
  population: Population,
  budget: SamplingBudget,
): Promise<ListsAtLevel> {
  const timed = await sampleEndpoints(budget, {
    approvals: () => reviewer.get('/api/approvals'),
    dashboard: () => browser.get('/'),
  });
  const completeness = await walkApprovals(reviewer, population);
  const dashboardHtml = (await browser.get('/')).text;
  return {
    approvals: { ...timed.approvals, completeness },
    dashboard: {
      ...timed.dashboard,
      streamsLinked: population.streams.filter((s) => dashboardHtml.includes(`/streams/${s.id}`)).length,
      offersNextPage: /[?&]cursor=/.test(dashboardHtml),
    },
  };
}

/** Follows `nextCursor` (sent back as `?cursor=`) to the end and counts what the reviewer was given. */
async function walkApprovals(reviewer: ApiClient, population: Population): Promise<ApprovalsCompleteness> {
  const ours = new Set(population.streams.map((s) => s.id));
  const seenStreams = new Set<string>();
  const seenCursors = new Set<string>();
  let returned = 0;
  let pages = 0;
  let cursor: string | undefined;
  let cursorProblem: string | undefined;
  const started = performance.now();
  do {
    const path =
      cursor === undefined
        ? '/api/approvals'
        : `/api/approvals?${CURSOR_PARAM}=${encodeURIComponent(cursor)}`;
    const response = await reviewer.get(path);
    if (response.status !== 200) throw new HttpError(`GET ${path}`, response);
    const page = listPage(parseJson(response, `GET ${path}`), APPROVAL_LIST_KEYS);
    pages++;
    for (const item of page.items) {
      const streamId = typeof item.streamId === 'string' ? item.streamId : undefined;
      // Items without a stream id cannot be attributed; count them rather than hide them.
      if (streamId !== undefined && !ours.has(streamId)) continue;
      returned++;
      if (streamId !== undefined) seenStreams.add(streamId);
    }
    cursor = page.nextCursor;
    if (cursor !== undefined && seenCursors.has(cursor)) {
      cursorProblem = `nextCursor ${cursor} came back twice: is it read from ?${CURSOR_PARAM}=?`;
      break;
    }
    if (cursor !== undefined) seenCursors.add(cursor);
    if (page.items.length === 0) break;
  } while (cursor !== undefined && pages < MAX_PAGES);
  return {
    returned,
    expected: population.pendingApprovalCount(),
    pages,
    streamsListed: seenStreams.size,
    walkMs: performance.now() - started,
    ...(cursorProblem ? { cursorProblem } : {}),
  };
}
