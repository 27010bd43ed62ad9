import { dedupePoints, pointTimeMs, type TMetricName, type TMetricPoint } from '../../domain/metrics';
import type { Db } from '../../runtime/db';

export interface StoreResult {
  /** Points not stored before. */
  inserted: number;
  /** Points whose (stream, metric, instant) was already stored, in the database or earlier in the same input. */
  duplicates: number;
  /** Of the duplicates, those that carried a different value: platforms re-send corrected numbers, the newest wins. */
  corrected: number;
}

const keyOf = (streamId: string, metric: string, tsMs: number) => `${streamId}\u0000${metric}\u0000${tsMs}`;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

async function storeOnce(
  db: Db,
  unique: readonly TMetricPoint[],
): Promise<Omit<StoreResult, 'duplicates'> & { existing: number }> {
  const times = unique.map(pointTimeMs);
  const existingRows = await db.metricPoint.findMany({
    where: {
      streamId: { in: [...new Set(unique.map((p) => p.streamId))] },
      metric: { in: [...new Set(unique.map((p) => p.metric))] },
      ts: { gte: new Date(Math.min(...times)), lte: new Date(Math.max(...times)) },
    },
    select: { id: true, streamId: true, metric: true, ts: true, value: true },
  });
  const existing = new Map(
    existingRows.map((row) => [keyOf(row.streamId, row.metric, row.ts.getTime()), row]),
  );
  const fresh: TMetricPoint[] = [];
  const changed: Array<{ id: number; value: number }> = [];
  unique.forEach((point, i) => {
    const row = existing.get(keyOf(point.streamId, point.metric, times[i] ?? 0));
    if (!row) fresh.push(point);
    else if (row.value !== point.value) changed.push({ id: row.id, value: point.value });
  });
  await db.$transaction([
    db.metricPoint.createMany({
      data: fresh.map((p) => ({
        streamId: p.streamId,
        metric: p.metric,
        ts: new Date(p.ts),
        value: p.value,
      })),
    }),
    ...changed.map(({ id, value }) => db.metricPoint.update({ where: { id }, data: { value } })),
  ]);
  return { inserted: fresh.length, corrected: changed.length, existing: unique.length - fresh.length };
}

/**
 * SQLite refuses a statement with too many bound parameters ("query parameter limit exceeded"): a batch is stored in
 * chunks whose lookup (one parameter per stream id) and insert (a few per row) stay well under the limit.
 */
const CHUNK_POINTS = 150;

async function storeChunk(db: Db, unique: readonly TMetricPoint[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(db, unique);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Stores metric points deduplicated by (stream, metric, instant): storing the same batch twice is a no-op, so pushes
 * and pulls can both be retried freely. Two writers racing on the same new points: the loser's insert fails on the
 * unique key and it simply runs again, now seeing those points as existing. Chunks commit one by one; a batch that
 * fails halfway is completed by its retry, which finds the first chunks stored.
 */
export async function storeMetricPoints(db: Db, points: readonly TMetricPoint[]): Promise<StoreResult> {
  if (points.length === 0) return { inserted: 0, duplicates: 0, corrected: 0 };
  // By stream, so that a chunk names few streams and a narrow time range.
  const unique = [...dedupePoints(points)].sort((a, b) =>
    a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0,
  );
  const total = { inserted: 0, corrected: 0, existing: 0 };
  for (let start = 0; start < unique.length; start += CHUNK_POINTS) {
    const chunk = await storeChunk(db, unique.slice(start, start + CHUNK_POINTS));
    total.inserted += chunk.inserted;
    total.corrected += chunk.corrected;
    total.existing += chunk.existing;
  }
  return {
    inserted: total.inserted,
    corrected: total.corrected,
    duplicates: points.length - unique.length + total.existing,
  };
}

/** One stream's stored series, oldest first, as domain points. */
export async function readStreamSeries(db: Db, streamId: string): Promise<TMetricPoint[]> {
  const rows = await db.metricPoint.findMany({
    where: { streamId },
    orderBy: [{ ts: 'asc' }, { metric: 'asc' }],
  });
  return rows.map((row) => ({
    streamId: row.streamId,
    metric: row.metric as TMetricName,
    ts: row.ts.toISOString(),
    value: row.value,
  }));
}
