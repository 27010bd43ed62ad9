import { dedupePoints, pointTimeMs, type TMetricName, type TMetricPoint } from '../../domain/metrics';
import { REAL_SOURCES, usableSources } from '../../domain/metrics/metric-sources';
import type { TMetricSource } from '../../domain/stream/events.types';
import type { Db } from '../../runtime/db';

export interface StoreResult {
  /** Points not stored before. */
  inserted: number;
  /** Points whose (stream, source, metric, instant) was already stored, in the database or earlier in the input. */
  duplicates: number;
  /** Of the duplicates, those that carried a different value: platforms re-send corrected numbers, the newest wins. */
  corrected: number;
  /** The points that changed what is stored (new or corrected): the only ones a workflow needs to hear about. */
  changed: TMetricPoint[];
}

const keyOf = (streamId: string, metric: string, tsMs: number) => `${streamId}\u0000${metric}\u0000${tsMs}`;
/**
 * SQLite refuses a statement with too many bound parameters ("query parameter limit exceeded"): a batch is stored in
 * chunks whose lookup (one parameter per stream id) and insert (a few per row) stay well under the limit.
 */
const CHUNK_POINTS = 150;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/** One chunk in one transaction: which points are new, which correct a stored value. */
async function storeOnce(db: Db, chunk: readonly TMetricPoint[], source: TMetricSource) {
  const times = chunk.map(pointTimeMs);
  const existingRows = await db.metricPoint.findMany({
    where: {
      source,
      streamId: { in: [...new Set(chunk.map((p) => p.streamId))] },
      metric: { in: [...new Set(chunk.map((p) => p.metric))] },
      ts: { gte: new Date(Math.min(...times)), lte: new Date(Math.max(...times)) },
    },
    select: { id: true, streamId: true, metric: true, ts: true, value: true },
  });
  const existing = new Map(
    existingRows.map((row) => [keyOf(row.streamId, row.metric, row.ts.getTime()), row]),
  );
  const fresh: TMetricPoint[] = [];
  const changed: Array<{ id: number; point: TMetricPoint }> = [];
  chunk.forEach((point, i) => {
    const row = existing.get(keyOf(point.streamId, point.metric, times[i] ?? 0));
    if (!row) fresh.push(point);
    else if (row.value !== point.value) changed.push({ id: row.id, point });
  });
  await db.$transaction([
    db.metricPoint.createMany({
      data: fresh.map((p) => ({
        streamId: p.streamId,
        source,
        metric: p.metric,
        ts: new Date(p.ts),
        value: p.value,
      })),
    }),
    ...changed.map(({ id, point }) => db.metricPoint.update({ where: { id }, data: { value: point.value } })),
  ]);
  return { fresh, changed: changed.map((c) => c.point) };
}

async function storeChunk(db: Db, chunk: readonly TMetricPoint[], source: TMetricSource) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(db, chunk, source);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Stores metric points deduplicated by (stream, source, metric, instant): storing the same batch twice is a no-op, so
 * pushes and pulls can both be retried freely, and says which points changed anything. Two writers racing on the same
 * new points: the loser's insert fails on the unique key and it simply runs again, now seeing those points as stored.
 * Chunks commit one by one; a batch that fails halfway is completed by its retry, which finds the first chunks stored.
 */
export async function storeMetricPoints(
  db: Db,
  points: readonly TMetricPoint[],
  source: TMetricSource,
): Promise<StoreResult> {
  if (points.length === 0) return { inserted: 0, duplicates: 0, corrected: 0, changed: [] };
  // By stream, so that a chunk names few streams and a narrow time range.
  const unique = [...dedupePoints(points)].sort((a, b) =>
    a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0,
  );
  const fresh: TMetricPoint[] = [];
  const corrected: TMetricPoint[] = [];
  for (let start = 0; start < unique.length; start += CHUNK_POINTS) {
    const chunk = await storeChunk(db, unique.slice(start, start + CHUNK_POINTS), source);
    fresh.push(...chunk.fresh);
    corrected.push(...chunk.changed);
  }
  return {
    inserted: fresh.length,
    corrected: corrected.length,
    duplicates: points.length - fresh.length,
    changed: [...fresh, ...corrected],
  };
}

export interface StreamSeries {
  /** The chosen series, oldest first: per metric, the points of the most trusted source that has any. */
  points: TMetricPoint[];
  /** Which source each metric's numbers come from. */
  sourceOf: Partial<Record<TMetricName, TMetricSource>>;
  /** Sources that reported numbers for the stream that are not counted (the simulator, once real numbers exist). */
  ignoredSources: TMetricSource[];
  /** Other counted sources that also reported a metric, with their last value, when it differs from the chosen one. */
  disagreements: Array<{
    metric: TMetricName;
    used: TMetricSource;
    other: TMetricSource;
    usedLast: number;
    otherLast: number;
  }>;
}

/**
 * Whether a platform or an integration reported anything for the stream: from then on the simulator's feed for it
 * stops (domain/metrics/metric-sources.ts says why).
 */
export async function hasRealMetrics(db: Db, streamId: string): Promise<boolean> {
  const row = await db.metricPoint.findFirst({
    where: { streamId, source: { in: [...REAL_SOURCES] } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * One stream's stored series: the sources it may be read from (never the simulator beside real numbers), then per
 * metric the most trusted of them, saying where counted sources disagree.
 */
export async function readStreamSeries(db: Db, streamId: string): Promise<StreamSeries> {
  const rows = await db.metricPoint.findMany({
    where: { streamId },
    orderBy: [{ ts: 'asc' }, { metric: 'asc' }],
  });
  const { used: usable, ignored } = usableSources(rows.map((row) => row.source as TMetricSource));
  const bySource = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.metric}\u0000${row.source}`;
    bySource.set(key, [...(bySource.get(key) ?? []), row]);
  }
  const metrics = [...new Set(rows.map((row) => row.metric as TMetricName))];
  const sourceOf: StreamSeries['sourceOf'] = {};
  const disagreements: StreamSeries['disagreements'] = [];
  const chosen = new Set<string>();
  for (const metric of metrics) {
    const present = usable.filter((source) => bySource.has(`${metric}\u0000${source}`));
    const used = present[0];
    if (used === undefined) continue;
    sourceOf[metric] = used;
    chosen.add(`${metric}\u0000${used}`);
    const usedLast = bySource.get(`${metric}\u0000${used}`)!.at(-1)!.value;
    for (const other of present.slice(1)) {
      const otherLast = bySource.get(`${metric}\u0000${other}`)!.at(-1)!.value;
      if (otherLast !== usedLast) disagreements.push({ metric, used, other, usedLast, otherLast });
    }
  }
  return {
    points: rows
      .filter((row) => chosen.has(`${row.metric}\u0000${row.source}`))
      .map((row) => ({
        streamId: row.streamId,
        metric: row.metric as TMetricName,
        ts: row.ts.toISOString(),
        value: row.value,
      })),
    sourceOf,
    ignoredSources: ignored,
    disagreements,
  };
}
