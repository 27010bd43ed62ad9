import express, { Router, type ErrorRequestHandler } from 'express';
import type { TBatchSummary } from '../../domain/metrics';
import { isDomainError } from '../../domain/shared/errors';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { ingestMetricBatch } from '../services/metrics-ingestion';

/** 5000 points (the schema's maximum) of about 120 bytes each, with room to spare. */
export const METRICS_BODY_LIMIT = '1mb';

export interface MetricsRouterDeps {
  db: Db;
  /** Called once per stream per accepted batch (the caller signals the stream workflow with the summary). */
  onBatch(streamId: string, summary: TBatchSummary): Promise<void> | void;
  logger?: Logger;
}

const errorBody = (code: string, message: string, details?: unknown) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/**
 * POST /api/metrics: a batch of pushed metric points, `{ points: [{ streamId, metric, ts, value }] }`.
 * 202 `{ accepted, duplicates, corrected, streams }`; 400 malformed (zod issues in details); 413 over the size limit.
 * A repeated batch is accepted again with everything counted as duplicates, so producers may retry freely.
 */
export function createMetricsRouter({ db, onBatch, logger }: MetricsRouterDeps): Router {
  const router = Router();
  router.post('/api/metrics', express.json({ limit: METRICS_BODY_LIMIT }), async (req, res) => {
    const result = await ingestMetricBatch(db, req.body);
    const notified: string[] = [];
    const notifyFailures: string[] = [];
    for (const { streamId, summary } of result.changed) {
      try {
        await onBatch(streamId, summary);
        notified.push(streamId);
      } catch (error) {
        // The points are stored; the workflow catches up from the database or the next batch.
        notifyFailures.push(streamId);
        logger?.warn({ err: error, streamId }, 'metric batch stored but the stream workflow was not told');
      }
    }
    res.status(202).json({
      accepted: result.accepted,
      duplicates: result.duplicates,
      corrected: result.corrected,
      streams: result.streams,
      ...(notifyFailures.length ? { notNotified: notifyFailures } : {}),
    });
  });

  const handleErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const e = error as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      res
        .status(413)
        .json(errorBody('PAYLOAD_TOO_LARGE', `metric batch over ${METRICS_BODY_LIMIT}: split it`));
    } else if (e.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('INVALID_JSON', 'request body is not valid JSON'));
    } else if (isDomainError(error) && error.code === 'INVALID_INPUT') {
      const details = (error.details as { issues?: unknown } | undefined)?.issues ?? error.details;
      res.status(400).json(errorBody('INVALID_INPUT', error.message, details));
    } else if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE', 'send UTF-8 JSON'));
    } else {
      logger?.error({ err: error }, 'metric ingestion failed');
      res.status(500).json(errorBody('INTERNAL', 'metric ingestion failed'));
    }
  };
  router.use('/api/metrics', handleErrors);
  return router;
}
