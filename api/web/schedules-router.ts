import { rolesFor } from '../../domain/shared/app-permissions';
import express, { Router, type Request, type Response } from 'express';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { DomainError, DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { ZCreateScheduleBodySchema } from '../routes/schedules.types';
import type { ScheduleService, ScheduleSummaryView } from '../services/schedules';
import type { TemplateService } from '../services/templates';
import type { PageContext } from './context';
import { html, raw } from './html';
import { layout } from './layout';
import { createPageHandler, send } from './page-handler';
import { errorPage } from './pages/error-page';
import { reportBody } from './pages/report-page';
import { SCHEDULE_OPERATIONS, schedulesPage, type TScheduleOperation } from './pages/schedules-page';
import { templatesPage } from './pages/templates-page';

export interface ScheduleWebRouterDeps {
  templates: TemplateService;
  schedules: ScheduleService;
  db: Db;
  config: Config;
  logger: Logger;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
/** A repeated form field (checkboxes) arrives as a string when one is ticked, an array when several are. */
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
const lines = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(/[\r\n,]+/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];

/** The schedule forms, in the API's shape: the same schema judges both. */
function scheduleInput(body: Record<string, unknown>): unknown {
  const name = text(body.name);
  const common = { time: text(body.time), timeZone: text(body.timeZone), ...(name ? { name } : {}) };
  if (body.kind === 'recurring-stream')
    return {
      kind: 'recurring-stream',
      ...common,
      templateId: text(body.templateId),
      daysOfWeek: list(body.daysOfWeek),
      leadHours: Number(text(body.leadHours) ?? 48),
    };
  return {
    kind: 'report',
    ...common,
    cadence: text(body.cadence),
    recipients: { roles: list(body.roles), emails: lines(body.emails) },
  };
}

/** The templates and schedules pages (zh-CN and en), and the stored periodic reports their mails link to. */
export function createScheduleWebRouter(deps: ScheduleWebRouterDeps): Router {
  const { templates, schedules, db, config, logger } = deps;
  const router = Router();
  const forms = express.urlencoded({ extended: false, limit: config.http.bodyLimit });
  const page = createPageHandler({ logger, simulated: config.analytics.baseUrl === undefined });

  async function renderTemplates(
    res: Response,
    ctx: PageContext,
    status: number,
    extra: { error?: string; done?: 'saved' | 'deleted' },
  ) {
    send(res, status, templatesPage(ctx, { templates: await templates.list({}), ...extra }));
  }

  async function renderSchedules(
    res: Response,
    ctx: PageContext,
    status: number,
    extra: { error?: string; done?: TScheduleOperation | 'create'; justCreated?: string },
  ) {
    const [listed, streamTemplates] = await Promise.all([
      schedules.list(),
      templates.list({ kind: 'stream' }),
    ]);
    // Temporal's schedule list is eventually consistent: a schedule made a moment ago is described directly.
    const fresh: ScheduleSummaryView[] =
      extra.justCreated && !listed.some((s) => s.id === extra.justCreated)
        ? [await schedules.describe(extra.justCreated).catch(() => undefined)].filter(
            (s): s is NonNullable<typeof s> => s !== undefined,
          )
        : [];
    const all = [...fresh, ...listed];
    const reportIds = all.filter((s) => s.kind === 'report').map((s) => s.id);
    const rows = await db.report.findMany({
      where: { subjectId: { in: reportIds }, kind: { endsWith: '-report' } },
      orderBy: { id: 'desc' },
      select: { id: true, subjectId: true },
      take: 500,
    });
    const reports: Record<string, Array<{ id: string }>> = {};
    for (const row of rows) {
      const mine = (reports[row.subjectId] ??= []);
      if (mine.length < 5) mine.push({ id: row.id });
    }
    send(
      res,
      status,
      schedulesPage(ctx, { schedules: all, streamTemplates, reports, error: extra.error, done: extra.done }),
    );
  }

  type FormHandler = (req: Request, res: Response, ctx: PageContext) => Promise<void>;
  /**
   * A form whose refusal re-renders the page the person was on (templates or schedules), with the reason and the
   * status that names it.
   */
  const form = (
    render: (res: Response, ctx: PageContext, status: number, extra: { error: string }) => Promise<void>,
    run: FormHandler,
  ) =>
    page(async (req, res, ctx) => {
      try {
        await run(req, res, ctx);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        await render(res, ctx, DOMAIN_ERROR_HTTP_STATUS[error.code], { error: error.message });
      }
    });

  router.get(
    '/templates',
    page(async (req, res, ctx) => {
      const done = req.query.done === 'saved' || req.query.done === 'deleted' ? req.query.done : undefined;
      await renderTemplates(res, ctx, 200, done ? { done } : {});
    }),
  );

  router.post(
    '/templates/from-stream',
    forms,
    form(renderTemplates, async (req, res, ctx) => {
      res.locals.audit = { action: 'template.create' };
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!hasAnyRole(ctx.actor, rolesFor('writeTemplates')))
        throw new DomainError('FORBIDDEN_ROLE', ctx.t('templates.forbidden'));
      const streamId = text(body.streamId);
      if (streamId === undefined) throw new DomainError('INVALID_INPUT', `${ctx.t('templates.streamId')}?`);
      const name = text(body.name);
      const template = await templates.saveFromStream(ctx.actor, { streamId, ...(name ? { name } : {}) });
      res.locals.audit = { action: 'template.create', target: template.id };
      res.redirect(303, '/templates?done=saved');
    }),
  );

  router.post(
    '/templates/:id/streams',
    forms,
    form(renderTemplates, async (req, res, ctx) => {
      res.locals.audit = { action: 'stream.create' };
      const localStart = text((req.body as Record<string, unknown> | undefined)?.localStart) ?? '';
      const created = await templates.createStream(ctx.actor, String(req.params.id), { localStart });
      res.locals.audit = { action: 'stream.create', target: created.id };
      res.redirect(303, `/streams/${encodeURIComponent(created.id)}?done=create`);
    }),
  );

  router.post(
    '/templates/:id/delete',
    forms,
    form(renderTemplates, async (req, res, ctx) => {
      const id = String(req.params.id);
      res.locals.audit = { action: 'template.delete', target: id };
      await templates.delete(ctx.actor, id);
      res.redirect(303, '/templates?done=deleted');
    }),
  );

  router.get(
    '/schedules',
    page(async (req, res, ctx) => {
      const done = [...SCHEDULE_OPERATIONS, 'create'].find((op) => op === req.query.done) as
        TScheduleOperation | 'create' | undefined;
      const justCreated = typeof req.query.id === 'string' && done === 'create' ? req.query.id : undefined;
      await renderSchedules(res, ctx, 200, {
        ...(done ? { done } : {}),
        ...(justCreated ? { justCreated } : {}),
      });
    }),
  );

  const assertManager = (ctx: PageContext) => {
    if (!hasAnyRole(ctx.actor, rolesFor('manageSchedules')))
      throw new DomainError('FORBIDDEN_ROLE', ctx.t('schedules.forbidden'));
  };

  router.post(
    '/schedules',
    forms,
    form(renderSchedules, async (req, res, ctx) => {
      res.locals.audit = { action: 'schedule.create' };
      assertManager(ctx);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = parseInput(ZCreateScheduleBodySchema, scheduleInput(body), 'schedule');
      const created = await schedules.create(ctx.actor, input);
      res.locals.audit = { action: 'schedule.create', target: created.id };
      res.redirect(303, `/schedules?done=create&id=${encodeURIComponent(created.id)}`);
    }),
  );

  router.post(
    '/schedules/:id/:op',
    forms,
    form(renderSchedules, async (req, res, ctx) => {
      const id = String(req.params.id);
      const op = SCHEDULE_OPERATIONS.find((known) => known === req.params.op);
      if (op === undefined) {
        send(res, 404, errorPage(ctx, 404, ctx.t('error.unknownAction', { action: String(req.params.op) })));
        return;
      }
      res.locals.audit = { action: `schedule.${op}`, target: id };
      assertManager(ctx);
      if (op === 'pause') await schedules.pause(id, ctx.actor);
      else if (op === 'resume') await schedules.resume(id, ctx.actor);
      else if (op === 'trigger') await schedules.trigger(id);
      else await schedules.delete(id);
      res.redirect(303, `/schedules?done=${op}`);
    }),
  );

  router.get(
    '/reports/periodic/:id',
    page(async (req, res, ctx) => {
      const id = String(req.params.id);
      const report = await db.report.findUnique({ where: { id } });
      if (report === null || !report.kind.endsWith('-report')) {
        send(res, 404, errorPage(ctx, 404, ctx.t('error.notFound')));
        return;
      }
      const body = html` <p>
          <a href="/schedules">${ctx.t('periodic.back')}</a> ·
          <a href="/api/reports/periodic/${encodeURIComponent(id)}?format=csv" download
            >${ctx.t('periodic.csv')}</a
          >
        </p>
        <article class="report" aria-label="${ctx.t('periodic.title')}">
          ${raw(reportBody(report.html))}
        </article>`;
      send(res, 200, layout(ctx, { title: ctx.t('periodic.title'), nav: 'schedules', body }));
    }),
  );

  return router;
}
