import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import type { AuditService } from '../audit/audit-service';
import {
  ZReplayBodySchema,
  ZReplayReportSchema,
  ZRunParamsSchema,
  ZRunSummarySchema,
  ZStateQuerySchema,
  ZTimelineQuerySchema,
  ZWorkflowIdParamsSchema,
  ZWorkflowQuerySchema,
  ZWorkflowSelectionQuerySchema,
  ZWorkflowSummarySchema,
} from '../audit/audit.types';
import { redactUrl } from '../http/secret-params';
import type { ApiRoutes } from '../http/route';
import { notificationsCsv, timelineCsv } from '../audit/workflow-audit';

/** Auditors read and verify; managers may too. Nobody else exports or replays. */
const AUDIT_ROLES = rolesFor('audit');
const access = { roles: AUDIT_ROLES };
/** Histories sent along for replay are large (a stream's is ~100 KB to a few MB); other bodies keep the usual limit. */
export const AUDIT_REPLAY_BODY_LIMIT = '20mb';
const NOT_FOUND = { 404: 'No such workflow (or run)' };

const csvName = (workflowId: string, what: string) => `${workflowId.replace(/[^\w.-]/g, '_')}-${what}.csv`;

/** /api/audit/...: export, replay, point-in-time state and the audit log's chain, for auditors and managers. */
export function registerAuditRoutes(routes: ApiRoutes, { audit }: { audit: AuditService }) {
  routes.add(
    {
      method: 'get',
      path: '/api/audit/verify',
      tag: 'audit',
      summary: "Check the audit log's hash chain; names the first row that was changed or removed",
      access,
      success: {
        status: 200,
        description: '`ok`, rows checked, the chain head, and `firstBroken` (id, reason) when it is broken',
      },
    },
    () => audit.verify(),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows',
      tag: 'audit',
      summary: "Workflows by kind, phase, owner, start and scheduled start, from Temporal's visibility store",
      access,
      query: ZWorkflowQuerySchema,
      success: {
        status: 200,
        description: 'Matching workflows, newest first; `more` when the limit cut the list',
        schema: z.object({ workflows: z.array(ZWorkflowSummarySchema), more: z.boolean() }),
      },
    },
    ({ query }) => audit.listWorkflows(query),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows/:id/runs',
      tag: 'audit',
      summary: 'Every run of a workflow (continue-as-new), oldest first, with what each shipped',
      access,
      params: ZWorkflowIdParamsSchema,
      success: {
        status: 200,
        description:
          'Runs with status, history length, the events first applied in each and the carried-state check',
        schema: z.object({
          runs: z.array(
            ZRunSummarySchema.omit({ closeTime: true }).extend({
              lastEventTime: z.string(),
              firstSeq: z.number().optional(),
              lastSeq: z.number().optional(),
              carriedStateMatches: z.boolean().optional(),
              problems: z.array(z.string()),
            }),
          ),
        }),
      },
      refusals: NOT_FOUND,
    },
    async ({ params }) => ({ runs: await audit.runs(params.id) }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows/:id/runs/:runId/history',
      tag: 'audit',
      summary:
        "One run's event history in Temporal's JSON: what `temporal workflow show -o json` writes and Worker.runReplayHistory reads",
      access,
      params: ZRunParamsSchema,
      success: { status: 200, description: 'History JSON: { events: [...] }' },
      refusals: NOT_FOUND,
    },
    async ({ params, res }) => {
      res
        .status(200)
        .type('application/json')
        .send(await audit.runHistoryJson(params.id, params.runId));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows/:id/timeline',
      tag: 'audit',
      summary:
        'Every domain event from the history: who, when, type, the phase it moved and its details (JSON or CSV)',
      access,
      params: ZWorkflowIdParamsSchema,
      query: ZTimelineQuerySchema,
      success: { status: 200, description: 'Timeline rows', contentTypes: ['application/json', 'text/csv'] },
      refusals: NOT_FOUND,
    },
    async ({ params, query, res }) => {
      const rows = await audit.timeline(params.id);
      if (query.format === 'json') return { events: rows };
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(csvName(params.id, 'timeline'))
        .send(timelineCsv(rows));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows/:id/notifications',
      tag: 'audit',
      summary: 'Every notification of a workflow with its outbox status (JSON or CSV)',
      access,
      params: ZWorkflowIdParamsSchema,
      query: ZTimelineQuerySchema,
      success: {
        status: 200,
        description: 'Notifications, oldest first',
        contentTypes: ['application/json', 'text/csv'],
      },
    },
    async ({ params, query, res }) => {
      const rows = await audit.notifications(params.id);
      if (query.format === 'json') return { notifications: rows };
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(csvName(params.id, 'notifications'))
        .send(notificationsCsv(rows));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/workflows/:id/state',
      tag: 'audit',
      summary:
        'The state as of a history event id (of a run; default the last run) or an instant, rebuilt from the history by the domain reducer',
      description: 'Without eventId and at: the state after the last event of the last run.',
      access,
      params: ZWorkflowIdParamsSchema,
      query: ZStateQuerySchema,
      success: {
        status: 200,
        description: 'The point, the state there, and how it reads (phase, pending items, deadlines)',
      },
      refusals: NOT_FOUND,
    },
    ({ params, query }) =>
      audit.stateAt(
        params.id,
        query.at !== undefined
          ? { at: query.at }
          : {
              ...(query.runId ? { runId: query.runId } : {}),
              eventId: query.eventId ?? Number.MAX_SAFE_INTEGER,
            },
      ),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit/export',
      tag: 'audit',
      summary:
        'Export a bundle (zip): every run history (Temporal JSON), the domain timeline and notifications (JSON, CSV), and manifest.json with SHA-256 digests, the audit chain head, who and when',
      description:
        'Workflows by id (`workflowId`, repeatable) or by query. The export is written to the audit log before the chain head is read, so the head covers it. Header `X-Manifest-SHA256`: the digest of manifest.json.',
      access,
      query: ZWorkflowSelectionQuerySchema,
      success: { status: 200, description: 'The bundle', contentTypes: ['application/zip'] },
      refusals: { 404: 'No workflow matches the selection' },
    },
    async ({ query, actor, req, res }) => {
      const { zip, manifest, manifestSha256 } = await audit.exportBundle(query, {
        id: actor.id,
        roles: actor.roles,
        via: 'api',
        requestId: String(req.id ?? ''),
        path: redactUrl(req.originalUrl),
        ip: req.ip ?? null,
      });
      const stamp = manifest.exportedAt.replace(/[:.]/g, '-');
      res
        .status(200)
        .type('application/zip')
        .attachment(`liveops-audit-${stamp}.zip`)
        .set('X-Manifest-SHA256', manifestSha256)
        .send(Buffer.from(zip));
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/audit/replay',
      tag: 'audit',
      summary:
        'Replay histories against the current workflow code: by workflow id, by query, or histories sent along (Temporal JSON)',
      description:
        'Changes nothing (a POST for its body). Each run is ok, or the determinism violation with the history event where the code diverged.',
      access,
      body: ZReplayBodySchema,
      action: 'audit.replay',
      success: { status: 200, description: 'One result per run', schema: ZReplayReportSchema },
      refusals: NOT_FOUND,
    },
    ({ body }) => audit.replay(body),
  );
}
