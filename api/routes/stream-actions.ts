import { z } from 'zod';
import { describeWho } from '../../domain/engine/action';
import { STREAM_ACTIONS } from '../../domain/stream/actions';
import { requireActor } from '../auth/middleware';
import { AppError } from '../http/api-error';
import { specToZod } from '../http/input-spec-zod';
import type { ApiRoutes } from '../http/route';
import type { StreamService } from '../services/streams';
import { ZStreamIdParamsSchema } from './streams.types';

export const ZActionResultSchema = z.object({
  action: z.string(),
  version: z.number(),
  phase: z.string(),
  paused: z.boolean(),
  events: z.array(z.object({ seq: z.number(), type: z.string(), summary: z.string() })),
  pendingItems: z.number(),
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).optional(),
});

/**
 * POST /api/streams/:id/actions/<action>, one route per registry entry: the API authenticates and passes the actor;
 * the domain (the workflow's Update validator) decides who may and when, so the API, the workflow and the web UI
 * can never disagree about a role again.
 */
export function registerStreamActionRoutes(routes: ApiRoutes, { streams }: { streams: StreamService }) {
  for (const def of STREAM_ACTIONS) {
    routes.add(
      {
        method: 'post',
        path: `/api/streams/:id/actions/${def.name}`,
        tag: 'stream actions',
        summary: def.summary,
        description:
          `Who: ${describeWho(def.who)} (admin passes, never on their own submission). ` +
          `When: ${def.phases.join(', ')}. Answers what changed (events, version, phase, next deadline); ` +
          'GET the stream for its full state. Refusals carry the workflow validator code: 403 FORBIDDEN_ROLE / ' +
          'SELF_APPROVAL, 409 INVALID_PHASE / INVALID_STATE / STALE_REVISION / ALREADY_DECIDED, 400 INVALID_INPUT.',
        access: 'authenticated',
        params: ZStreamIdParamsSchema,
        body: specToZod(def.input),
        // The Update validator parses the body with the entry's spec (the one this zod schema is made from), after
        // judging who and when: the API only authenticates and passes the actor.
        validateBody: false,
        action: `stream.${def.name}`,
        success: { status: 200, description: 'What the action changed', schema: ZActionResultSchema },
        refusals: {
          403: 'FORBIDDEN_ROLE (not who the action is for) or SELF_APPROVAL',
          404: 'No such stream',
          409: 'Refused by the workflow in its current state',
        },
      },
      ({ params, body, actor }) => streams.act(params.id, def, actor, body),
    );
  }
  routes.router.post('/api/streams/:id/actions/:action', requireActor, () => {
    throw new AppError('NOT_FOUND', `Unknown action; one of ${STREAM_ACTIONS.map((d) => d.name).join(', ')}`);
  });
}
