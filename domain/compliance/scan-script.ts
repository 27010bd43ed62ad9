import { compilePack, type TCompiledPack } from './compile-pack';
import { foldText, textSpans, type TFoldedText } from './fold-text';
import { basisFor, judgedProduct, ruleAppliesTo } from './judge-rule';
import { isNegated, spanInside, spanRuleHits, type TSpan } from './match-spans';
import { priceClaims } from './price-comparison';
import type { TRuleInput, TRulePackInput } from './rule-pack.types';
import type { TSeverity } from './rules.types';
import type { TScanContext, TScanFinding, TScanProduct, TScannableSegment, TScriptScan } from './scan.types';
import { missingDisclaimers } from './script-disclaimers';

export type { TScanContext, TScanFinding, TScanProduct, TScannableSegment, TScriptScan } from './scan.types';

interface Candidate extends TSpan {
  rule: TRuleInput;
  order: number;
  product: TScanProduct;
}

const SEVERITY_RANK: Record<TSeverity, number> = { high: 3, medium: 2, low: 1 };
/** Judges text when the lineup is unknown: `other` asks only what every product must respect. */
const UNKNOWN_PRODUCT: TScanProduct = { sku: '', category: 'other' };

/**
 * The products a segment speaks for: its own product; with no (or an unknown) product, the only product of a
 * one-product lineup, else every product of the lineup. An unattributed claim can be heard as being about any product
 * on sale, so it is judged by the strictest reading: 增强免疫力 in the opening of a stream that sells a 保健食品 and a
 * snack is a finding (the snack may not claim it), in a stream selling only the 保健食品 it is not.
 */
export function productsForSegment(
  segment: TScannableSegment,
  products: readonly TScanProduct[],
): readonly TScanProduct[] {
  if (products.length === 0) return [UNKNOWN_PRODUCT];
  const own =
    segment.productSku === undefined ? undefined : products.find((p) => p.sku === segment.productSku);
  if (own !== undefined) return [own];
  return products;
}

function priceCandidates(
  folded: TFoldedText,
  compiled: TCompiledPack,
  products: readonly TScanProduct[],
  protectedSpans: readonly TSpan[],
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const price of compiled.priceRules) {
    const judged = products.filter((product) => ruleAppliesTo(price.rule, product.category));
    if (judged.length === 0) continue;
    for (const claim of priceClaims(folded, price)) {
      if (spanInside(claim, protectedSpans)) continue;
      const { negationCues, negationWindow } = compiled;
      if (price.negatable && isNegated(folded.chars, claim.offset, negationCues, negationWindow)) continue;
      // Backed only when every product it may be about documents a reference price at least as high as the claim.
      const unbacked = judged.find(
        (p) => p.referencePrice === undefined || claim.wasPrice > p.referencePrice,
      );
      if (unbacked !== undefined)
        candidates.push({
          offset: claim.offset,
          length: claim.length,
          rule: price.rule,
          order: price.order,
          product: unbacked,
        });
    }
  }
  return candidates;
}

function candidatesIn(
  segment: TScannableSegment,
  compiled: TCompiledPack,
  products: readonly TScanProduct[],
): { candidates: Candidate[]; original: string[] } {
  const folded = foldText(segment.text);
  const protectedSpans = textSpans(folded, compiled.protectedPhrases);
  const judged = new Map<number, TScanProduct | undefined>();
  const applies = (slot: number) => {
    if (!judged.has(slot)) judged.set(slot, judgedProduct(compiled.spanRules[slot]!.rule, products));
    return judged.get(slot) !== undefined;
  };
  const spans = spanRuleHits(folded, compiled, protectedSpans, applies).map((hit) => ({
    offset: hit.offset,
    length: hit.length,
    order: hit.order,
    rule: compiled.spanRules[hit.slot]!.rule,
    product: judged.get(hit.slot)!,
  }));
  return {
    candidates: [...spans, ...priceCandidates(folded, compiled, products, protectedSpans)],
    original: Array.from(segment.text),
  };
}

/**
 * Keeps the longest hits of each kind and drops any hit overlapping one already kept: 全网最低价 is one finding, not
 * three (全网最低, 最低, 最). Different kinds may overlap, because one phrase can break two rules: 百分之百不过敏 is both
 * an absolute term and a safety guarantee, with different bases. Ties go to the more severe rule, then the earlier
 * position, then pack order.
 */
function selectNonOverlapping(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.length - a.length ||
      SEVERITY_RANK[b.rule.severity] - SEVERITY_RANK[a.rule.severity] ||
      a.offset - b.offset ||
      a.order - b.order,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    const overlaps = kept.some(
      (other) =>
        other.rule.kind === candidate.rule.kind &&
        candidate.offset < other.offset + other.length &&
        other.offset < candidate.offset + candidate.length,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept.sort((a, b) => a.offset - b.offset || a.order - b.order);
}

function toFinding(
  segmentId: string,
  hit: Candidate,
  original: readonly string[],
  pack: TRulePackInput,
): TScanFinding {
  const { rule, product } = hit;
  return {
    id: `${segmentId}:${hit.offset}:${rule.id}`,
    segmentId,
    offset: hit.offset,
    length: hit.length,
    term: original.slice(hit.offset, hit.offset + hit.length).join(''),
    ruleId: rule.id,
    kind: rule.kind,
    category: rule.category,
    severity: rule.severity,
    basis: basisFor(rule, product.category, pack.bases),
    ...(rule.suggestion === undefined ? {} : { suggestion: { ...rule.suggestion } }),
    productCategory: product.category,
  };
}

/**
 * Scans a script against a rule pack. Findings come in script order (segment order, then offset), then the
 * script-level ones (a required disclaimer missing). Pure and deterministic: same input, same findings and ids.
 */
export function scanScript(
  segments: readonly TScannableSegment[],
  pack: TRulePackInput,
  context: TScanContext = {},
): TScriptScan {
  const compiled = compilePack(pack);
  const products = context.products ?? [];
  const findings: TScanFinding[] = [];
  for (const segment of segments) {
    const { candidates, original } = candidatesIn(segment, compiled, productsForSegment(segment, products));
    for (const hit of selectNonOverlapping(candidates))
      findings.push(toFinding(segment.id, hit, original, pack));
  }
  findings.push(...missingDisclaimers(segments, compiled, products));
  return { packVersion: compiled.version, findings };
}
