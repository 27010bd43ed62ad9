import { z } from 'zod';
import { ZProductCategorySchema } from '../compliance/product-categories.types';
import { ZIsoInstantSchema, ZTimeZoneSchema } from '../shared/time.schema';
import { ZTimingPolicySchema } from './timing-policy.types';
import { BOUND_WORDS } from '../engine/input-spec';

import { PLATFORMS, SCRIPT_BOUNDS, SEGMENT_KINDS, STREAM_ROLES } from './plan.constants';

export { PLATFORMS, SEGMENT_KINDS, STREAM_ROLES };
export const ZPlatformSchema = z.enum(PLATFORMS);

export const ZStreamRoleSchema = z.enum(STREAM_ROLES);
export type TStreamRole = z.infer<typeof ZStreamRoleSchema>;

/**
 * Bounds so that whatever a plan says fits what the workflow does with it: ids and names end up in notifications
 * (a person field holds at most 100 characters, a title 200), numbers in KPI math and dates, lists in fan-outs.
 */
const PERSON_MAX = 100;
const KEY_MAX = 64;
const LABEL_MAX = 200;
const LIST_MAX = 200;
const DAY_MINUTES = 24 * 60;
/** Yuan, viewers, units: far above any real stream, far below where sums lose precision. */
const AMOUNT_MAX = 1e12;
const COUNT_MAX = 1e9;

export const ZTeamMemberSchema = z.object({
  /** Matches an actor id (user id or email) so roster membership can be checked against who is acting. */
  id: z.string().trim().min(1).max(PERSON_MAX),
  name: z.string().trim().min(1).max(PERSON_MAX),
  email: z.email().max(254).optional(),
  /** Name of a configured chat webhook channel, never the URL itself: secrets stay out of workflow history. */
  chatChannel: z.string().trim().min(1).max(PERSON_MAX).optional(),
});
export type TTeamMember = z.infer<typeof ZTeamMemberSchema>;

const members = () => z.array(ZTeamMemberSchema).max(50).default([]);
export const ZTeamRosterSchema = z.object({
  host: members(),
  co_host: members(),
  room_operator: members(),
  reviewer: members(),
  promoter: members(),
  customer_service: members(),
  analyst: members(),
  manager: members(),
});
export type TTeamRoster = z.infer<typeof ZTeamRosterSchema>;

/**
 * Document fields are deliberately lenient (empty strings and odd dates parse): merchants send documents of varying
 * quality, and the product gate, not plan intake, is where they are judged and the evidence recorded.
 */
export const ZProductDocumentSchema = z.object({
  issuer: z.string().max(LABEL_MAX),
  number: z.string().max(LABEL_MAX),
  /** Last valid day, local to the plan's time zone. */
  expiresOn: z.string().max(KEY_MAX),
});
export type TProductDocument = z.infer<typeof ZProductDocumentSchema>;

/** healthFoodApproval: 保健食品 注册证书/备案凭证 (蓝帽子); registration: 特殊化妆品 or 医疗器械 注册证. */
export { PRODUCT_DOCUMENT_KINDS, type TProductDocumentKind } from './plan.constants';

export const ZProductSchema = z.object({
  sku: z.string().trim().min(1).max(KEY_MAX),
  name: z.string().trim().min(1).max(LABEL_MAX),
  category: ZProductCategorySchema.default('other'),
  /** Yuan. */
  price: z.number().nonnegative().max(AMOUNT_MAX),
  /** Yuan: the documented "was" price (lowest of the previous 7 days, or a labelled list price) that backs 原价 claims. */
  referencePrice: z.number().nonnegative().max(AMOUNT_MAX).optional(),
  stock: z.number().int().nonnegative().max(COUNT_MAX),
  /** What a rejected product does to the stream: drop it from the lineup, or block the whole stream (hero product). */
  onReject: z.enum(['drop', 'block']).default('drop'),
  documents: z
    .object({
      qualityInspection: ZProductDocumentSchema.optional(),
      traceability: ZProductDocumentSchema.optional(),
      healthFoodApproval: ZProductDocumentSchema.optional(),
      registration: ZProductDocumentSchema.optional(),
    })
    .default({}),
});
export type TProduct = z.infer<typeof ZProductSchema>;

/** Within SCRIPT_BOUNDS, which `submit-script` holds every later revision to, worded as the action words them. */
const { keyMax, textMax, plannedMinutes } = SCRIPT_BOUNDS;
export const ZScriptSegmentSchema = z.object({
  id: z.string().trim().min(1).max(keyMax),
  kind: z.enum(SEGMENT_KINDS),
  productSku: z.string().trim().min(1).max(keyMax).optional(),
  text: z.string().max(textMax),
  plannedMinutes: z
    .number()
    .min(plannedMinutes.min, BOUND_WORDS.atLeast(plannedMinutes.min))
    .max(plannedMinutes.max, BOUND_WORDS.atMost(plannedMinutes.max)),
});
export type TScriptSegment = z.infer<typeof ZScriptSegmentSchema>;

