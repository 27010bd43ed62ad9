import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import type { Db } from '../../runtime/db';
import { AppError } from '../http/api-error';
import type { ApiRoutes } from '../http/route';
import type { ScheduleService } from '../services/schedules';
import {
  ZCreateScheduleBodySchema,
  ZPauseScheduleBodySchema,
  ZScheduleDetailSchema,
  ZScheduleIdParamsSchema,
  ZScheduleSummarySchema,
} from './schedules.types';
import { answerStoredReport } from './stored-report';
import { ZReportQuerySchema } from './streams.types';

const MANAGERS = { roles: rolesFor('manageSchedules') };
const ZPeriodicReportParamsSchema = z.object({
  id: z
    .string()
    .regex(/^periodic-report:[\w:.-]{1,200}$/, 'a periodic report id, periodic-report:<schedule>:<period>'),
});

/**
 * Temporal Schedules: recurring streams from templates and 日报 / 周报 / 月报. Managers (and admin) change them;
 * everyone signed in reads them, auditors included.
 */
export function registerScheduleRoutes(routes: ApiRoutes, deps: { schedules: ScheduleService; db: Db }) {
  const { schedules, db } = deps;
  routes.add(
    {
      method: 'post',
      path: '/api/schedules',
      tag: 'schedules',
      summary:
        'Create a schedule: a recurring stream from a stream template, or a daily / weekly / monthly report',
      description:
        'kind recurring-stream: fires leadHours before each occurrence (daysOfWeek at time in timeZone) and creates that occurrence stream. kind report: daily at time, weekly on Monday, monthly on the 1st, covering the previous local day / week / month, mailed through the outbox.',
      access: MANAGERS,
      body: ZCreateScheduleBodySchema,
      action: 'schedule.create',
      success: {
        status: 201,
        description: 'The schedule, with its next action times',
        schema: ZScheduleDetailSchema,
      },
      refusals: { 404: 'No such template', 409: 'ALREADY_EXISTS: a schedule with this id exists' },
    },
    async ({ body, actor, res }) => {
      const schedule = await schedules.create(actor, body);
      res.locals.audit = { action: 'schedule.create', target: schedule.id };
      return schedule;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/schedules',
      tag: 'schedules',
      summary:
        "liveops' schedules (Temporal's list is eventually consistent: a new one may take a moment to appear)",
      access: 'authenticated',
      success: {
        status: 200,
        description: 'Schedules',
        schema: z.object({ schedules: z.array(ZScheduleSummarySchema) }),
      },
    },
    async () => ({ schedules: await schedules.list() }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/schedules/:id',
      tag: 'schedules',
      summary: 'A schedule: calendar and zone, policies, next action times, recent runs',
      access: 'authenticated',
      params: ZScheduleIdParamsSchema,
      success: { status: 200, description: 'The schedule', schema: ZScheduleDetailSchema },
      refusals: { 404: 'No such schedule' },
    },
    ({ params }) => schedules.describe(params.id),
  );

  const operation = (
    name: 'pause' | 'resume' | 'trigger',
    summary: string,
    run: (id: string, actor: Parameters<ScheduleService['pause']>[1], note?: string) => Promise<unknown>,
  ) =>
    routes.add(
      {
        method: 'post',
        path: `/api/schedules/:id/${name}`,
        tag: 'schedules',
        summary,
        access: MANAGERS,
        params: ZScheduleIdParamsSchema,
        body: ZPauseScheduleBodySchema,
        action: `schedule.${name}`,
        success: { status: 200, description: 'The schedule', schema: ZScheduleDetailSchema },
        refusals: { 404: 'No such schedule' },
      },
      ({ params, actor, body }) => run(params.id, actor, body.note),
    );
  operation('pause', 'Pause a schedule (optional note: why)', (id, actor, note) =>
    schedules.pause(id, actor, note),
  );
  operation('resume', 'Resume a paused schedule', (id, actor) => schedules.resume(id, actor));
  operation('trigger', 'Run a schedule once now, as if its calendar fired', (id) => schedules.trigger(id));

  routes.add(
    {
      method: 'delete',
      path: '/api/schedules/:id',
      tag: 'schedules',
      summary: 'Delete a schedule (the streams and reports it made stay)',
      access: MANAGERS,
      params: ZScheduleIdParamsSchema,
      action: 'schedule.delete',
      success: { status: 200, description: 'The deleted schedule as it was', schema: ZScheduleDetailSchema },
      refusals: { 404: 'No such schedule' },
    },
    ({ params }) => schedules.delete(params.id),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/schedules/:id/reports',
      tag: 'schedules',
      summary: 'The reports a report schedule has stored, newest period first',
      access: 'authenticated',
      params: ZScheduleIdParamsSchema,
      success: {
        status: 200,
        description: 'Reports',
        schema: z.object({
          reports: z.array(
            z.object({ id: z.string(), kind: z.string(), createdAt: z.string(), updatedAt: z.string() }),
          ),
        }),
      },
    },
    async ({ params }) => {
      const rows = await db.report.findMany({
        where: { subjectId: params.id, kind: { endsWith: '-report' } },
        orderBy: { id: 'desc' },
        select: { id: true, kind: true, createdAt: true, updatedAt: true },
        take: 400,
      });
      return {
        reports: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
        })),
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/reports/periodic/:id',
      tag: 'reports',
      summary: 'A stored 日报 / 周报 / 月报: JSON, or ?format=html / ?format=csv',
      access: 'authenticated',
      params: ZPeriodicReportParamsSchema,
      query: ZReportQuerySchema,
      success: {
        status: 200,
        description: 'The report',
        contentTypes: ['application/json', 'text/html', 'text/csv'],
      },
      refusals: { 404: 'No such report' },
    },
    async ({ params, query, res }) => {
      const report = await db.report.findUnique({ where: { id: params.id } });
      if (!report || !report.kind.endsWith('-report'))
        throw new AppError('NOT_FOUND', `No report ${params.id}`);
      return answerStoredReport(res, report, query.format, {
        csvName: `${params.id.replace(/[^\w.-]/g, '_')}.csv`,
        subjectKey: 'scheduleId',
      });
    },
  );
}
