import { z } from 'zod';
import { PRODUCT_CATEGORIES } from './product-categories';

/** The legal area a finding belongs to: how the UI groups findings and which reviewer expertise they need. */
export const COMPLIANCE_CATEGORIES = [
  'absolute_term',
  'medical_claim',
  'guarantee_claim',
  'platform_rule',
  'price_claim',
  'misleading_claim',
  'required_disclosure',
] as const;
export const ZComplianceCategorySchema = z.enum(COMPLIANCE_CATEGORIES);
export type TComplianceCategory = z.infer<typeof ZComplianceCategorySchema>;

/**
 * What sort of claim a finding is, finer than the category; the corpus and benchmark are labelled by kind.
 * missing_disclaimer is the one script-level kind (a required sentence is absent, so there is no span to mark).
 */
export const FINDING_KINDS = [
  'absolute_term',
  'reference_price',
  'false_urgency',
  'guarantee',
  'authority_endorsement',
  'misleading_origin',
  'medical_claim',
  'health_function_claim',
  'special_cosmetic_claim',
  'off_platform',
  'missing_disclaimer',
] as const;
export const ZFindingKindSchema = z.enum(FINDING_KINDS);
export type TFindingKind = z.infer<typeof ZFindingKindSchema>;

/** high: illegal as advertising (fines); medium: platform penalties or needs evidence; low: worth a second look. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const ZSeveritySchema = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof ZSeveritySchema>;

export const ZBilingualTextSchema = z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });
export type TBilingualText = z.infer<typeof ZBilingualTextSchema>;

/** The legal (or platform) basis of a finding, quoted so the reviewer and the host see why without a lookup. */
export const ZFindingBasisSchema = z.object({
  /** E.g. 《广告法》第九条第（三）项; several are joined with ；. */
  citation: z.string().trim().min(1),
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type TFindingBasis = z.infer<typeof ZFindingBasisSchema>;

export const ZScriptFindingSchema = z.object({
  /**
   * segmentId:offset:ruleId, stable across rescans so a reviewer's accepted findings stay accepted. A script-level
   * finding has no segment: its id is script:<sku>:<ruleId> (rule ids are unique in a pack, so the forms never clash).
   */
  id: z.string(),
  /** null for a script-level finding (a required disclaimer missing from the whole script). */
  segmentId: z.string().nullable(),
  /** In Unicode code points (what a person counts as characters), not UTF-16 units; emoji count as one. 0 when script-level. */
  offset: z.number().int().nonnegative(),
  /** 0 for a script-level finding: there is no text to mark. */
  length: z.number().int().nonnegative(),
  /** The text as written in the script (may differ from the rule term in width or case); the missing text when script-level. */
  term: z.string(),
  ruleId: z.string(),
  // kind and basis arrived with rule packs: findings recorded before them (stored events) still parse.
  kind: ZFindingKindSchema.optional(),
  category: ZComplianceCategorySchema,
  severity: ZSeveritySchema,
  basis: ZFindingBasisSchema.optional(),
  /** A rewrite the writer can use instead, where one exists. */
  suggestion: ZBilingualTextSchema.optional(),
  /** The product category the text was judged against (a segment without a product is judged against the lineup). */
  productCategory: z.enum(PRODUCT_CATEGORIES).optional(),
});
export type TScriptFinding = z.infer<typeof ZScriptFindingSchema>;
