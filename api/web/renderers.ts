import type { Response } from 'express';
import type { Db } from '../../runtime/db';
import type { StreamService } from '../services/streams';
import type { PageContext } from './context';
import { send } from './page-handler';
import { inboxPage, type InboxData, type InboxFilter } from './pages/inbox-page';
import { doneBy } from '../services/done-by';
import { pendingWorkflowsFor } from '../services/stream-lists';
import { workflowTitles } from './workflow-titles';
import { PENDING_ITEM_KINDS } from '../../domain/stream/pending-items';
import { CAMPAIGN_PENDING_KINDS } from '../../domain/campaign/pending-items';
import { reportPage } from './pages/report-page';
import { streamPage } from './pages/stream-page';
import { reviewReport, storedTimeline, streamNumbers, streamView } from './read-model';
import type { PageError } from './refusal';

/** How long a page waits for the workflow's answer before showing the last projected state instead. */
const STREAM_QUERY_TIMEOUT_MS = 5_000;
/** Timeline entries a stream page shows (the event store has them all). */
const TIMELINE_ROWS = 200;
/** Work items per inbox page. */
export const INBOX_PAGE_SIZE = 50;
/** Entries of the "done by me" list. */
const DONE_ROWS = 20;
/** Every kind of work item, the inbox filter's choices. */
export const INBOX_KINDS: readonly string[] = [
  ...new Set([...PENDING_ITEM_KINDS, ...CAMPAIGN_PENDING_KINDS]),
];

type Extra = { error?: PageError; done?: string };

/** The pages an action can return to (stream, inbox, review), rendered with an optional message and status. */
export function createRenderers({ streams, db }: { streams: StreamService; db: Db }) {
  async function renderStream(res: Response, ctx: PageContext, id: string, status: number, extra: Extra) {
    const { state, live } = await streamView(streams, db, id, STREAM_QUERY_TIMEOUT_MS);
    const [numbers, timeline] = await Promise.all([
      streamNumbers(db, state),
      storedTimeline(db, id, TIMELINE_ROWS),
    ]);
    send(
      res,
      status,
      streamPage(ctx, {
        state,
        live,
        numbers,
        timeline,
        hasReport: state.review.reportId !== undefined,
        ...extra,
      }),
    );
  }

  /** The work queue: rows of the read model only (no workflow is asked anything). */
  async function renderInbox(
    res: Response,
    ctx: PageContext,
    status: number,
    extra: Extra & InboxFilter & { cursor?: string; bulk?: InboxData['bulk'] },
  ) {
    const filter: InboxFilter = {
      ...(extra.kind ? { kind: extra.kind } : {}),
      ...(extra.workflowId ? { workflowId: extra.workflowId } : {}),
      ...(extra.overdue ? { overdue: true } : {}),
    };
    const [page, workflows, done] = await Promise.all([
      streams.pendingFor(ctx.actor, {
        limit: INBOX_PAGE_SIZE,
        ...(extra.cursor ? { cursor: extra.cursor } : {}),
        ...filter,
      }),
      pendingWorkflowsFor(db, ctx.actor),
      doneBy(db, ctx.actor, DONE_ROWS),
    ]);
    const titles = await workflowTitles(
      db,
      done.map((d) => d.workflowId),
    );
    send(
      res,
      status,
      inboxPage(ctx, {
        items: page.items,
        nextCursor: page.nextCursor,
        filter,
        kinds: INBOX_KINDS,
        workflows,
        done,
        titles,
        ...(extra.error === undefined ? {} : { error: extra.error }),
        ...(extra.done === undefined ? {} : { flash: extra.done }),
        ...(extra.bulk === undefined ? {} : { bulk: extra.bulk }),
      }),
    );
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
