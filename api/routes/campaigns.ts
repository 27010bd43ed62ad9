import { z } from 'zod';
import { campaignReportId } from '../../activities/campaigns/campaign-review';
import { CAMPAIGN_ACTIONS, CREATE_CAMPAIGN_ROLES } from '../../domain/campaign/actions';
import { parseInput } from '../../domain/shared/parse-input';
import type { Db } from '../../runtime/db';
import { AppError } from '../http/api-error';
import type { ApiRoutes } from '../http/route';
import { registerHistoryRoute } from './history-route';
import { campaignReviewXlsx } from '../services/campaign-report-xlsx';
import type { CampaignService } from '../services/campaigns';
import { registerActionRoutes } from './action-routes';
import {
  ZCalendarEntrySchema,
  ZCalendarQuerySchema,
  ZCampaignDetailSchema,
  ZCampaignIdFieldSchema,
  ZCampaignIdParamsSchema,
  ZCampaignListQuerySchema,
  ZCampaignReportQuerySchema,
  ZCampaignSummarySchema,
  ZCloneCampaignBodySchema,
  ZCreateCampaignBodySchema,
} from './campaigns.types';

/** A campaign plan with its streams' plans (60 streams of a full sample plan each are about 300 KB). */
export const CAMPAIGN_BODY_LIMIT = '1mb';

