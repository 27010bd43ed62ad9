import { z } from 'zod';
import type { Db } from '../../runtime/db';
import { reviewReportId } from '../../activities/reports/stream-review';
import { CREATE_STREAM_ROLES } from '../../domain/stream/actions';
import { AppError } from '../http/api-error';
import type { ApiRoutes } from '../http/route';
import { registerHistoryRoute } from './history-route';
import type { StreamService } from '../services/streams';
import { answerStoredReport } from './stored-report';
import {
  ZApprovalsQuerySchema,
  ZCreateStreamBodySchema,
  ZReportQuerySchema,
  ZStreamDetailSchema,
  ZStreamIdParamsSchema,
  ZStreamListQuerySchema,
  ZStreamSummarySchema,
  ZWorkItemSchema,
} from './streams.types';

/** Streams: create from a plan, list, read, history; approvals waiting on the caller; stored review reports. */
export function registerStreamRoutes(routes: ApiRoutes, { streams, db }: { streams: StreamService; db: Db }) {
  routes.add(
    {
      method: 'post',
      path: '/api/streams',
      tag: 'streams',
      summary: 'Create a stream from a plan and start its workflow',
      description: `Who: role ${CREATE_STREAM_ROLES.join(' or ')}. Ids are never reused, also not after a stream finished.`,
      // Who is judged before the plan: an auditor gets 403, not a 400 about a plan they may never send.
      access: { roles: CREATE_STREAM_ROLES },
      body: ZCreateStreamBodySchema,
      action: 'stream.create',
      success: { status: 201, description: 'The new stream', schema: ZStreamDetailSchema },
      refusals: { 403: 'FORBIDDEN_ROLE', 409: 'A stream with this id exists or existed' },
    },
    async ({ body, actor, res }) => {
      const { id, ...plan } = body;
      const detail = await streams.createStream(actor, plan, id);
      res.locals.audit = { action: 'stream.create', target: detail.id };
      return detail;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/streams',
      tag: 'streams',
      summary: 'List streams (read model), by scheduled start, a page at a time (cursor)',
      access: 'authenticated',
      query: ZStreamListQuerySchema,
      success: {
        status: 200,
        description: 'Matching streams and the cursor of the next page (null on the last)',
        schema: z.object({
          streams: z.array(ZStreamSummarySchema),
          nextCursor: z.string().nullable(),
          more: z.boolean().optional(),
        }),
      },
    },
    async ({ query, actor }) => {
      const { pendingFor, source, ...filter } = query;
      if (source === 'temporal') {
        if (pendingFor !== undefined || filter.pending !== undefined || filter.cursor !== undefined)
          throw new AppError('INVALID_INPUT', 'source=temporal lists by phase, owner and date only', [
            {
              path: ['source'],
              message: 'pendingFor, pending and cursor need the read model',
              code: 'custom',
              in: 'query',
            },
          ]);
        const visible = await streams.listStreamsFromVisibility(filter);
        return { streams: visible.items, nextCursor: null, more: visible.more };
      }
      const page = await streams.listStreams({
        ...filter,
        ...(pendingFor === 'me' ? { pendingFor: actor } : {}),
      });
      return { streams: page.items, nextCursor: page.nextCursor };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/streams/:id',
      tag: 'streams',
      summary: 'Full live state of a stream, with deadlines and pending approvals',
      access: 'authenticated',
      params: ZStreamIdParamsSchema,
      success: { status: 200, description: 'The stream', schema: ZStreamDetailSchema },
      refusals: { 404: 'No such stream' },
    },
    ({ params }) => streams.describeStream(params.id),
  );

  registerHistoryRoute(routes, { kind: 'stream', params: ZStreamIdParamsSchema, history: streams.history });

  routes.add(
    {
      method: 'get',
      path: '/api/approvals',
      tag: 'streams',
      summary:
        'What waits for me: every pending item assigned to me, escalated to me or open to my role, soonest due first, a page at a time',
      access: 'authenticated',
      query: ZApprovalsQuerySchema,
      success: {
        status: 200,
        description: 'Pending items and the cursor of the next page (null on the last)',
        schema: z.object({ approvals: z.array(ZWorkItemSchema), nextCursor: z.string().nullable() }),
      },
    },
    async ({ actor, query }) => {
      const { streamId, ...filter } = query;
      const page = await streams.pendingFor(actor, {
        ...filter,
        ...(streamId ? { workflowId: streamId } : {}),
      });
      return { approvals: page.items, nextCursor: page.nextCursor };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/reports/streams/:id',
      tag: 'reports',
      summary: 'The stored review report (复盘) of a stream: JSON, or ?format=html / ?format=csv',
      access: 'authenticated',
      params: ZStreamIdParamsSchema,
      query: ZReportQuerySchema,
      success: {
        status: 200,
        description: 'The report',
        contentTypes: ['application/json', 'text/html', 'text/csv'],
      },
      refusals: { 404: 'No report yet (it is written when the stream enters review)' },
    },
    async ({ params, query, res }) => {
      const report = await db.report.findUnique({ where: { id: reviewReportId(params.id) } });
      if (!report) {
        const known = await db.streamRecord.findUnique({ where: { id: params.id }, select: { id: true } });
        throw new AppError(
          'NOT_FOUND',
          known ? `No review report for stream ${params.id} yet` : `No stream ${params.id}`,
        );
      }
      return answerStoredReport(res, report, query.format, {
        csvName: `${params.id}-review.csv`,
        subjectKey: 'streamId',
      });
    },
  );
}
