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

/** The documents a product may carry; which ones its category requires is domain/compliance/category-requirements.ts. */
export const PRODUCT_DOCUMENT_KINDS = [
  'qualityInspection',
  'traceability',
  'healthFoodApproval',
  'registration',
] as const;
export type TProductDocumentKind = (typeof PRODUCT_DOCUMENT_KINDS)[number];
