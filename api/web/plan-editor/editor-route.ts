import type { Response } from 'express';
import { isDomainError } from '../../../domain/shared/errors';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';
import { ZStreamPlanSchema } from '../../../domain/stream/plan.types';
import type { TStreamPlan, TTeamRoster } from '../../../domain/stream/plan.types';
import type { StreamService } from '../../services/streams';
import type { PageContext } from '../context';
import { DOMAIN_ERROR_HTTP_STATUS } from '../../../domain/shared/errors';
import { send } from '../page-handler';
import type { CreatePageData } from '../pages/create-page';
import { createPage } from '../pages/create-page';
import { refusal } from '../refusal';
import { fieldErrors, lineupIssues, type TFieldErrors } from './field-errors';
import { formFromPlan, planInputFromForm, type TPlanFormValues } from './plan-form';

/** The editor's first showing: the sample plan a day ahead, with this installation's people on its roster. */
export function editorDefaults(team: Partial<TTeamRoster>, owner: string): CreatePageData['editor'] {
  const start = new Date(Math.ceil((Date.now() + 24 * 3600_000) / 3600_000) * 3600_000).toISOString();
  const plan: TStreamPlan = buildSamplePlan({ scheduledStart: start, owner });
  return { values: formFromPlan(plan, team, 'standard'), errors: new Map() };
}

/**
 * POST /streams from the plan editor: "more rows" re-shows the form with empty rows added; otherwise the typed plan is
 * judged by the plan schema here first (so each error lands beside its field, in the reader's language), then created
 * through the same service as the API.
 */
export async function submitPlanEditor(
  res: Response,
  ctx: PageContext,
  streams: StreamService,
  values: TPlanFormValues,
  others: Omit<CreatePageData, 'editor'>,
): Promise<void> {
  const show = (status: number, errors: TFieldErrors, extra: Partial<CreatePageData> = {}) =>
    send(
      res,
      status,
      createPage(ctx, { ...others, ...extra, editor: { values, errors }, errorFor: 'editor' }),
    );
  if (values.mode === 'editor-rows') {
    const more = (name: string) => String(Math.min(50, (Number(values[name]) || 1) + 2));
    values.productRows = more('productRows');
    values.segmentRows = more('segmentRows');
    show(200, new Map());
    return;
  }
  const input = planInputFromForm(values, ctx.actor);
  const parsed = ZStreamPlanSchema.safeParse(input);
  if (!parsed.success) {
    show(400, fieldErrors(ctx.t, [...parsed.error.issues, ...lineupIssues(input)], values));
    return;
  }
  try {
    const created = await streams.createStream(ctx.actor, parsed.data);
    res.locals.audit = { action: 'stream.create', target: created.id };
    res.redirect(303, `/streams/${encodeURIComponent(created.id)}?done=create`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    show(DOMAIN_ERROR_HTTP_STATUS[error.code], new Map(), { error: refusal(ctx, error) });
  }
}
