import { z } from 'zod';
import { describeWho, isAuditorOnly, type TWhoClause } from '../../domain/engine/action';
import type { TInputSpec } from '../../domain/engine/input-spec';
import type { TActor } from '../../domain/shared/actor.types';
import { requireActor } from '../auth/middleware';
import { AppError } from '../http/api-error';
import { specToZod } from '../http/input-spec-zod';
import type { ApiRoutes } from '../http/route';
import type { TActionResult } from '../../workflows/engine/action-updates';

export const ZActionResultSchema = z.object({
  action: z.string(),
  version: z.number(),
  phase: z.string(),
  paused: z.boolean(),
  events: z.array(z.object({ seq: z.number(), type: z.string(), summary: z.string() })),
  pendingItems: z.number(),
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).optional(),
});

interface TRouteActionDef {
  name: string;
  summary: string;
  input: TInputSpec;
  phases: readonly string[];
  who: readonly TWhoClause<string>[];
}

/**
 * POST /api/<kind>s/:id/actions/<action>, one route per registry entry: the API authenticates and passes the actor;
 * the domain (the workflow's Update validator) decides who may and when, so the API, the workflow and the web UI
 * can never disagree about a role.
 */
export function registerActionRoutes<D extends TRouteActionDef>(
  routes: ApiRoutes,
  options: {
    kind: 'stream' | 'campaign';
    registry: readonly D[];
    params: z.ZodType<{ id: string }>;
    act: (id: string, def: D, actor: TActor, input: unknown) => Promise<TActionResult>;
  },
): void {
  const { kind, registry } = options;
  const base = `/api/${kind}s/:id/actions`;
  for (const def of registry) {
    routes.add(
      {
        method: 'post',
        path: `${base}/${def.name}`,
        tag: `${kind} actions`,
        summary: def.summary,
        description:
          `Who: ${describeWho(def.who)} (admin passes, never on their own submission). ` +
          `When: ${def.phases.join(', ')}. Answers what changed (events, version, phase, next deadline); ` +
          `GET the ${kind} for its full state. Refusals carry the workflow validator code: 403 FORBIDDEN_ROLE / ` +
          'SELF_APPROVAL, 409 INVALID_PHASE / INVALID_STATE / STALE_REVISION / ALREADY_DECIDED, 400 INVALID_INPUT.',
        access: 'authenticated',
        params: options.params,
        body: specToZod(def.input),
        // The Update validator parses the body with the entry's spec (the one this zod schema is made from), after
        // judging who and when: the API only authenticates and passes the actor.
        validateBody: false,
        action: `${kind}.${def.name}`,
        success: { status: 200, description: 'What the action changed', schema: ZActionResultSchema },
        refusals: {
          403: 'FORBIDDEN_ROLE (not who the action is for) or SELF_APPROVAL',
          404: `No such ${kind}`,
          409: 'Refused by the workflow in its current state',
        },
      },
      ({ params, body, actor }) => {
        // Refused here too, before the id is looked up: an auditor learns nothing and the workflow is not asked.
        if (isAuditorOnly(actor))
          throw new AppError(
            'FORBIDDEN_ROLE',
            `${def.name} is for ${describeWho(def.who)}; auditors change nothing`,
          );
        return options.act((params as { id: string }).id, def, actor, body);
      },
    );
  }
  routes.router.post(`${base}/:action`, requireActor, () => {
    throw new AppError('NOT_FOUND', `Unknown action; one of ${registry.map((d) => d.name).join(', ')}`);
  });
}
