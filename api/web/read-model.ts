import type { TStreamState } from '../../domain/stream/state.types';
import type { Db } from '../../runtime/db';
import type { StreamService } from '../services/streams';

/**
 * Reads the web pages need beside the stream service: the projected state of many streams at once (for the
 * dashboard's countdowns, without one Temporal query per row), the stored metric series, and the review report.
 */
export async function projectedStates(db: Db, ids: readonly string[]): Promise<Map<string, TStreamState>> {
  if (ids.length === 0) return new Map();
  const rows = await db.streamRecord.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, stateJson: true },
  });
  return new Map(rows.map((row) => [row.id, JSON.parse(row.stateJson) as TStreamState]));
}

export async function metricSeries(
  db: Db,
  streamId: string,
  metrics: readonly string[],
): Promise<Array<{ metric: string; ts: Date; value: number }>> {
  return db.metricPoint.findMany({
    where: { streamId, metric: { in: [...metrics] } },
    orderBy: { ts: 'asc' },
    select: { metric: true, ts: true, value: true },
    take: 20_000,
  });
}

export function reviewReportId(streamId: string): string {
  return `stream-review:${streamId}`;
}

export async function reviewReport(db: Db, streamId: string) {
  return db.report.findUnique({ where: { id: reviewReportId(streamId) } });
}

export interface StreamView {
  state: TStreamState;
  /** False when the workflow did not answer in time and the last projected state is shown instead. */
  live: boolean;
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
    const projected = (await projectedStates(db, [id])).get(id);
    if (projected) return { state: projected, live: false };
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const projected = (await projectedStates(db, [id])).get(id);
  if (projected) return { state: projected, live: false };
  return { state: await query, live: true };
}
