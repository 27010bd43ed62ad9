import { rolesFor } from '../../domain/shared/app-permissions';
import type { z } from 'zod';
import type { TWorkflowKind } from '../../activities/projection/projection.types';
import type { ApiRoutes } from '../http/route';

/**
 * GET /api/<kind>s/:id/history, the same route for every kind: the latest run's history in Temporal's JSON, as the
 * replay API, `audit replay --file` and Worker.runReplayHistory read it.
 */
export function registerHistoryRoute(
  routes: ApiRoutes,
  options: {
    kind: TWorkflowKind;
    params: z.ZodType<{ id: string }>;
    history: (id: string) => Promise<string>;
  },
): void {
  const { kind, params, history } = options;
  routes.add(
    {
      method: 'get',
      path: `/api/${kind}s/:id/history`,
      tag: `${kind}s`,
      summary: `The ${kind} workflow's latest run's event history in Temporal's JSON (what \`temporal workflow show -o json\` writes and Worker.runReplayHistory reads); every run: /api/audit/workflows/:id/runs`,
      access: { roles: rolesFor('audit') },
      params,
      success: { status: 200, description: 'History JSON: { events: [...] }' },
      refusals: { 404: `No such ${kind}` },
    },
    async ({ params: { id }, res }) => {
      res
        .status(200)
        .type('application/json')
        .send(await history(id));
    },
  );
}
