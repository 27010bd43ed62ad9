import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Config } from '../runtime/config';
import type { Db } from '../runtime/db';
import type { Logger } from '../runtime/logger';
import { createHealthRouter } from './routes/health';
import { createMetricsRouter } from './routes/metrics';
import { signalMetricsBatch } from './services/stream-signals';

export interface AppDeps {
  config: Config;
  temporal: Client;
  db: Db;
  logger: Logger;
}

/** The HTTP app, built from its clients so tests can run the real thing against real servers. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(createHealthRouter(deps));
  app.use(
    createMetricsRouter({
      db: deps.db,
      logger: deps.logger,
      onBatch: (streamId, summary) => signalMetricsBatch(deps.temporal, deps.logger, streamId, summary),
    }),
  );
  return app;
}
