import type { TCompiledPack } from './compile-pack';
import { lettersOnly } from './fold-text';
import { basisFor, ruleAppliesTo } from './judge-rule';
import type { TScanFinding, TScanProduct, TScannableSegment } from './scan.types';

/**
 * Script-level rules: each product of a listed category (保健食品: 本品不能代替药物) must have one of the accepted
 * wordings said in its own segments or in a segment that pitches no particular product. A product is held to it when
 * the script pitches it: it has segments of its own, or it is the whole lineup (then every segment is about it).
 */
export function missingDisclaimers(
  segments: readonly TScannableSegment[],
  compiled: TCompiledPack,
  products: readonly TScanProduct[],
): TScanFinding[] {
  const findings: TScanFinding[] = [];
  const skus = new Set(products.map((product) => product.sku));
  const general = segments.filter((s) => s.productSku === undefined || !skus.has(s.productSku));
  const spoken = new Map<TScannableSegment, string>();
  const said = (segment: TScannableSegment) => {
    if (!spoken.has(segment)) spoken.set(segment, lettersOnly(segment.text));
    return spoken.get(segment) as string;
  };
  for (const product of products) {
    const own = segments.filter((segment) => segment.productSku === product.sku);
    const pitched = own.length > 0 || (products.length === 1 && general.length > 0);
    if (!pitched) continue;
    const heard = [...own, ...general];
    for (const disclaimer of compiled.disclaimerRules) {
      const { rule } = disclaimer;
      if (!ruleAppliesTo(rule, product.category)) continue;
      if (heard.some((segment) => disclaimer.phrases.some((phrase) => said(segment).includes(phrase))))
        continue;
      findings.push({
        id: `script:${product.sku}:${rule.id}`,
        segmentId: null,
        offset: 0,
        length: 0,
        term: rule.phrases[0] as string,
        ruleId: rule.id,
        kind: rule.kind,
        category: rule.category,
        severity: rule.severity,
        basis: basisFor(rule, product.category, compiled.pack.bases),
        ...(rule.suggestion === undefined ? {} : { suggestion: { ...rule.suggestion } }),
        productCategory: product.category,
      });
    }
  }
  return findings;
}
