import { z } from 'zod';

export const COMPLIANCE_CATEGORIES = [
  'absolute_term',
  'medical_claim',
  'guarantee_claim',
  'platform_rule',
] as const;
export const ZComplianceCategorySchema = z.enum(COMPLIANCE_CATEGORIES);
export type TComplianceCategory = z.infer<typeof ZComplianceCategorySchema>;

/** high: illegal as advertising (fines); medium: platform penalties; low: worth a second look. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const ZSeveritySchema = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof ZSeveritySchema>;

export const ZComplianceRuleSchema = z.object({
  id: z.string().trim().min(1),
  category: ZComplianceCategorySchema,
  terms: z.array(z.string().trim().min(1)).min(1),
  /**
   * Phrases in which a term is ordinary language, not a claim (最近 "recently", 第一步 "step one"). A hit lying
   * inside one of these is not reported; it keeps the reviewer's queue to real findings.
   */
  exceptions: z.array(z.string().trim().min(1)).default([]),
  severity: ZSeveritySchema,
  description: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
});
export type TComplianceRule = z.infer<typeof ZComplianceRuleSchema>;
export type TComplianceRuleInput = z.input<typeof ZComplianceRuleSchema>;

export const ZComplianceRuleSetSchema = z.array(ZComplianceRuleSchema).superRefine((rules, ctx) => {
  const ids = rules.map((rule) => rule.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Duplicate rule id ${id}` });
  });
});

export const ZScriptFindingSchema = z.object({
  /** segmentId:offset:ruleId, stable across rescans so a reviewer's accepted findings stay accepted. */
  id: z.string(),
  segmentId: z.string(),
  /** In Unicode code points (what a person counts as characters), not UTF-16 units; emoji count as one. */
  offset: z.number().int().nonnegative(),
  length: z.number().int().positive(),
  /** The text as written in the script (may differ from the rule term in width or case). */
  term: z.string(),
  ruleId: z.string(),
  category: ZComplianceCategorySchema,
  severity: ZSeveritySchema,
});
export type TScriptFinding = z.infer<typeof ZScriptFindingSchema>;
