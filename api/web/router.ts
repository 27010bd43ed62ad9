import { rolesFor } from '../../domain/shared/app-permissions';
import express, { Router, type Request } from 'express';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { DomainError, DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import { currentRulePack, listRulePacks, publishRulePack } from '../../activities/compliance/rule-pack-store';
import { ZPublishRulePackSchema } from '../routes/compliance';
import { compliancePage } from './pages/compliance-page';
import { CREATE_STREAM_ROLES, streamAction } from '../../domain/stream/actions';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { listOutbox, ZOutboxFilterSchema } from '../services/outbox';
import { countPendingFor } from '../services/stream-lists';
import type { StreamService } from '../services/streams';
import type { CampaignService } from '../services/campaigns';
import { registerCampaignPages } from './campaign-pages';
import type { AuditService } from '../audit/audit-service';
import { registerAuditPages } from './audit-pages';
import { WEB_CSS, WEB_JS } from './assets';
import { DAILY_CSS, DAILY_JS } from './assets-daily';
import { safeNextPath } from '../auth/login-routes';
import { anonymousContext, type PageContext } from './context';
import {
  parsePlanJson,
  planFromSampleForm,
  SAMPLE_FORM_DEFAULTS,
  samplePlanJson,
  ZSampleStreamFormSchema,
} from './create-stream';
import { createPage } from './pages/create-page';
import { dashboardPage } from './pages/dashboard-page';
import { errorPage } from './pages/error-page';
import { loginPage } from './pages/login-page';
import { outboxPage } from './pages/outbox-page';
import { parseActionForm } from './forms/form-input';
import { sampleTeamFrom } from './sample-team';
import { createPageHandler, send, withQuery } from './page-handler';
import { reviewReport } from './read-model';
import { createRenderers, INBOX_KINDS } from './renderers';
import { registerBulkApproval } from './bulk-approval';
import { refusal } from './refusal';
import { workflowTitles } from './workflow-titles';
import { registerAdminPages } from './admin-pages';
import { registerAuditLogPages } from './audit-log-pages';
import { registerHistoryPages } from './history-pages';
import { editorDefaults, submitPlanEditor } from './plan-editor/editor-route';
import type { TPlanFormValues } from './plan-editor/plan-form';
import { userNames } from './people';

export interface WebRouterDeps {
  streams: StreamService;
  campaigns: CampaignService;
  audit: AuditService;
  db: Db;
  config: Config;
  logger: Logger;
}

/** Streams per dashboard page. */
const DASHBOARD_PAGE_SIZE = 200;
const queryText = (req: Request, key: string): string | undefined =>
  typeof req.query[key] === 'string' && req.query[key] !== '' ? req.query[key] : undefined;

/**
 * The server-rendered web UI (zh-CN by default, English via ?lang=en). Mounted after the auth middleware, which sets
 * res.locals.actor and res.locals.csrfToken and checks `_csrf` on every form POST.
 */
export function createWebRouter(deps: WebRouterDeps): Router {
  const { streams, campaigns, audit, db, config, logger } = deps;
  const router = Router();
  const simulated = config.analytics.baseUrl === undefined;
  const forms = express.urlencoded({ extended: false, limit: config.http.bodyLimit });

  const page = createPageHandler({ logger, simulated, waitingFor: (actor) => countPendingFor(db, actor) });

  router.get('/assets/web.css', (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=300')
      .type('text/css')
      .send(WEB_CSS + DAILY_CSS);
  });
  router.get('/assets/web.js', (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=300')
      .type('application/javascript')
      .send(WEB_JS + DAILY_JS);
  });

  router.get('/login', (req, res) => {
    const ctx = anonymousContext(req, res, simulated);
    const next = safeNextPath(req.query.next) ?? '/';
    if (ctx.actor !== undefined) {
      res.redirect(303, next);
      return;
    }
    send(
      res,
      200,
      loginPage(ctx, {
        next,
        error: req.query.error === '1' ? 'credentials' : req.query.error === 'csrf' ? 'csrf' : undefined,
      }),
    );
  });

  router.get(
    '/',
    page(async (req, res, ctx) => {
      const cursor = queryText(req, 'cursor');
      const [list, waitingForMe] = await Promise.all([
        streams.listStreams({ limit: DASHBOARD_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        countPendingFor(db, ctx.actor),
      ]);
      const names = await userNames(
        db,
        list.items.map((s) => s.owner),
      );
      send(
        res,
        200,
        dashboardPage(ctx, { streams: list.items, nextCursor: list.nextCursor, waitingForMe, names }),
      );
    }),
  );

  // Older names of pages that notifications link to.
  router.get('/streams', (_req, res) => {
    res.redirect(302, '/');
  });
  router.get('/approvals', (_req, res) => {
    res.redirect(302, '/inbox');
  });

  const mayCreate = (ctx: PageContext) => hasAnyRole(ctx.actor, CREATE_STREAM_ROLES);
  router.get(
    '/streams/new',
    page(async (_req, res, ctx) => {
      if (!mayCreate(ctx)) {
        send(res, 403, errorPage(ctx, 403, ctx.t('create.forbidden')));
        return;
      }
      const team = await sampleTeamFrom(db, ctx.actor);
      send(
        res,
        200,
        createPage(ctx, {
          editor: editorDefaults(team, ctx.actor.id),
          sample: SAMPLE_FORM_DEFAULTS,
          planJson: samplePlanJson(ctx.actor, team),
        }),
      );
    }),
  );

  router.post(
    '/streams',
    forms,
    page(async (req, res, ctx) => {
      if (!mayCreate(ctx)) {
        send(res, 403, errorPage(ctx, 403, ctx.t('create.forbidden')));
        return;
      }
      res.locals.audit = { action: 'stream.create' };
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.mode === 'editor' || body.mode === 'editor-rows') {
        const team = await sampleTeamFrom(db, ctx.actor);
        await submitPlanEditor(res, ctx, streams, body as TPlanFormValues, {
          sample: SAMPLE_FORM_DEFAULTS,
          planJson: samplePlanJson(ctx.actor, team),
        });
        return;
      }
      const mode = body.mode === 'json' ? 'json' : 'sample';
      const planText = typeof body.plan === 'string' ? body.plan : '';
      try {
        const plan =
          mode === 'json'
            ? parsePlanJson(planText)
            : planFromSampleForm(body, ctx.actor, await sampleTeamFrom(db, ctx.actor));
        const created = await streams.createStream(ctx.actor, plan);
        res.locals.audit = { action: 'stream.create', target: created.id };
        res.redirect(303, `/streams/${encodeURIComponent(created.id)}?done=create`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const sample = ZSampleStreamFormSchema.safeParse(body);
        send(
          res,
          DOMAIN_ERROR_HTTP_STATUS[error.code],
          createPage(ctx, {
            editor: editorDefaults(await sampleTeamFrom(db, ctx.actor), ctx.actor.id),
            sample: sample.success ? sample.data : SAMPLE_FORM_DEFAULTS,
            planJson:
              mode === 'json' ? planText : samplePlanJson(ctx.actor, await sampleTeamFrom(db, ctx.actor)),
            error: refusal(ctx, error),
            errorFor: mode,
          }),
        );
      }
    }),
  );

  const { renderStream, renderInbox, renderReport } = createRenderers({ streams, db });

  const doneParam = (req: Request): { done?: string } => {
    const done = typeof req.query.done === 'string' ? req.query.done : undefined;
    return done !== undefined && (streamAction(done) !== undefined || done === 'create') ? { done } : {};
  };

  router.get(
    '/streams/:id',
    page(async (req, res, ctx) => renderStream(res, ctx, String(req.params.id), 200, doneParam(req))),
  );

  router.post(
    '/streams/:id/actions/:action',
    forms,
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const def = streamAction(String(req.params.action));
      if (def === undefined) {
        send(
          res,
          404,
          errorPage(ctx, 404, ctx.t('error.unknownAction', { action: String(req.params.action) })),
        );
        return;
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const base = `/streams/${encodeURIComponent(id)}`;
      const returnTo = safeNextPath(body.returnTo) ?? base;
      res.locals.audit = { action: `stream.${def.name}`, target: id };
      try {
        // Only the script editor needs the state (the segments it did not change); the domain decides the rest.
        const state = def.form === 'script-editor' ? await streams.getStream(id) : undefined;
        await streams.act(id, def, ctx.actor, parseActionForm(def, body, state));
        res.redirect(303, withQuery(returnTo, 'done', def.name));
      } catch (error) {
        // A refusal re-renders the page the person was on, with the reason and the status that names it.
        if (!isDomainError(error) || error.code === 'NOT_FOUND') throw error;
        const status = DOMAIN_ERROR_HTTP_STATUS[error.code];
        const extra = { error: refusal(ctx, error) };
        if (returnTo === '/inbox') await renderInbox(res, ctx, status, extra);
        else if (returnTo === `${base}/review`) await renderReport(res, ctx, id, status, extra);
        else await renderStream(res, ctx, id, status, extra);
      }
    }),
  );

  router.get(
    '/streams/:id/review',
    page(async (req, res, ctx) => renderReport(res, ctx, String(req.params.id), 200, doneParam(req))),
  );

  router.get(
    '/streams/:id/review.csv',
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const report = await reviewReport(db, id);
      if (!report) {
        send(res, 404, errorPage(ctx, 404, ctx.t('review.notYet')));
        return;
      }
      res
        .set('Content-Disposition', `attachment; filename="${id.replace(/[^\w.-]/g, '_')}-review.csv"`)
        .type('text/csv; charset=utf-8')
        .send(report.csv);
    }),
  );

  router.get(
    '/inbox',
    page(async (req, res, ctx) => {
      const cursor = queryText(req, 'cursor');
      const kind = queryText(req, 'kind');
      const workflowId = queryText(req, 'workflowId');
      await renderInbox(res, ctx, 200, {
        ...doneParam(req),
        ...(cursor ? { cursor } : {}),
        ...(kind && INBOX_KINDS.includes(kind) ? { kind } : {}),
        ...(workflowId ? { workflowId } : {}),
        ...(req.query.overdue === 'true' ? { overdue: true } : {}),
      });
    }),
  );

  registerBulkApproval(router, { streams, page, forms, renderInbox });

  router.get(
    '/outbox',
    page(async (req, res, ctx) => {
      const query = Object.fromEntries(
        Object.entries(req.query).filter(
          ([key, value]) => key !== 'lang' && typeof value === 'string' && value !== '',
        ),
      );
      const filter = ZOutboxFilterSchema.safeParse(query);
      const shown = {
        ...(typeof query.status === 'string' ? { status: query.status } : {}),
        ...(typeof query.workflowId === 'string' ? { workflowId: query.workflowId } : {}),
      };
      if (!filter.success) {
        const message = filter.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ');
        send(res, 400, outboxPage(ctx, { entries: [], next: null, filter: shown, error: message }));
        return;
      }
      const result = await listOutbox(db, filter.data);
      const titles = await workflowTitles(
        db,
        result.entries.flatMap((e) => (e.workflowId ? [e.workflowId] : [])),
      );
      send(res, 200, outboxPage(ctx, { ...result, filter: shown, titles }));
    }),
  );

  router.get(
    '/compliance',
    page(async (req, res, ctx) => {
      const [pack, versions] = await Promise.all([currentRulePack(db), listRulePacks(db)]);
      send(res, 200, compliancePage(ctx, { pack, versions, done: req.query.done === 'publish' }));
    }),
  );

  router.post(
    '/compliance/packs',
    forms,
    page(async (req, res, ctx) => {
      res.locals.audit = { action: 'compliance.publish' };
      const body = (req.body ?? {}) as Record<string, unknown>;
      const lines = (value: unknown) =>
        typeof value === 'string'
          ? value
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean)
          : [];
      try {
        if (!hasAnyRole(ctx.actor, rolesFor('publishRulePacks')))
          throw new DomainError('FORBIDDEN_ROLE', 'Publishing compliance rules is for role admin');
        const input = parseInput(
          ZPublishRulePackSchema,
          {
            version: body.version,
            basedOn: body.basedOn,
            ...(typeof body.note === 'string' && body.note.trim() ? { note: body.note } : {}),
            changes: [
              {
                ruleId: body.ruleId,
                addTerms: lines(body.addTerms),
                addExceptions: lines(body.addExceptions),
              },
            ],
          },
          'rule pack',
        );
        const pack = await publishRulePack(db, ctx.actor, input);
        res.locals.audit = { action: 'compliance.publish', target: pack.version };
        res.redirect(303, '/compliance?done=publish');
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const [pack, versions] = await Promise.all([currentRulePack(db), listRulePacks(db)]);
        send(
          res,
          DOMAIN_ERROR_HTTP_STATUS[error.code],
          compliancePage(ctx, { pack, versions, error: refusal(ctx, error) }),
        );
      }
    }),
  );

  registerCampaignPages(router, { campaigns, db, page, forms });
  registerAuditPages(router, { audit, page, forms });
  registerAdminPages(router, { db, page, forms });
  registerAuditLogPages(router, { db, page });
  registerHistoryPages(router, { streams, audit, db, config, page });

  return router;
}
