import type { Response } from 'express';
import { pendingApprovals } from '../../domain/stream/selectors';
import type { Db } from '../../runtime/db';
import type { StreamService } from '../services/streams';
import type { PageContext } from './context';
import { send } from './page-handler';
import { inboxPage } from './pages/inbox-page';
import { reportPage } from './pages/report-page';
import { streamPage } from './pages/stream-page';
import { metricSeries, reviewReport, streamView } from './read-model';

/** How long a page waits for the workflow's answer before showing the last projected state instead. */
const STREAM_QUERY_TIMEOUT_MS = 5_000;
const INBOX_QUERY_TIMEOUT_MS = 2_500;

type Extra = { error?: string; done?: string };

/** The pages an action can return to (stream, inbox, review), rendered with an optional message and status. */
export function createRenderers({ streams, db }: { streams: StreamService; db: Db }) {
  async function renderStream(res: Response, ctx: PageContext, id: string, status: number, extra: Extra) {
    const { state, live } = await streamView(streams, db, id, STREAM_QUERY_TIMEOUT_MS);
    const points = await metricSeries(db, id, ['viewers', 'gmv']);
    send(
      res,
      status,
      streamPage(ctx, { state, live, points, hasReport: state.review.reportId !== undefined, ...extra }),
    );
  }

  async function renderInbox(res: Response, ctx: PageContext, status: number, extra: Extra) {
    const listed = await streams.approvalsFor(ctx.actor);
    const ids = [...new Set(listed.map((item) => item.streamId))];
    const views = await Promise.all(
      ids.map((id) => streamView(streams, db, id, INBOX_QUERY_TIMEOUT_MS).catch(() => undefined)),
    );
    const states = new Map(
      views.flatMap((view) => (view ? [[view.state.streamId, view.state] as const] : [])),
    );
    // The list comes from the projection; drop what the live state shows as already done (e.g. just decided).
    const now = new Date().toISOString();
    const items = listed.filter((item) => {
      const state = states.get(item.streamId);
      return state !== undefined && pendingApprovals(state, now).some((p) => p.key === item.key);
    });
    send(res, status, inboxPage(ctx, { items, states, ...extra }));
  }

  async function renderReport(res: Response, ctx: PageContext, id: string, status: number, extra: Extra) {
    const [{ state }, report] = await Promise.all([
      streamView(streams, db, id, STREAM_QUERY_TIMEOUT_MS),
      reviewReport(db, id),
    ]);
    send(res, status, reportPage(ctx, { state, report, ...extra }));
  }

  return { renderStream, renderInbox, renderReport };
}
