import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { TBatchSummary } from '../../domain/metrics';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { auditTargets } from '../audit/audit-targets';
import { errorBody } from '../http/api-error';
import '../http/locals';
import { toHttpError } from '../http/to-http-error';
import { ingestMetricBatch } from '../services/metrics-ingestion';

/** 5000 points (the schema's maximum) of about 120 bytes each, with room to spare. */
export const METRICS_BODY_LIMIT = '1mb';
const SIGNAL_CONCURRENCY = 16;

export interface MetricsRouterDeps {
  db: Db;
  /** Called once per stream per accepted batch (the caller signals the stream workflow with the summary). */
  onBatch(streamId: string, summary: TBatchSummary): Promise<void> | void;
  logger?: Logger;
}

/** The stream ids a batch names, read before validation so that a refused batch is audited against them too. */
function batchStreamIds(body: unknown): string[] {
  const points = (body as { points?: unknown } | null | undefined)?.points;
  if (!Array.isArray(points)) return [];
  const ids = points.map((point) => (point as { streamId?: unknown } | null)?.streamId);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * POST /api/metrics: a batch of pushed metric points, `{ points: [{ streamId, metric, ts, value }] }`.
 * 202 `{ accepted, duplicates, corrected, streams }`; 400 malformed (zod issues in details); 413 over the size limit.
 * A repeated batch is accepted again with everything counted as duplicates, so producers may retry freely.
 */
export function createMetricsRouter({ db, onBatch, logger }: MetricsRouterDeps): Router {
  const router = Router();
  const json = express.json({ limit: METRICS_BODY_LIMIT });
  // Standalone the router parses its own body; in the app it was parsed already, and reading the finished stream a
  // second time fails on a compressed body.
  const parseOnce: RequestHandler = (req, res, next) =>
    req.body === undefined ? json(req, res, next) : next();
  router.post('/api/metrics', parseOnce, async (req, res) => {
    const target = auditTargets(batchStreamIds(req.body));
    res.locals.audit = { action: 'metrics.ingest', ...(target === undefined ? {} : { target }) };
    // In the app the body was parsed (and judged) before authentication; its error is answered here, as the caller's.
    if (res.locals.inputError !== undefined) throw res.locals.inputError;
    const result = await ingestMetricBatch(db, req.body);
    const notifyFailures: string[] = [];
    // A few streams at a time: a batch covering a thousand rooms must not wait on a thousand round trips in a row.
    for (let start = 0; start < result.changed.length; start += SIGNAL_CONCURRENCY) {
      await Promise.all(
        result.changed.slice(start, start + SIGNAL_CONCURRENCY).map(async ({ streamId, summary }) => {
          try {
            await onBatch(streamId, summary);
          } catch (error) {
            // The points are stored; the workflow catches up from the database or the next batch.
            notifyFailures.push(streamId);
            logger?.warn(
              { err: error, streamId },
              'metric batch stored but the stream workflow was not told',
            );
          }
        }),
      );
    }
    res.status(202).json({
      accepted: result.accepted,
      duplicates: result.duplicates,
      corrected: result.corrected,
      streams: result.streams,
      ...(notifyFailures.length ? { notNotified: notifyFailures } : {}),
    });
  });

  // The same mapping as the app's error handler, so the router answers in the one error shape on its own too.
  const handleErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    if (known) {
      res.status(known.status).json(known.body);
      return;
    }
    logger?.error({ err: error }, 'metric ingestion failed');
    res.status(500).json(errorBody('INTERNAL', 'metric ingestion failed'));
  };
  router.use('/api/metrics', handleErrors);
  return router;
}
