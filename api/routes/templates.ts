import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import type { ApiRoutes } from '../http/route';
import { newStartOf, type TemplateService } from '../services/templates';
import { ZStreamDetailSchema } from './streams.types';
import { ZCampaignDetailSchema } from './campaigns.types';
import {
  ZCreateFromTemplateBodySchema,
  ZSaveCampaignTemplateBodySchema,
  ZSaveStreamTemplateBodySchema,
  ZSaveTemplateBodySchema,
  ZTemplateDetailSchema,
  ZTemplateIdParamsSchema,
  ZTemplateListQuerySchema,
  ZTemplateSummarySchema,
} from './templates.types';

const WRITERS = { roles: rolesFor('writeTemplates') };

/** Templates (常态化): operators and managers save and use them; everyone signed in reads them. */
export function registerTemplateRoutes(routes: ApiRoutes, { templates }: { templates: TemplateService }) {
  routes.add(
    {
      method: 'post',
      path: '/api/templates',
      tag: 'templates',
      summary: 'Save a plan as a template',
      access: WRITERS,
      body: ZSaveTemplateBodySchema,
      // The service judges it with the same schema and keeps the plan as written (defaults not filled in).
      validateBody: false,
      action: 'template.create',
      success: { status: 201, description: 'The template', schema: ZTemplateDetailSchema },
    },
    async ({ body, actor, res }) => {
      const template = await templates.save(actor, body);
      res.locals.audit = { action: 'template.create', target: template.id };
      return template;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/templates/from-stream',
      tag: 'templates',
      summary: "Save an existing stream's plan as a template (its current plan, amendments included)",
      access: WRITERS,
      body: ZSaveStreamTemplateBodySchema,
      action: 'template.create',
      success: { status: 201, description: 'The template', schema: ZTemplateDetailSchema },
      refusals: { 404: 'No such stream' },
    },
    async ({ body, actor, res }) => {
      const template = await templates.saveFromStream(actor, body);
      res.locals.audit = { action: 'template.create', target: template.id };
      return template;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/templates',
      tag: 'templates',
      summary: 'List templates, newest first',
      access: 'authenticated',
      query: ZTemplateListQuerySchema,
      success: {
        status: 200,
        description: 'Templates',
        schema: z.object({ templates: z.array(ZTemplateSummarySchema) }),
      },
    },
    async ({ query }) => ({ templates: await templates.list(query) }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/templates/:id',
      tag: 'templates',
      summary: 'A template with its plan',
      access: 'authenticated',
      params: ZTemplateIdParamsSchema,
      success: { status: 200, description: 'The template', schema: ZTemplateDetailSchema },
      refusals: { 404: 'No such template' },
    },
    ({ params }) => templates.get(params.id),
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/templates/:id',
      tag: 'templates',
      summary: 'Delete a template (a manager, or whoever saved it); not while a schedule uses it',
      access: WRITERS,
      params: ZTemplateIdParamsSchema,
      action: 'template.delete',
      success: { status: 200, description: 'The deleted template', schema: ZTemplateSummarySchema },
      refusals: { 404: 'No such template', 409: 'A schedule creates streams from it' },
    },
    ({ params, actor }) => templates.delete(actor, params.id),
  );

  routes.add(
    {
      method: 'post',
      path: '/api/templates/:id/streams',
      tag: 'templates',
      summary:
        'Create a stream from a stream template with a new start (the same path as POST /api/streams); every instant keeps its local time in the plan zone',
      description:
        'Exactly one of `start` (an instant with offset), `localStart` (YYYY-MM-DDTHH:MM in the template zone) or `date` (YYYY-MM-DD at the template local time of day).',
      access: WRITERS,
      params: ZTemplateIdParamsSchema,
      body: ZCreateFromTemplateBodySchema,
      action: 'stream.create',
      success: { status: 201, description: 'The new stream', schema: ZStreamDetailSchema },
      refusals: { 404: 'No such template', 409: 'A stream with this id exists or existed' },
    },
    async ({ params, body, actor, res }) => {
      const detail = await templates.createStream(actor, params.id, newStartOf(body), body.id);
      res.locals.audit = { action: 'stream.create', target: detail.id };
      return detail;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/templates/from-campaign',
      tag: 'templates',
      summary:
        'Save a campaign as a template, as it stands (its streams, dropped ones left out; its recurring rules)',
      access: WRITERS,
      body: ZSaveCampaignTemplateBodySchema,
      action: 'template.create',
      success: { status: 201, description: 'The template', schema: ZTemplateDetailSchema },
      refusals: { 404: 'No such campaign' },
    },
    async ({ body, actor, res }) => {
      const template = await templates.saveFromCampaign(actor, body);
      res.locals.audit = { action: 'template.create', target: template.id };
      return template;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/templates/:id/campaigns',
      tag: 'templates',
      summary:
        'Create a campaign from a campaign template with a new preheat start; every window and stream keeps its local time; it waits for approval',
      description:
        'Exactly one of `start` (an instant with offset), `localStart` (YYYY-MM-DDTHH:MM in the template zone) or `date` (YYYY-MM-DD at the template local time of day).',
      access: WRITERS,
      params: ZTemplateIdParamsSchema,
      body: ZCreateFromTemplateBodySchema,
      action: 'campaign.create',
      success: { status: 201, description: 'The new campaign', schema: ZCampaignDetailSchema },
      refusals: { 404: 'No such template', 409: 'ALREADY_EXISTS: a campaign with this id exists or existed' },
    },
    async ({ params, body, actor, res }) => {
      const detail = await templates.createCampaign(actor, params.id, newStartOf(body), body.id);
      res.locals.audit = { action: 'campaign.create', target: detail.id };
      return detail;
    },
  );
}
