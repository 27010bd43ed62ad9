import type { TProductDocumentKind } from '../stream/plan.types';
import type { TProductCategory } from './product-categories';

/** Every product, whatever it is: a valid quality inspection report and a traceability certificate. */
const BASE_DOCUMENTS: readonly TProductDocumentKind[] = ['qualityInspection', 'traceability'];

/**
 * What a category adds to the product gate. 保健食品: the 蓝帽子 approval (注册证书 or 备案凭证, its number is the
 * 批准文号 the pitch may show); 特殊化妆品 and 医疗器械: their 注册证. The script-side requirements (本品不能代替药物,
 * the device notice, no efficacy beyond the registration) live in the rule pack, where compliance officers own them.
 */
const EXTRA_DOCUMENTS: Readonly<Record<TProductCategory, readonly TProductDocumentKind[]>> = {
  food: [],
  health_food: ['healthFoodApproval'],
  cosmetics: [],
  special_cosmetics: ['registration'],
  medical_device: ['registration'],
  apparel: [],
  electronics: [],
  other: [],
};

export function requiredDocumentKinds(category: TProductCategory): readonly TProductDocumentKind[] {
  return [...BASE_DOCUMENTS, ...EXTRA_DOCUMENTS[category]];
}