/** Campaigns: create from a plan, list, read, clone, act; the calendar of streams; the campaign review report. */
export function registerCampaignRoutes(
  routes: ApiRoutes,
  { campaigns, db }: { campaigns: CampaignService; db: Db },
) {
  routes.add(
    {
      method: 'post',
      path: '/api/campaigns',
      tag: 'campaigns',
      summary:
        'Create a campaign from a plan and start its workflow (it waits for a manager to approve the plan)',
      description:
        `Who: role ${CREATE_CAMPAIGN_ROLES.join(' or ')}. Windows are date-times in the plan's zone (default ` +
        'Asia/Shanghai) or ISO instants; refused with 400 naming the field: windows out of order, a stream slot outside ' +
        'the burst, two streams overlapping in one room, a goal below zero.',
      access: { roles: [...CREATE_CAMPAIGN_ROLES] },
      body: ZCreateCampaignBodySchema,
      // The plan is judged once, after the streams named by a template are written out, with the paths as sent.
      validateBody: false,
      action: 'campaign.create',
      success: { status: 201, description: 'The new campaign', schema: ZCampaignDetailSchema },
      refusals: { 403: 'FORBIDDEN_ROLE', 409: 'ALREADY_EXISTS: a campaign with this id exists or existed' },
    },
    async ({ body, actor, res }) => {
      const { id, ...plan } = parseInput(ZCampaignIdFieldSchema, body, 'campaign plan');
      const detail = await campaigns.createCampaign(actor, plan, id);
      res.locals.audit = { action: 'campaign.create', target: detail.id };
      return detail;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/campaigns',
      tag: 'campaigns',
      summary: 'List campaigns (read model), by preheat start, a page at a time (cursor)',
      access: 'authenticated',
      query: ZCampaignListQuerySchema,
      success: {
        status: 200,
        description: 'Matching campaigns and the cursor of the next page (null on the last)',
        schema: z.object({ campaigns: z.array(ZCampaignSummarySchema), nextCursor: z.string().nullable() }),
      },
    },
    async ({ query }) => {
      const page = await campaigns.listCampaigns(query);
      return { campaigns: page.items, nextCursor: page.nextCursor };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/campaigns/:id',
      tag: 'campaigns',
      summary: 'Full live state of a campaign: windows, streams, KPIs, pending approvals, next deadline',
      access: 'authenticated',
      params: ZCampaignIdParamsSchema,
      success: { status: 200, description: 'The campaign', schema: ZCampaignDetailSchema },
      refusals: { 404: 'No such campaign' },
    },
    ({ params }) => campaigns.describeCampaign(params.id),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/campaigns/:id/plan',
      tag: 'campaigns',
      summary: 'The campaign as it stands, as a plan another campaign (or a template) can start from',
      access: 'authenticated',
      params: ZCampaignIdParamsSchema,
      success: { status: 200, description: 'A campaign plan' },
      refusals: { 404: 'No such campaign' },
    },
    ({ params }) => campaigns.planOf(params.id),
  );

  routes.add(
    {
      method: 'post',
      path: '/api/campaigns/:id/clone',
      tag: 'campaigns',
      summary:
        "Clone a campaign with its dates moved (last year's 618 on this year's calendar); the clone needs approval",
      description: `Who: role ${CREATE_CAMPAIGN_ROLES.join(' or ')}. Every window and stream moves by whole days; local times stay.`,
      access: { roles: [...CREATE_CAMPAIGN_ROLES] },
      params: ZCampaignIdParamsSchema,
      body: ZCloneCampaignBodySchema,
      action: 'campaign.clone',
      success: { status: 201, description: 'The new campaign', schema: ZCampaignDetailSchema },
      refusals: { 404: 'No such campaign', 409: 'ALREADY_EXISTS: a campaign with this id exists or existed' },
    },
    async ({ params, body, actor, res }) => {
      const detail = await campaigns.cloneCampaign(actor, params.id, body);
      res.locals.audit = { action: 'campaign.clone', target: detail.id };
      return detail;
    },
  );

  registerHistoryRoute(routes, {
    kind: 'campaign',
    params: ZCampaignIdParamsSchema,
    history: campaigns.history,
  });

  routes.add(
    {
      method: 'get',
      path: '/api/calendar',
      tag: 'campaigns',
      summary:
        'Streams with a slot in [from, to), across campaigns: started ones with their gate status, planned ones too',
      access: 'authenticated',
      query: ZCalendarQuerySchema,
      success: {
        status: 200,
        description: 'Calendar entries by start',
        schema: z.object({ entries: z.array(ZCalendarEntrySchema) }),
      },
    },
    async ({ query }) => ({ entries: await campaigns.calendar(query) }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/reports/campaigns/:id',
      tag: 'reports',
      summary: 'The campaign review (复盘): JSON, or ?format=html / csv / xlsx',
      access: 'authenticated',
      params: ZCampaignIdParamsSchema,
      query: ZCampaignReportQuerySchema,
      success: {
        status: 200,
        description: 'The report',
        contentTypes: [
          'application/json',
          'text/html',
          'text/csv',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
      },
      refusals: { 404: 'No report yet (it is written when the campaign enters review)' },
    },
    async ({ params, query, res }) => {
      const report = await db.report.findUnique({ where: { id: campaignReportId(params.id) } });
      if (!report) {
        const known = await db.campaignRecord.findUnique({ where: { id: params.id }, select: { id: true } });
        throw new AppError(
          'NOT_FOUND',
          known ? `No review report for campaign ${params.id} yet` : `No campaign ${params.id}`,
        );
      }
      if (query.format === 'html')
        return void res.status(200).type('text/html; charset=utf-8').send(report.html);
      if (query.format === 'csv')
        return void res
          .status(200)
          .type('text/csv; charset=utf-8')
          .attachment(`${params.id}-review.csv`)
          .send(report.csv);
      if (query.format === 'xlsx')
        return void res
          .status(200)
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .attachment(`${params.id}-review.xlsx`)
          .send(await campaignReviewXlsx(report.json));
      return {
        id: report.id,
        kind: report.kind,
        campaignId: report.subjectId,
        createdAt: report.createdAt.toISOString(),
        updatedAt: report.updatedAt.toISOString(),
        report: JSON.parse(report.json) as unknown,
      };
    },
  );

  registerActionRoutes(routes, {
    kind: 'campaign',
    registry: CAMPAIGN_ACTIONS,
    params: ZCampaignIdParamsSchema,
    act: (id, def, actor, input) => campaigns.act(id, def, actor, input),
  });
}