/** Minutes after live start; interactions are planned against the run of show, not the wall clock. */
const offsetMinutes = z.number().nonnegative().max(DAY_MINUTES);
export const ZInteractionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('lucky_bag'),
    offsetMinutes,
    prize: z.string().min(1).max(LABEL_MAX),
    quantity: z.number().int().positive().max(COUNT_MAX),
  }),
  z.object({
    kind: z.literal('lottery'),
    offsetMinutes,
    prize: z.string().min(1).max(LABEL_MAX),
    winners: z.number().int().positive().max(COUNT_MAX),
  }),
  z.object({
    kind: z.literal('red_packet_rain'),
    offsetMinutes,
    budget: z.number().positive().max(AMOUNT_MAX),
  }),
  z.object({
    kind: z.literal('flash_sale'),
    offsetMinutes,
    sku: z.string().trim().min(1).max(KEY_MAX),
    price: z.number().nonnegative().max(AMOUNT_MAX),
    quantity: z.number().int().positive().max(COUNT_MAX),
    durationMinutes: z.number().positive().max(DAY_MINUTES),
  }),
]);
export type TInteraction = z.infer<typeof ZInteractionSchema>;

export const ZTargetsSchema = z.object({
  viewers: z.number().nonnegative().max(AMOUNT_MAX).optional(),
  peakConcurrent: z.number().nonnegative().max(AMOUNT_MAX).optional(),
  gmv: z.number().nonnegative().max(AMOUNT_MAX).optional(),
  /** A ratio (0.035 = 3.5%), never a percentage, so KPI math needs no unit guessing. */
  conversionRate: z.number().min(0).max(1).optional(),
  newFollowers: z.number().nonnegative().max(AMOUNT_MAX).optional(),
});
export type TTargets = z.infer<typeof ZTargetsSchema>;

export const ZChecklistItemSchema = z.object({
  id: z.string().trim().min(1).max(KEY_MAX),
  label: z.string().trim().min(1).max(LABEL_MAX),
});
export const DEFAULT_CHECKLIST = [
  { id: 'equipment', label: '设备调试 Equipment check (camera, lights, microphones)' },
  { id: 'network', label: '网络测试 Network test (upload bandwidth, backup line)' },
  { id: 'backup-plan', label: '备用方案 Backup plan (spare device, stand-in host)' },
];

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

export const ZStreamPlanSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    theme: z.string().trim().max(500).optional(),
    platforms: z.array(ZPlatformSchema).min(1).max(PLATFORMS.length),
    scheduledStart: ZIsoInstantSchema,
    timeZone: ZTimeZoneSchema.default('Asia/Shanghai'),
    plannedDurationMinutes: z.number().int().positive().max(DAY_MINUTES),
    owner: z.string().trim().min(1).max(PERSON_MAX),
    team: ZTeamRosterSchema.prefault({}),
    products: z.array(ZProductSchema).max(LIST_MAX).default([]),
    script: z.array(ZScriptSegmentSchema).max(SCRIPT_BOUNDS.segmentsMax).default([]),
    interactions: z.array(ZInteractionSchema).max(LIST_MAX).default([]),
    targets: ZTargetsSchema.default({}),
    checklist: z.array(ZChecklistItemSchema).min(1).max(50).default(DEFAULT_CHECKLIST),
    timing: ZTimingPolicySchema.prefault({}),
  })
  .superRefine((plan, ctx) => {
    const skus = plan.products.map((product) => product.sku);
    for (const sku of duplicates(skus))
      ctx.addIssue({ code: 'custom', path: ['products'], message: `Duplicate sku ${sku}` });
    for (const id of duplicates(plan.script.map((segment) => segment.id)))
      ctx.addIssue({ code: 'custom', path: ['script'], message: `Duplicate segment id ${id}` });
    for (const id of duplicates(plan.checklist.map((item) => item.id)))
      ctx.addIssue({ code: 'custom', path: ['checklist'], message: `Duplicate checklist item ${id}` });
    plan.script.forEach((segment, index) => {
      if (segment.productSku !== undefined && !skus.includes(segment.productSku))
        ctx.addIssue({
          code: 'custom',
          path: ['script', index, 'productSku'],
          message: `Unknown sku ${segment.productSku}`,
        });
    });
    plan.interactions.forEach((interaction, index) => {
      if (interaction.kind === 'flash_sale' && !skus.includes(interaction.sku))
        ctx.addIssue({
          code: 'custom',
          path: ['interactions', index, 'sku'],
          message: `Unknown sku ${interaction.sku}`,
        });
    });
  });
export type TStreamPlan = z.infer<typeof ZStreamPlanSchema>;
export type TStreamPlanInput = z.input<typeof ZStreamPlanSchema>;
