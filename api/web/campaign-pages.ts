import type { RequestHandler, Router, Request, Response } from 'express';
import { campaignReportId } from '../../activities/campaigns/campaign-review';
import { campaignAction, CREATE_CAMPAIGN_ROLES } from '../../domain/campaign/actions';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';
import { isValidTimeZone } from '../../domain/shared/time';
import { zonedParts } from '../../domain/time/zoned-time';
import type { Db } from '../../runtime/db';
import { safeNextPath } from '../auth/login-routes';
import { campaignReviewXlsx } from '../services/campaign-report-xlsx';
import type { CampaignService } from '../services/campaigns';
import { campaignTimeline, campaignView } from './campaign-view';
import type { PageContext } from './context';
import {
  campaignFormDefaults,
  campaignFormFrom,
  planFromCampaignForm,
  type CampaignForm,
} from './create-campaign';
import { parseActionForm } from './forms/form-input';
import { send, withQuery, type createPageHandler } from './page-handler';
import { calendarPage, calendarRange, type CalendarView } from './pages/calendar-page';
import { campaignBoardPage } from './pages/campaign-board-page';
import { campaignCreatePage } from './pages/campaign-create-page';
import { campaignPage } from './pages/campaign-page';
import { campaignReviewPage } from './pages/campaign-review-page';
import { errorPage } from './pages/error-page';
import { sampleTeamFrom } from './sample-team';
import { refusal, type PageError } from './refusal';

const QUERY_TIMEOUT_MS = 5_000;
const TIMELINE_ROWS = 200;

type Extra = { error?: PageError; done?: string };
const text = (req: Request, key: string): string | undefined =>
  typeof req.query[key] === 'string' && req.query[key] !== '' ? req.query[key] : undefined;

