// Plain values (no schema library) that deterministic code needs at runtime; plan.types.ts builds its schemas on them.

export const PLATFORMS = ['douyin', 'kuaishou', 'taobao', 'wechat_channels', 'tiktok_shop', 'other'] as const;

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

export const SEGMENT_KINDS = ['opening_hook', 'product_pitch', 'qa', 'closing_push'] as const;

/**
 * A script's bounds, for the plan's script and for every revision submitted later (`submit-script`): one rule, so a
 * script that was valid in a plan can be resubmitted unchanged. Half a minute is the shortest part a run of show
 * plans; no segment outlasts the longest stream (a day).
 */
export const SCRIPT_BOUNDS = {
  segmentsMax: 100,
  /** Segment ids and the SKU a segment pitches. */
  keyMax: 64,
  textMax: 10_000,
  plannedMinutes: { min: 0.5, max: 24 * 60 },
} as const;

/** The documents a product may carry; which ones its category requires is domain/compliance/category-requirements.ts. */
export const PRODUCT_DOCUMENT_KINDS = [
  'qualityInspection',
  'traceability',
  'healthFoodApproval',
  'registration',
] as const;
export type TProductDocumentKind = (typeof PRODUCT_DOCUMENT_KINDS)[number];
