import { z } from 'zod';
import { ZProductCategorySchema } from '../compliance/product-categories.types';
import { ZIsoInstantSchema, ZTimeZoneSchema } from '../shared/time';
import { ZTimingPolicySchema } from './timing-policy.types';

export const PLATFORMS = ['douyin', 'kuaishou', 'taobao', 'wechat_channels', 'tiktok_shop', 'other'] as const;
export const ZPlatformSchema = z.enum(PLATFORMS);

export const STREAM_ROLES = [
  'host',
  'co_host',
  'room_operator',
  'reviewer',
  'promoter',
  'customer_service',
  'analyst',
  'manager',
] as const;
export const ZStreamRoleSchema = z.enum(STREAM_ROLES);
export type TStreamRole = z.infer<typeof ZStreamRoleSchema>;

export const ZTeamMemberSchema = z.object({
  /** Matches an actor id (user id or email) so roster membership can be checked against who is acting. */
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  email: z.email().optional(),
  /** Name of a configured chat webhook channel, never the URL itself: secrets stay out of workflow history. */
  chatChannel: z.string().trim().min(1).optional(),
});
export type TTeamMember = z.infer<typeof ZTeamMemberSchema>;

const members = () => z.array(ZTeamMemberSchema).default([]);
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
  issuer: z.string(),
  number: z.string(),
  /** Last valid day, local to the plan's time zone. */
  expiresOn: z.string(),
});
export type TProductDocument = z.infer<typeof ZProductDocumentSchema>;

/** healthFoodApproval: 保健食品 注册证书/备案凭证 (蓝帽子); registration: 特殊化妆品 or 医疗器械 注册证. */
export const PRODUCT_DOCUMENT_KINDS = [
  'qualityInspection',
  'traceability',
  'healthFoodApproval',
  'registration',
] as const;
export type TProductDocumentKind = (typeof PRODUCT_DOCUMENT_KINDS)[number];

export const ZProductSchema = z.object({
  sku: z.string().trim().min(1),
  name: z.string().trim().min(1),
  category: ZProductCategorySchema.default('other'),
  /** Yuan. */
  price: z.number().nonnegative(),
  /** Yuan: the documented "was" price (lowest of the previous 7 days, or a labelled list price) that backs 原价 claims. */
  referencePrice: z.number().nonnegative().optional(),
  stock: z.number().int().nonnegative(),
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

export const SEGMENT_KINDS = ['opening_hook', 'product_pitch', 'qa', 'closing_push'] as const;
export const ZScriptSegmentSchema = z.object({
  id: z.string().trim().min(1),
  kind: z.enum(SEGMENT_KINDS),
  productSku: z.string().trim().min(1).optional(),
  text: z.string(),
  plannedMinutes: z.number().positive(),
});
export type TScriptSegment = z.infer<typeof ZScriptSegmentSchema>;

/** Minutes after live start; interactions are planned against the run of show, not the wall clock. */
const offsetMinutes = z.number().nonnegative();
export const ZInteractionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('lucky_bag'),
    offsetMinutes,
    prize: z.string().min(1),
    quantity: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('lottery'),
    offsetMinutes,
    prize: z.string().min(1),
    winners: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('red_packet_rain'), offsetMinutes, budget: z.number().positive() }),
  z.object({
    kind: z.literal('flash_sale'),
    offsetMinutes,
    sku: z.string().trim().min(1),
    price: z.number().nonnegative(),
    quantity: z.number().int().positive(),
    durationMinutes: z.number().positive(),
  }),
]);
export type TInteraction = z.infer<typeof ZInteractionSchema>;

export const ZTargetsSchema = z.object({
  viewers: z.number().nonnegative().optional(),
  peakConcurrent: z.number().nonnegative().optional(),
  gmv: z.number().nonnegative().optional(),
  /** A ratio (0.035 = 3.5%), never a percentage, so KPI math needs no unit guessing. */
  conversionRate: z.number().min(0).max(1).optional(),
  newFollowers: z.number().nonnegative().optional(),
});
export type TTargets = z.infer<typeof ZTargetsSchema>;

export const ZChecklistItemSchema = z.object({
  id: z.string().trim().min(1),
  label: z.string().trim().min(1),
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
    platforms: z.array(ZPlatformSchema).min(1),
    scheduledStart: ZIsoInstantSchema,
    timeZone: ZTimeZoneSchema.default('Asia/Shanghai'),
    plannedDurationMinutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60),
    owner: z.string().trim().min(1),
    team: ZTeamRosterSchema.prefault({}),
    products: z.array(ZProductSchema).default([]),
    script: z.array(ZScriptSegmentSchema).default([]),
    interactions: z.array(ZInteractionSchema).default([]),
    targets: ZTargetsSchema.default({}),
    checklist: z.array(ZChecklistItemSchema).min(1).default(DEFAULT_CHECKLIST),
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