/** The campaign pages: board, new, campaign, its actions, clone, review (with XLSX), and the calendar. */
export function registerCampaignPages(
  router: Router,
  deps: {
    campaigns: CampaignService;
    db: Db;
    page: ReturnType<typeof createPageHandler>;
    forms: RequestHandler;
  },
): void {
  const { campaigns, db, page, forms } = deps;
  const mayCreate = (ctx: PageContext) => hasAnyRole(ctx.actor, CREATE_CAMPAIGN_ROLES);

  async function renderCampaign(res: Response, ctx: PageContext, id: string, status: number, extra: Extra) {
    const [{ state, live }, timeline, report] = await Promise.all([
      campaignView(campaigns, db, id, QUERY_TIMEOUT_MS),
      campaignTimeline(db, id, TIMELINE_ROWS),
      db.report.findUnique({ where: { id: campaignReportId(id) }, select: { id: true } }),
    ]);
    send(res, status, campaignPage(ctx, { state, live, timeline, hasReport: report !== null, ...extra }));
  }

  async function renderReview(res: Response, ctx: PageContext, id: string, status: number, extra: Extra) {
    const [{ state }, report] = await Promise.all([
      campaignView(campaigns, db, id, QUERY_TIMEOUT_MS),
      db.report.findUnique({ where: { id: campaignReportId(id) } }),
    ]);
    send(res, status, campaignReviewPage(ctx, { state, report, ...extra }));
  }

  const done = (req: Request): Extra => {
    const value = text(req, 'done');
    return value !== undefined && (campaignAction(value) !== undefined || value === 'create')
      ? { done: value }
      : {};
  };

  router.get(
    '/campaigns',
    page(async (req, res, ctx) => {
      const cursor = text(req, 'cursor');
      const list = await campaigns.listCampaigns({ limit: 200, ...(cursor ? { cursor } : {}) });
      send(res, 200, campaignBoardPage(ctx, { campaigns: list.items, nextCursor: list.nextCursor }));
    }),
  );

  router.get(
    '/campaigns/new',
    page(async (_req, res, ctx) => {
      if (!mayCreate(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('ccreate.forbidden')));
      send(res, 200, campaignCreatePage(ctx, { form: campaignFormDefaults() }));
    }),
  );

  router.post(
    '/campaigns',
    forms,
    page(async (req, res, ctx) => {
      res.locals.audit = { action: 'campaign.create' };
      if (!mayCreate(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('ccreate.forbidden')));
      const form: CampaignForm = campaignFormFrom((req.body ?? {}) as Record<string, unknown>);
      try {
        const plan = planFromCampaignForm(form, ctx.actor, await sampleTeamFrom(db, ctx.actor));
        const created = await campaigns.createCampaign(ctx.actor, plan);
        res.locals.audit = { action: 'campaign.create', target: created.id };
        res.redirect(303, `/campaigns/${encodeURIComponent(created.id)}?done=create`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        send(
          res,
          DOMAIN_ERROR_HTTP_STATUS[error.code],
          campaignCreatePage(ctx, { form, error: refusal(ctx, error) }),
        );
      }
    }),
  );

  router.get(
    '/campaigns/:id',
    page(async (req, res, ctx) => renderCampaign(res, ctx, String(req.params.id), 200, done(req))),
  );

  router.post(
    '/campaigns/:id/actions/:action',
    forms,
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const def = campaignAction(String(req.params.action));
      if (def === undefined)
        return send(
          res,
          404,
          errorPage(ctx, 404, ctx.t('error.unknownAction', { action: String(req.params.action) })),
        );
      const body = (req.body ?? {}) as Record<string, unknown>;
      const base = `/campaigns/${encodeURIComponent(id)}`;
      const returnTo = safeNextPath(body.returnTo) ?? base;
      res.locals.audit = { action: `campaign.${def.name}`, target: id };
      try {
        await campaigns.act(id, def, ctx.actor, parseActionForm(def, body, undefined));
        res.redirect(303, withQuery(returnTo, 'done', def.name));
      } catch (error) {
        if (!isDomainError(error) || error.code === 'NOT_FOUND') throw error;
        const status = DOMAIN_ERROR_HTTP_STATUS[error.code];
        if (returnTo === `${base}/review`)
          await renderReview(res, ctx, id, status, { error: refusal(ctx, error) });
        else await renderCampaign(res, ctx, id, status, { error: refusal(ctx, error) });
      }
    }),
  );

  router.post(
    '/campaigns/:id/clone',
    forms,
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      res.locals.audit = { action: 'campaign.clone', target: id };
      if (!mayCreate(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('ccreate.forbidden')));
      const startOn = typeof body.startOn === 'string' ? body.startOn : '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(startOn))
        return renderCampaign(res, ctx, id, 400, { error: `${ctx.t('campaign.cloneStart')}: YYYY-MM-DD` });
      const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name : undefined;
      try {
        const clone = await campaigns.cloneCampaign(ctx.actor, id, { startOn, ...(name ? { name } : {}) });
        res.locals.audit = { action: 'campaign.clone', target: clone.id };
        res.redirect(303, `/campaigns/${encodeURIComponent(clone.id)}?done=create`);
      } catch (error) {
        if (!isDomainError(error) || error.code === 'NOT_FOUND') throw error;
        await renderCampaign(res, ctx, id, DOMAIN_ERROR_HTTP_STATUS[error.code], {
          error: refusal(ctx, error),
        });
      }
    }),
  );

  router.get(
    '/campaigns/:id/review',
    page(async (req, res, ctx) => renderReview(res, ctx, String(req.params.id), 200, done(req))),
  );

  for (const format of ['xlsx', 'csv'] as const)
    router.get(
      `/campaigns/:id/review.${format}`,
      page(async (req, res, ctx) => {
        const id = String(req.params.id);
        const report = await db.report.findUnique({ where: { id: campaignReportId(id) } });
        if (report === null) return send(res, 404, errorPage(ctx, 404, ctx.t('campaign.reviewNotYet')));
        const file = `${id.replace(/[^\w.-]/g, '_')}-review.${format}`;
        res.set('Content-Disposition', `attachment; filename="${file}"`);
        if (format === 'csv') res.type('text/csv; charset=utf-8').send(report.csv);
        else
          res
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .send(await campaignReviewXlsx(report.json));
      }),
    );

  router.get(
    '/calendar',
    page(async (req, res, ctx) => {
      const zoneParam = text(req, 'zone');
      const zone = zoneParam !== undefined && isValidTimeZone(zoneParam) ? zoneParam : 'Asia/Shanghai';
      const view: CalendarView = text(req, 'view') === 'month' ? 'month' : 'week';
      const start = text(req, 'start');
      const match = start === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
      const today = zonedParts(Date.now(), zone);
      const on =
        match === null
          ? { year: today.year, month: today.month, day: today.day }
          : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
      const range = calendarRange(view, on, zone);
      const entries = await campaigns.calendar({ from: range.from, to: range.to });
      send(res, 200, calendarPage(ctx, { range, entries }));
    }),
  );
}
