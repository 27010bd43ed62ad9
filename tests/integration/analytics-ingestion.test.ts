import express from 'express';
import request from 'supertest';
import type { TBatchSummary } from '../../domain/metrics';
import { createMetricsRouter } from '../../api/routes/metrics';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { requireTestEnv } from '../setup/test-env';
import { uniqueId } from './helpers/harness';

describe('POST /api/metrics', () => {
  let db: Db;
  let app: express.Express;
  const calls: Array<{ streamId: string; summary: TBatchSummary }> = [];

  beforeAll(() => {
    db = createDb(
      parseConfig({
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      }),
    );
    app = express();
    app.use(
      createMetricsRouter({ db, onBatch: (streamId, summary) => void calls.push({ streamId, summary }) }),
    );
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('stores a batch, tells each stream once, and accepts the same batch again as duplicates', async () => {
    const a = uniqueId('ingest-a');
    const b = uniqueId('ingest-b');
    const points = [
      { streamId: a, metric: 'viewers', ts: '2026-11-11T20:00:00+08:00', value: 100 },
      { streamId: a, metric: 'viewers', ts: '2026-11-11T12:01:00Z', value: 120 },
      { streamId: a, metric: 'gmv', ts: '2026-11-11T12:01:00Z', value: 999.5 },
      { streamId: b, metric: 'orders', ts: '2026-11-11T12:01:00Z', value: 3 },
      // Same instant as the first point, spelled in UTC: a duplicate within the batch.
      { streamId: a, metric: 'viewers', ts: '2026-11-11T12:00:00Z', value: 100 },
    ];
    const first = await request(app).post('/api/metrics').send({ points }).expect(202);
    expect(first.body).toMatchObject({ accepted: 4, duplicates: 1, corrected: 0 });
    expect(calls.map((c) => c.streamId).sort()).toEqual([a, b].sort());
    expect(calls.find((c) => c.streamId === a)!.summary).toMatchObject({
      count: 3, // the new points of stream a (the in-batch duplicate is one point)
      latest: { [a]: { viewers: { value: 120 } } },
    });

    const stored = await db.metricPoint.findMany({
      where: { streamId: { in: [a, b] } },
      orderBy: { id: 'asc' },
    });
    calls.length = 0;
    const again = await request(app).post('/api/metrics').send({ points }).expect(202);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 5 });
    // A re-sent batch changes nothing: no stream hears about it (it would count the batch twice), no row changes.
    expect(calls).toEqual([]);
    const after = await db.metricPoint.findMany({
      where: { streamId: { in: [a, b] } },
      orderBy: { id: 'asc' },
    });
    expect(after.map((r) => [r.id, r.value, r.source])).toEqual(stored.map((r) => [r.id, r.value, 'pushed']));

    const corrected = await request(app)
      .post('/api/metrics')
      .send({ points: [{ streamId: b, metric: 'orders', ts: '2026-11-11T12:01:00Z', value: 4 }] })
      .expect(202);
    expect(corrected.body).toMatchObject({ accepted: 0, duplicates: 1, corrected: 1 });
    // A corrected value is news: the stream hears of that one point.
    expect(calls).toEqual([{ streamId: b, summary: expect.objectContaining({ count: 1 }) }]);
    expect((await db.metricPoint.findFirstOrThrow({ where: { streamId: b } })).value).toBe(4);
  });

  it.each([
    ['no points', { points: [] }],
    [
      'unknown metric',
      { points: [{ streamId: 's', metric: 'vibes', ts: '2026-11-11T12:00:00Z', value: 1 }] },
    ],
    [
      'timestamp without offset',
      { points: [{ streamId: 's', metric: 'viewers', ts: '2026-11-11T12:00:00', value: 1 }] },
    ],
    [
      'rate over 1',
      { points: [{ streamId: 's', metric: 'conversion_rate', ts: '2026-11-11T12:00:00Z', value: 3.4 }] },
    ],
    ['negative value', { points: [{ streamId: 's', metric: 'gmv', ts: '2026-11-11T12:00:00Z', value: -1 }] }],
  ])('rejects a malformed batch (%s) with 400 and zod details', async (_name, body) => {
    const response = await request(app).post('/api/metrics').send(body).expect(400);
    expect(response.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.any(String) });
    expect(Array.isArray(response.body.error.details)).toBe(true);
    expect(response.body.error.details[0]).toMatchObject({
      path: expect.any(Array),
      message: expect.any(String),
    });
    expect(calls).toHaveLength(0);
  });

  it('rejects invalid JSON with 400 and an oversized body with 413', async () => {
    await request(app)
      .post('/api/metrics')
      .set('content-type', 'application/json')
      .send('{"points": [')
      .expect(400);
    const big = JSON.stringify({ points: [], padding: 'x'.repeat(1_100_000) });
    const response = await request(app)
      .post('/api/metrics')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
