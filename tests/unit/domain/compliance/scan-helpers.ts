import { DEFAULT_RULE_PACK } from '../../../../domain/compliance/default-rules';
import type { TProductCategory } from '../../../../domain/compliance/product-categories';
import { scanScript, type TScanFinding, type TScanProduct } from '../../../../domain/compliance/scan-script';

/** One line pitched for one product of the category (with an optional documented reference price). */
export function scanLine(
  text: string,
  category: TProductCategory = 'other',
  product: Partial<TScanProduct> = {},
) {
  return scanScript([{ id: 's1', text, productSku: 'p1' }], DEFAULT_RULE_PACK, {
    products: [{ sku: 'p1', category, ...product }],
  }).findings.filter((finding) => finding.segmentId !== null);
}

export const kindsOf = (findings: readonly TScanFinding[]) =>
  [...new Set(findings.map((f) => f.kind))].sort();
export const termsOf = (findings: readonly TScanFinding[]) => findings.map((f) => f.term);
export const kinds = (text: string, category: TProductCategory = 'other') =>
  kindsOf(scanLine(text, category));
