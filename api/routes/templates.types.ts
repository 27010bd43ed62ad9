import { z } from 'zod';
import { ZDateOnlySchema, ZIsoInstantSchema } from '../../domain/shared/time.schema';
import { isLocalDateTime } from '../../domain/templates/new-start';
import {
  TEMPLATE_KIND_NAMES,
  TEMPLATE_KINDS,
  type TTemplateKindName,
} from '../../domain/templates/template-kinds';
import { ZStreamIdSchema } from './streams.types';

export const ZTemplateIdSchema = z
  .string()
  .regex(/^[\w-]{1,64}$/, 'a template id: letters, digits, _ and - (at most 64)');
export const ZTemplateIdParamsSchema = z.object({ id: ZTemplateIdSchema });

const ZTemplateNameSchema = z.string().trim().min(1).max(200);
export const ZTemplateKindSchema = z.enum(TEMPLATE_KIND_NAMES);

/** What a template of one kind is saved from: its name and its plan, written as that kind's plans are written. */
const templateBodyOf = <K extends TTemplateKindName>(kind: K) =>
  z.object({
    // A body without a kind is a stream template (templates were of streams only at first).
    kind: kind === 'stream' ? z.literal(kind).default(kind) : z.literal(kind),
    name: ZTemplateNameSchema,
    plan: TEMPLATE_KINDS[kind].planSchema,
  });

/**
 * A plan saved as a template, by kind, each plan judged and documented by its kind's own schema (issues named under
 * `plan`); the store keeps the plan as it was written (domain/templates/template-kinds.ts).
 */
export const ZSaveTemplateBodySchema = z.discriminatedUnion(
  'kind',
  TEMPLATE_KIND_NAMES.map(templateBodyOf) as [ReturnType<typeof templateBodyOf>],
);
export const ZSaveCampaignTemplateBodySchema = z.object({
  campaignId: ZStreamIdSchema,
  /** Default: the campaign's name. */
  name: ZTemplateNameSchema.optional(),
});

export const ZSaveStreamTemplateBodySchema = z.object({
  streamId: ZStreamIdSchema,
  /** Default: the stream's title. */
  name: ZTemplateNameSchema.optional(),
});

export const ZLocalDateTimeSchema = z
  .string()
  .trim()
  .refine(isLocalDateTime, { message: 'Expected a local date-time YYYY-MM-DDTHH:MM, e.g. 2027-03-10T20:00' });

/** Exactly one way of saying the new start (domain/templates/new-start.ts). */
export const ZNewStartFieldsSchema = z.object({
  /** An instant with offset. */
  start: ZIsoInstantSchema.optional(),
  /** A local date-time in the template's zone. */
  localStart: ZLocalDateTimeSchema.optional(),
  /** A date: the template's own local time of day on it. */
  date: ZDateOnlySchema.optional(),
});

export const ZCreateFromTemplateBodySchema = ZNewStartFieldsSchema.extend({
  /** The new stream's id (default: stream-<uuid>). */
  id: ZStreamIdSchema.optional(),
}).superRefine((body, ctx) => {
  const given = (['start', 'localStart', 'date'] as const).filter((key) => body[key] !== undefined);
  if (given.length !== 1)
    ctx.addIssue({
      code: 'custom',
      path: given.length === 0 ? ['start'] : [given[1]!],
      message: 'Give exactly one of start, localStart or date',
    });
});

export const ZTemplateListQuerySchema = z.object({ kind: ZTemplateKindSchema.optional() });

export const ZTemplateSummarySchema = z.object({
  id: z.string(),
  kind: ZTemplateKindSchema,
  name: z.string(),
  title: z.string(),
  startIso: z.string(),
  timeZone: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  source: z.string().nullable(),
  /** The stored plan no longer passes today's plan rules (save it again). */
  problem: z.string().optional(),
});

export const ZTemplateDetailSchema = ZTemplateSummarySchema.extend({ plan: z.unknown() });
