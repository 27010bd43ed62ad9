import type { z } from 'zod';
import type { TAppRole } from '../../domain/shared/actor.types';
import * as inputs from '../../domain/stream/commands.types';
import { STREAM_ACTIONS, type StreamActionName } from '../../workflows/stream/messages';
import { requireActor } from '../auth/middleware';
import { AppError } from '../http/api-error';
import type { ApiRoutes } from '../http/route';
import type { StreamService } from '../services/streams';
import { ZStreamDetailSchema, ZStreamIdParamsSchema } from './streams.types';

interface ActionRoute {
  input: z.ZodType;
  /** Checked at the API; the workflow's validator checks roles, roster and separation of duties again. */
  roles: readonly TAppRole[];
  summary: string;
}

/** Every human action of the stream workflow, with who may call it. Admin passes every role check. */
export const STREAM_ACTION_ROUTES: Record<StreamActionName, ActionRoute> = {
  'submit-script': {
    input: inputs.ZSubmitScriptInputSchema,
    roles: ['operator'],
    summary: 'Submit a script revision (scanned, then reviewed)',
  },
  'decide-script': {
    input: inputs.ZDecideScriptInputSchema,
    roles: ['reviewer'],
    summary: 'Approve or reject a script revision (never your own)',
  },
  'decide-product': {
    input: inputs.ZDecideProductInputSchema,
    roles: ['reviewer'],
    summary: "Approve or reject a product's qualification documents",
  },
  'sign-checklist': {
    input: inputs.ZSignChecklistInputSchema,
    roles: ['operator', 'manager'],
    summary: 'Sign the pre-live checklist (room operator on the roster, or a manager)',
  },
  'record-incident': {
    input: inputs.ZRecordIncidentInputSchema,
    roles: ['operator', 'manager'],
    summary: 'Record an incident (interruption, complaint, content violation)',
  },
  extend: { input: inputs.ZExtendInputSchema, roles: ['manager'], summary: 'Extend the live phase' },
  'end-early': {
    input: inputs.ZEndEarlyInputSchema,
    roles: ['manager'],
    summary: 'End the live phase early',
  },
  pause: {
    input: inputs.ZPauseInputSchema,
    roles: ['manager'],
    summary: 'Pause: deadlines move back by the pause',
  },
  resume: { input: inputs.ZResumeInputSchema, roles: ['manager'], summary: 'Resume a paused stream' },
  advance: {
    input: inputs.ZAdvanceInputSchema,
    roles: ['manager'],
    summary: 'Override: move to another phase',
  },
  reschedule: {
    input: inputs.ZRescheduleInputSchema,
    roles: ['manager'],
    summary: 'Move the scheduled start (before going live)',
  },
  cancel: { input: inputs.ZCancelInputSchema, roles: ['manager'], summary: 'Cancel the stream' },
  'sign-review': { input: inputs.ZSignReviewInputSchema, roles: ['manager'], summary: 'Sign the review off' },
};

/** POST /api/streams/:id/actions/<action>: runs the action as a Workflow Update with the signed-in actor. */
export function registerStreamActionRoutes(routes: ApiRoutes, { streams }: { streams: StreamService }) {
  for (const name of Object.keys(STREAM_ACTIONS) as StreamActionName[]) {
    const spec = STREAM_ACTION_ROUTES[name];
    routes.add(
      {
        method: 'post',
        path: `/api/streams/:id/actions/${name}`,
        tag: 'stream actions',
        summary: spec.summary,
        description:
          'Returns the new state. Refusals carry the workflow validator code: 403 FORBIDDEN_ROLE / SELF_APPROVAL, ' +
          '409 INVALID_PHASE / INVALID_STATE / STALE_REVISION / ALREADY_DECIDED, 400 INVALID_INPUT.',
        access: { roles: spec.roles },
        params: ZStreamIdParamsSchema,
        body: spec.input,
        action: `stream.${name}`,
        success: { status: 200, description: 'The stream after the action', schema: ZStreamDetailSchema },
        refusals: { 404: 'No such stream', 409: 'Refused by the workflow in its current state' },
      },
      async ({ params, body, actor }) =>
        streams.describeState(await streams.act(params.id, name, actor, body)),
    );
  }
  routes.router.post('/api/streams/:id/actions/:action', requireActor, () => {
    throw new AppError('NOT_FOUND', `Unknown action; one of ${Object.keys(STREAM_ACTIONS).join(', ')}`);
  });
}
