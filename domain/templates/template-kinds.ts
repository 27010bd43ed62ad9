import type { z } from 'zod';
import { parseStreamPlan } from '../stream/parse-plan';
import { ZStreamPlanSchema, type TStreamPlan } from '../stream/plan.types';
import { streamPlanStartingAt } from './stream-template';
import {
  campaignPlanStartingAt,
  normalizeCampaignTemplate,
  type TCampaignTemplatePlan,
} from '../campaign/campaign-template';
import { ZCampaignPlanSchema } from '../campaign/plan.schema';

/**
 * What the template store needs to know about one kind of plan. Parsing is the edge's (zod); moving is pure.
 * Workflows never import this file: templates are loaded and moved by activities and the API.
 */
export interface TTemplateKind<TPlan> {
  /** The plan as a person writes it: judges a submitted plan (issues named by field) and documents it (OpenAPI). */
  planSchema: z.ZodType;
  /** Parses a stored or submitted plan; throws DomainError INVALID_INPUT naming the field. */
  parsePlan(input: unknown): TPlan;
  /** What lists show, and the anchor a new start replaces. */
  describe(plan: TPlan): { title: string; startIso: string; timeZone: string };
  /** The plan anchored at a new instant, every instant keeping its local wall-clock time in the plan's zone. */
  startingAt(plan: TPlan, startIso: string): TPlan;
}

const streamTemplate: TTemplateKind<TStreamPlan> = {
  planSchema: ZStreamPlanSchema,
  parsePlan: parseStreamPlan,
  describe: (plan) => ({ title: plan.title, startIso: plan.scheduledStart, timeZone: plan.timeZone }),
  startingAt: streamPlanStartingAt,
};

const campaignTemplate: TTemplateKind<TCampaignTemplatePlan> = {
  planSchema: ZCampaignPlanSchema,
  parsePlan: normalizeCampaignTemplate,
  describe: (plan) => ({ title: plan.name, startIso: plan.windows.preheatStart, timeZone: plan.timeZone }),
  startingAt: campaignPlanStartingAt,
};

/**
 * The registration point of template kinds: one entry per kind of plan that can be saved and reused. Campaign
 * templates join here (`campaign: campaignTemplate`) and every route, list and form picks them up.
 */
export const TEMPLATE_KINDS = {
  stream: streamTemplate,
  campaign: campaignTemplate,
} as const;

export type TTemplateKindName = keyof typeof TEMPLATE_KINDS;
export type TTemplatePlan<K extends TTemplateKindName> =
  (typeof TEMPLATE_KINDS)[K] extends TTemplateKind<infer P> ? P : never;

export const TEMPLATE_KIND_NAMES = Object.keys(TEMPLATE_KINDS) as [TTemplateKindName, ...TTemplateKindName[]];

export function isTemplateKind(kind: string): kind is TTemplateKindName {
  return Object.hasOwn(TEMPLATE_KINDS, kind);
}
