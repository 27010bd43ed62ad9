import type { TRuleInput } from './rule-pack.types';
import type { TProductCategory } from './product-categories';
import type { TFindingBasis } from './rules.types';
import type { TScanProduct } from './scan.types';

export function ruleAppliesTo(rule: TRuleInput, category: TProductCategory): boolean {
  if (rule.appliesTo !== undefined && !rule.appliesTo.includes(category)) return false;
  return !(rule.exemptFor ?? []).includes(category);
}

/** The first product (in lineup order) the rule judges, or undefined when the rule applies to none of them. */
export function judgedProduct(rule: TRuleInput, products: readonly TScanProduct[]): TScanProduct | undefined {
  return products.find((product) => ruleAppliesTo(rule, product.category));
}

export function basisFor(
  rule: TRuleInput,
  category: TProductCategory,
  bases: Readonly<Record<string, TFindingBasis>>,
): TFindingBasis {
  const id = rule.basisByCategory?.[category] ?? rule.basis;
  const basis = bases[id];
  // compilePack has checked every reference, so this is unreachable with a compiled pack.
  if (basis === undefined) throw new Error(`rule ${rule.id} cites unknown basis ${id}`);
  return { citation: basis.citation, zh: basis.zh, en: basis.en };
}
