import { rolesFor } from '../domain/shared/app-permissions';
import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Client } from '@temporalio/client';
import type { WorkflowBundle } from '@temporalio/worker';
import { version } from '../package.json';
import type { Config } from '../runtime/config';
import type { Db } from '../runtime/db';
import type { Logger } from '../runtime/logger';
import { createAuditMiddleware } from './audit/audit-log';
import { createAuditService } from './audit/audit-service';
import { createReplayer, defaultReplayer } from './audit/replay';
import { createLoginRouter } from './auth/login-routes';
import { createAuthMiddleware, isApiPath, requireRole } from './auth/middleware';
import { errorBody } from './http/api-error';
import { apiNotFound, createErrorHandler } from './http/error-handler';
import { createIdempotencyMiddleware } from './http/idempotency';
import { checkInput, deferInputErrors, rejectBadInput } from './http/input-guard';
import { createRequestLogging } from './http/request-logging';
import { ApiRoutes } from './http/route';
import { renderDocsPage } from './openapi/docs-page';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { documentServedElsewhere } from './openapi/served-elsewhere';
import { registerAdminRoutes } from './routes/admin';
import { AUDIT_REPLAY_BODY_LIMIT, registerAuditRoutes } from './routes/audit';
import { registerComplianceRoutes } from './routes/compliance';
import { createHealthRouter } from './routes/health';
import { createMetricsRouter, METRICS_BODY_LIMIT } from './routes/metrics';
import { registerRecordRoutes } from './routes/records';
import { registerStreamActionRoutes } from './routes/stream-actions';
import { registerStreamRoutes } from './routes/streams';
import { CAMPAIGN_BODY_LIMIT, registerCampaignRoutes } from './routes/campaigns';
import { signalMetricsBatch } from './services/stream-signals';
import { createStreamService } from './services/streams';
import { createCampaignService } from './services/campaigns';
import { createWebRouter } from './web/router';
import { registerScheduleRoutes } from './routes/schedules';
import { registerTemplateRoutes } from './routes/templates';
import { createScheduleService } from './services/schedules';
import { createTemplateService } from './services/templates';
import { createScheduleWebRouter } from './web/schedules-router';

export interface AppDeps {
  config: Config;
  temporal: Client;
  db: Db;
  logger: Logger;
  /** The workflow code replays run against; default: this build's workflows, bundled once per process on first use. */
  replayBundle?: WorkflowBundle;
}

const setAuditAction =
  (action: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.audit = { action };
    next();
  };

/**
 * The HTTP app, built from its clients so tests run the real thing against real servers. Order matters: request id
 * and log line, audit hook, body parsers (size limits; their errors wait until the caller is known) and input checks,
 * authentication + CSRF, idempotency, then the routes.
 */
export function createApp(deps: AppDeps): Express {
  const { config, db, logger, temporal } = deps;
  const streams = createStreamService({ temporal, db, config });
  const campaigns = createCampaignService({ temporal, db, config });
  const replayer = deps.replayBundle
    ? createReplayer({ workflowBundle: deps.replayBundle })
    : defaultReplayer();
  const audit = createAuditService({ temporal, db, replayer });
  const schedules = createScheduleService({ temporal, db, config });
  const templates = createTemplateService({
    db,
    streams,
    campaigns,
    schedulesUsingTemplate: schedules.usingTemplate,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Upgrading to https breaks installations served over plain http on a LAN; production sits behind TLS.
        directives: { upgradeInsecureRequests: config.env === 'production' ? [] : null },
      },
    }),
  );
  app.use(createRequestLogging(logger));
  app.use(createHealthRouter(deps));
  app.use(createAuditMiddleware({ db, logger }));
  app.use('/api/metrics', deferInputErrors(express.json({ limit: METRICS_BODY_LIMIT })));
  app.use('/api/audit/replay', deferInputErrors(express.json({ limit: AUDIT_REPLAY_BODY_LIMIT })));
  // A campaign's plan carries each of its streams' plans (up to 60): more than one stream's worth of body.
  app.use('/api/campaigns', deferInputErrors(express.json({ limit: CAMPAIGN_BODY_LIMIT })));
  app.use(deferInputErrors(express.json({ limit: config.http.bodyLimit })));
  app.use(deferInputErrors(express.urlencoded({ extended: false, limit: config.http.bodyLimit })));
  app.use(checkInput);
  app.use(createAuthMiddleware({ db, config, logger }));
  // API routes answer bad input after their access check (route wrapper, metrics router); pages and forms here.
  app.use((req, res, next) => (isApiPath(req) ? next() : rejectBadInput(req, res, next)));
  app.use('/api', createIdempotencyMiddleware({ db, logger }));

  app.use(createLoginRouter({ db, config }));

  // Integrations push metrics with API tokens; the batch router itself predates authentication.
  app.use(
    '/api/metrics',
    setAuditAction('metrics.ingest'),
    requireRole(...rolesFor('createStreams')),
    rateLimit({
      windowMs: 60_000,
      limit: config.auth.metricsRateLimit,
      skip: (req) => req.method !== 'POST',
      keyGenerator: (_req, res) => res.locals.actor?.id ?? 'anonymous',
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json(errorBody('RATE_LIMITED', 'too many metric batches; send fewer, larger ones'));
      },
    }),
  );
  app.use(
    createMetricsRouter({
      db,
      logger,
      onBatch: (streamId, summary) => signalMetricsBatch(temporal, logger, streamId, summary),
    }),
  );

  const routes = new ApiRoutes();
  registerStreamRoutes(routes, { streams, db });
  registerStreamActionRoutes(routes, { streams });
  registerCampaignRoutes(routes, { campaigns, db });
  registerRecordRoutes(routes, { db });
  registerAuditRoutes(routes, { audit });
  registerAdminRoutes(routes, { db });
  registerComplianceRoutes(routes, { db });
  registerTemplateRoutes(routes, { templates });
  registerScheduleRoutes(routes, { schedules, db });
  documentServedElsewhere(routes);
  app.use(routes.router);

  const document = buildOpenApiDocument(routes.specs, version);
  const docsPage = renderDocsPage(document);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(docsPage);
  });
  app.use('/api', apiNotFound);

  app.use(createWebRouter({ streams, campaigns, audit, db, config, logger }));
  app.use(createScheduleWebRouter({ templates, schedules, db, config, logger }));

  app.use(createErrorHandler(logger));
  return app;
}
