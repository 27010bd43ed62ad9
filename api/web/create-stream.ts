import { z } from 'zod';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TStreamPlan, TTeamRoster } from '../../domain/stream/plan.types';
import type { TTimingPolicyInput } from '../../domain/stream/timing-policy.types';

/**
 * Compressed timings so a new user can watch a whole stream within minutes: preheat starts 15 minutes before the live
 * (at once, for a stream starting sooner, as soon as the gates pass), reminders every couple of minutes, a two-minute
 * tail. The standard profile is the plan's defaults (hours, days).
 */
export const DEMO_TIMING: TTimingPolicyInput = {
  preheatLeadSeconds: 15 * 60,
  gateCutoffBeforeStartSeconds: 2 * 60,
  approvalSlaSeconds: 5 * 60,
  approvalReminderIntervalSeconds: 2 * 60,
  checklistReminderOffsetsSeconds: [5 * 60, 60],
  checklistDueBeforeStartSeconds: 60,
  tailDurationSeconds: 2 * 60,
  reviewSignoffReminderIntervalSeconds: 10 * 60,
  reviewSignoffSlaSeconds: 60 * 60,
  metricNoDataSeconds: 3 * 60,
  alertCooldownSeconds: 2 * 60,
};

export const ZSampleStreamFormSchema = z.object({
  title: z.string().trim().min(1).max(200),
  startInMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60),
  durationMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  timing: z.enum(['demo', 'standard']),
});
export type TSampleStreamForm = z.infer<typeof ZSampleStreamFormSchema>;

export const SAMPLE_FORM_DEFAULTS: TSampleStreamForm = {
  title: '冬季护肤专场',
  startInMinutes: 10,
  durationMinutes: 10,
  timing: 'demo',
};

const isoInMinutes = (minutes: number): string =>
  new Date(Math.ceil((Date.now() + minutes * 60_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The sample plan (domain/stream/sample-plan.ts) with the form's title, start, duration and timing profile, and the
 * installation's own people on the roster where it matters (see sample-team.ts).
 */
export function planFromSampleForm(body: unknown, actor: TActor, team: Partial<TTeamRoster>): TStreamPlan {
  const form = parseInput(ZSampleStreamFormSchema, body, 'sample stream form');
  const plan = buildSamplePlan({
    scheduledStart: isoInMinutes(form.startInMinutes),
    owner: actor.id,
    ...(form.timing === 'demo' ? { timing: DEMO_TIMING } : {}),
  });
  return {
    ...plan,
    title: form.title,
    plannedDurationMinutes: form.durationMinutes,
    team: { ...plan.team, ...team },
  };
}

/** The sample plan as editable JSON: a day ahead, standard timings, owned by whoever is looking. */
export function samplePlanJson(actor: TActor, team: Partial<TTeamRoster>): string {
  const plan = buildSamplePlan({ scheduledStart: isoInMinutes(24 * 60), owner: actor.id });
  return JSON.stringify({ ...plan, team: { ...plan.team, ...team } }, null, 2);
}

export function parsePlanJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
