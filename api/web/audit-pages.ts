import type { Request, RequestHandler, Router } from 'express';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { isDomainError } from '../../domain/shared/errors';
import type { TCheckpoint } from '../../domain/audit/reconstruct';
import type { AuditService, TReplayReport } from '../audit/audit-service';
import { ZWorkflowIdSchema, ZWorkflowQuerySchema } from '../audit/audit.types';
import { runOverviews, type TWorkflowAudit } from '../audit/workflow-audit';
import { rolesFor } from '../../domain/shared/app-permissions';
import type { PageContext } from './context';
import type { createPageHandler } from './page-handler';
import { send } from './page-handler';
import { auditPage, type TAuditFilter } from './pages/audit-page';
import { auditWorkflowPage, type TAuditStep } from './pages/audit-workflow-page';
import { errorPage } from './pages/error-page';
import type { PageError } from './refusal';

const FILTER_KEYS = ['kind', 'phase', 'owner', 'startedFrom', 'startedTo'] as const;

function filterOf(source: Record<string, unknown>): TAuditFilter {
  const filter: TAuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') filter[key] = value.trim();
  }
  return filter;
}

const picksOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (id): id is string => typeof id === 'string' && ZWorkflowIdSchema.safeParse(id).success,
  );

/** One step per history event that changed the state: a run's start, and each shipment of domain events. */
function stepsOf(audit: TWorkflowAudit): Array<{ step: TAuditStep; checkpoint: TCheckpoint<unknown> }> {
  const steps: Array<{ step: TAuditStep; checkpoint: TCheckpoint<unknown> }> = [];
  for (const checkpoint of audit.folded.checkpoints) {
    const last = steps.at(-1);
    const label = checkpoint.event ? audit.kind.summarize(checkpoint.event) : 'run start';
    if (
      last &&
      last.step.runId === checkpoint.runId &&
      last.step.historyEventId === checkpoint.historyEventId
    ) {
      last.step.label = `${last.step.label}; ${label}`;
      last.checkpoint = checkpoint;
      continue;
    }
    steps.push({
      checkpoint,
      step: {
        runId: checkpoint.runId,
        runIndex: checkpoint.runIndex,
        historyEventId: checkpoint.historyEventId,
        eventTime: checkpoint.eventTime,
        label,
        ...(checkpoint.event ? { actorId: checkpoint.event.actor.id } : {}),
      },
    });
  }
  return steps;
}

/**
 * The auditor's pages: /audit (the chain's state, workflows by visibility query, replay the picked ones, export) and
 * /audit/workflows/:id (step through a workflow's timeline with the state rebuilt at each step).
 */
export function registerAuditPages(
  router: Router,
  deps: { audit: AuditService; page: ReturnType<typeof createPageHandler>; forms: RequestHandler },
) {
  const { audit, page, forms } = deps;
  const allowed = (ctx: PageContext) => hasAnyRole(ctx.actor, rolesFor('audit'));
  const forbidden = (ctx: PageContext) => errorPage(ctx, 403, `needs role ${rolesFor('audit').join(' or ')}`);

  async function render(
    ctx: PageContext,
    filter: TAuditFilter,
    extra: { picked?: string[]; replay?: TReplayReport; error?: PageError },
  ) {
    const parsed = ZWorkflowQuerySchema.safeParse(filter);
    let error = extra.error;
    let found = {
      workflows: [] as Awaited<ReturnType<AuditService['listWorkflows']>>['workflows'],
      more: false,
    };
    if (!parsed.success)
      error ??= parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    else
      try {
        found = await audit.listWorkflows(parsed.data);
      } catch (caught) {
        if (!isDomainError(caught)) throw caught;
        error ??= caught.message;
      }
    return auditPage(ctx, {
      chain: await audit.verify(),
      filter,
      workflows: found.workflows,
      more: found.more,
      picked: extra.picked ?? [],
      ...(extra.replay ? { replay: extra.replay } : {}),
      ...(error ? { error } : {}),
    });
  }

  router.get(
    '/audit',
    page(async (req: Request, res, ctx) => {
      if (!allowed(ctx)) return send(res, 403, forbidden(ctx));
      send(res, 200, await render(ctx, filterOf(req.query), {}));
    }),
  );

  router.post(
    '/audit/replay',
    forms,
    page(async (req, res, ctx) => {
      res.locals.audit = { action: 'audit.replay' };
      if (!allowed(ctx)) return send(res, 403, forbidden(ctx));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const picked = picksOf(body.workflowId);
      const filter = filterOf(body);
      if (picked.length === 0)
        return send(res, 400, await render(ctx, filter, { error: ctx.t('audit.pickSome') }));
      const replay = await audit.replay({ workflowIds: picked });
      send(res, 200, await render(ctx, filter, { picked, replay }));
    }),
  );

  router.get(
    '/audit/workflows/:id',
    page(async (req, res, ctx) => {
      if (!allowed(ctx)) return send(res, 403, forbidden(ctx));
      const id = ZWorkflowIdSchema.safeParse(req.params.id);
      if (!id.success) return send(res, 404, errorPage(ctx, 404, `No workflow ${String(req.params.id)}`));
      const loaded = await audit.loadWorkflowAudit(id.data);
      const steps = stepsOf(loaded);
      const runId = typeof req.query.run === 'string' ? req.query.run : undefined;
      const eventId = Number(req.query.event);
      const matches = (s: (typeof steps)[number]) =>
        (runId === undefined || s.step.runId === runId) &&
        (!Number.isFinite(eventId) || s.step.historyEventId <= eventId);
      const chosen = steps.reduce((found, s, index) => (matches(s) ? index : found), -1);
      const current = chosen >= 0 ? chosen : steps.length - 1;
      const point = steps[current];
      const state = point?.checkpoint.state;
      send(
        res,
        200,
        auditWorkflowPage(ctx, {
          workflowId: loaded.workflowId,
          kind: loaded.kind.kind,
          runs: runOverviews(loaded),
          steps: steps.map((s) => ({
            ...s.step,
            ...(s.checkpoint.state === undefined ? {} : { phase: loaded.kind.phaseOf(s.checkpoint.state) }),
          })),
          current,
          view: point && state !== undefined ? loaded.kind.view(state, point.step.eventTime) : null,
        }),
      );
    }),
  );
}
