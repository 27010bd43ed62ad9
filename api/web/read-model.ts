import type { TStreamEvent } from '../../domain/stream/events.types';
import type { TStreamState } from '../../domain/stream/state.types';
import type { TTimelineEntry } from '../../domain/stream/state.types';
import { timelineEntry } from '../../domain/stream/reducer';
import type { Db } from '../../runtime/db';
import type { StreamService } from '../services/streams';

/** Reads the stream page needs beside the workflow: the stored metric series, the review, the full timeline. */
export async function metricSeries(
  db: Db,
  streamId: string,
  metrics: readonly string[],
): Promise<Array<{ metric: string; ts: Date; value: number; source: string }>> {
  return db.metricPoint.findMany({
    where: { streamId, metric: { in: [...metrics] } },
    orderBy: { ts: 'asc' },
    select: { metric: true, ts: true, value: true, source: true },
    take: 20_000,
  });
}

export function reviewReportId(streamId: string): string {
  return `stream-review:${streamId}`;
}

export async function reviewReport(db: Db, streamId: string) {
  return db.report.findUnique({ where: { id: reviewReportId(streamId) } });
}

/** The latest `limit` timeline entries from the event store (the workflow keeps only a few in its state). */
export async function storedTimeline(
  db: Db,
  streamId: string,
  limit: number,
): Promise<{ entries: TTimelineEntry[]; total: number }> {
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
    entries: rows.map((row) => timelineEntry(JSON.parse(row.json) as TStreamEvent, row.seq)).reverse(),
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
