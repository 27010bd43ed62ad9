import type { TStreamEvent } from '../../domain/stream/events.types';
import type { TStreamState } from '../../domain/stream/state.types';
import type { TTimelineEntry } from '../../domain/stream/state.types';
import { timelineEntry } from '../../domain/stream/reducer';
import type { Db } from '../../runtime/db';
import type { StreamService } from '../services/streams';
import { readStreamSeries } from '../../activities/analytics/metric-store';
import { normalizeTargets } from '../../activities/reports/stream-review';
import { computeStreamKpis } from '../../domain/review/stream-kpis';

/**
 * The stream's numbers as the review report reads them: the same stored series (per metric, the most trusted source)
 * and the same KPI function against the plan's targets, so the page and the report show the same figures.
 */
export async function streamNumbers(db: Db, state: TStreamState) {
  const series = await readStreamSeries(db, state.streamId);
  const kpis = computeStreamKpis(
    { kind: 'series', points: series.points },
    normalizeTargets(state.plan.targets),
  );
  return { series, kpis: kpis.kpis };
}

export function reviewReportId(streamId: string): string {
  return `stream-review:${streamId}`;
}

export async function reviewReport(db: Db, streamId: string) {
  return db.report.findUnique({ where: { id: reviewReportId(streamId) } });
}

/** A timeline entry with the event it came from, so pages can word it in the reader's language. */
export type TStoredTimelineEntry = TTimelineEntry & { event?: TStreamEvent };

/** The latest `limit` timeline entries from the event store (the workflow keeps only a few in its state). */
export async function storedTimeline(
  db: Db,
  streamId: string,
  limit: number,
): Promise<{ entries: TStoredTimelineEntry[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.workflowEvent.findMany({
      where: { workflowId: streamId },
      orderBy: { seq: 'desc' },
      take: limit,
      select: { seq: true, json: true },
    }),
    db.workflowEvent.count({ where: { workflowId: streamId } }),
  ]);
  return {
    entries: rows
      .map((row) => {
        const event = JSON.parse(row.json) as TStreamEvent;
        return { ...timelineEntry(event, row.seq), event };
      })
      .reverse(),
    total,
  };
}

export interface StreamView {
  state: TStreamState;
  /** False when the workflow did not answer in time and the last projected state is shown instead. */
  live: boolean;
}

async function projectedState(db: Db, id: string): Promise<TStreamState | undefined> {
  const row = await db.streamRecord.findUnique({ where: { id }, select: { stateJson: true } });
  return row === null ? undefined : (JSON.parse(row.stateJson) as TStreamState);
}

/**
 * The live state from the workflow, or the last projection when the workflow does not answer in time (no worker
 * polling its queue, or the history is past retention): a page should still show what is known.
 */
export async function streamView(
  streams: Pick<StreamService, 'getStream'>,
  db: Db,
  id: string,
  timeoutMs: number,
): Promise<StreamView> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const query = streams.getStream(id);
  try {
    const result = await Promise.race([query, timeout]);
    if (result !== 'timeout') return { state: result, live: true };
    query.catch(() => undefined); // answered (or failed) after we stopped waiting
  } catch (error) {
    const projected = await projectedState(db, id);
    if (projected) return { state: projected, live: false };
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const projected = await projectedState(db, id);
  if (projected) return { state: projected, live: false };
  return { state: await query, live: true };
}
