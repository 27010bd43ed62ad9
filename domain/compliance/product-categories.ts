/**
 * What kind of product a lineup item is. The category decides which claims a pitch may make (an approved 保健食品 may
 * say 增强免疫力, an ordinary food may not), which documents the product gate asks for, and which disclaimers the
 * script must contain. Plain data so the scanner and the CLI need no zod at runtime.
 */
export const PRODUCT_CATEGORIES = [
  'food',
  'health_food',
  'cosmetics',
  'special_cosmetics',
  'medical_device',
  'apparel',
  'electronics',
  'other',
] as const;
export type TProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_CATEGORY_LABELS: Readonly<Record<TProductCategory, { zh: string; en: string }>> = {
  food: { zh: '普通食品', en: 'food' },
  health_food: { zh: '保健食品', en: 'health food (blue-hat approved)' },
  cosmetics: { zh: '化妆品', en: 'cosmetics' },
  special_cosmetics: { zh: '特殊化妆品', en: 'special-use cosmetics (registered)' },
  medical_device: { zh: '医疗器械', en: 'medical device' },
  apparel: { zh: '服装', en: 'apparel' },
  electronics: { zh: '数码', en: 'electronics' },
  other: { zh: '其他', en: 'other' },
};

export function isProductCategory(value: string): value is TProductCategory {
  return (PRODUCT_CATEGORIES as readonly string[]).includes(value);
}
