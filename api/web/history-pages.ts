import type { Router } from 'express';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { AuditService } from '../audit/audit-service';
import type { StreamService } from '../services/streams';
import { send, type createPageHandler } from './page-handler';
import { historyPage } from './pages/history-page';
import { storedTimeline, streamView } from './read-model';
import { temporalUiBase } from './temporal-ui';

/** Events the history page shows (the newest; the audit export has them all). */
const HISTORY_ROWS = 2_000;
const STREAM_QUERY_TIMEOUT_MS = 5_000;

/**
 * /streams/:id/history: every domain event of a stream in the reader's language, its Temporal runs, and a link to
 * Temporal's own UI for each run. Any signed-in person may read it, like the stream page.
 */
export function registerHistoryPages(
  router: Router,
  deps: {
    streams: StreamService;
    audit: AuditService;
    db: Db;
    config: Config;
    page: ReturnType<typeof createPageHandler>;
  },
): void {
  const { streams, audit, db, config, page } = deps;
  const base = temporalUiBase(config);
  router.get(
    '/streams/:id/history',
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const { state } = await streamView(streams, db, id, STREAM_QUERY_TIMEOUT_MS);
      const [timeline, runs] = await Promise.all([
        storedTimeline(db, id, HISTORY_ROWS),
        // Past retention Temporal has no history left; the page still shows the events kept here.
        audit.runs(id).catch(() => undefined),
      ]);
      send(
        res,
        200,
        historyPage(ctx, {
          state,
          runs,
          timeline,
          temporalUi: base === undefined ? undefined : { base, namespace: config.temporal.namespace },
        }),
      );
    }),
  );
}
