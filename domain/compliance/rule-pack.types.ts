import { z } from 'zod';
import { DEFAULT_NEGATION_WINDOW, DEFAULT_PRICE_MAX_GAP } from './rule-pack-defaults';
import { ZProductCategorySchema } from './product-categories.types';
import {
  ZBilingualTextSchema,
  ZComplianceCategorySchema,
  ZFindingBasisSchema,
  ZFindingKindSchema,
  ZSeveritySchema,
} from './rules.types';

/**
 * A rule pack is plain JSON: compliance officers add terms and exceptions as a new version (stored, never edited in
 * place), and every scan records the version it used so an auditor knows which rules judged a script. This schema is
 * for the edge (API, file import); the scanner itself takes the inferred plain types and never loads zod.
 */

const phrase = z.string().trim().min(1).max(80);
/** Regular expressions run with the `u` flag over NFKC-folded, lower-cased text; kept short (they come from admins). */
const pattern = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression (u flag)' },
  );

const ruleBase = {
  /** Unique in the pack; part of every finding id, so renaming a rule un-accepts its findings. */
  id: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  kind: ZFindingKindSchema,
  category: ZComplianceCategorySchema,
  severity: ZSeveritySchema,
  description: ZBilingualTextSchema,
  /** Id of an entry in the pack's `bases`. */
  basis: z.string().trim().min(1),
  /** The same claim can break a different article depending on the product (保健食品: 广告法第十八条, others: 第十七条). */
  basisByCategory: z.partialRecord(ZProductCategorySchema, z.string().trim().min(1)).optional(),
  suggestion: ZBilingualTextSchema.optional(),
  /** Product categories the rule judges; absent means all. */
  appliesTo: z.array(ZProductCategorySchema).min(1).optional(),
  /** Product categories allowed to make the claim (an approved 保健食品 may state its health function). */
  exemptFor: z.array(ZProductCategorySchema).optional(),
};

/** Phrases or patterns in which a hit is ordinary language (最近 "recently", 第一步 "step one", 100%纯棉 fibre content). */
const exceptions = {
  exceptions: z.array(phrase).default([]),
  exceptionPatterns: z.array(pattern).default([]),
  /** A hit preceded in its clause by a negation cue (不是最便宜的, 不能治病) makes no claim. */
  negatable: z.boolean().default(true),
};

export const ZTermsRuleSchema = z.object({
  ...ruleBase,
  match: z.literal('terms'),
  terms: z.array(phrase).min(1),
  ...exceptions,
});

export const ZPatternRuleSchema = z.object({
  ...ruleBase,
  match: z.literal('pattern'),
  patterns: z.array(pattern).min(1),
  ...exceptions,
});

/** 原价/吊牌价 N ... 只要/到手 M with M < N: a price comparison, which needs a documented reference price. */
export const ZPriceComparisonRuleSchema = z.object({
  ...ruleBase,
  match: z.literal('price_comparison'),
  /** Words that introduce the compared ("was") price. */
  anchors: z.array(phrase).min(1),
  /** Words that introduce the offered price. */
  offers: z.array(phrase).min(1),
  /** How far (code points) after the was-price the offered price may come. */
  maxGap: z.number().int().positive().max(80).default(DEFAULT_PRICE_MAX_GAP),
  negatable: z.boolean().default(true),
});

/** Script-level: the products of the listed categories must have one of these phrases spoken in their pitch. */
export const ZRequiredDisclaimerRuleSchema = z.object({
  ...ruleBase,
  match: z.literal('required_disclaimer'),
  /** Accepted wordings; the first is the one a finding asks for. Compared ignoring punctuation and spaces. */
  phrases: z.array(phrase).min(1),
  appliesTo: z.array(ZProductCategorySchema).min(1),
});

export const ZRuleSchema = z.discriminatedUnion('match', [
  ZTermsRuleSchema,
  ZPatternRuleSchema,
  ZPriceComparisonRuleSchema,
  ZRequiredDisclaimerRuleSchema,
]);
export type TRule = z.infer<typeof ZRuleSchema>;
export type TRuleInput = z.input<typeof ZRuleSchema>;
export type TTermsRule = z.infer<typeof ZTermsRuleSchema>;
export type TPatternRule = z.infer<typeof ZPatternRuleSchema>;
export type TPriceComparisonRule = z.infer<typeof ZPriceComparisonRuleSchema>;
export type TRequiredDisclaimerRule = z.infer<typeof ZRequiredDisclaimerRuleSchema>;

export const ZRulePackSchema = z
  .object({
    /** Free-form but unique per stored pack, e.g. default@1 or 2026-03-01.2; recorded with every scan. */
    version: z.string().trim().min(1).max(60),
    bases: z.record(z.string().trim().min(1), ZFindingBasisSchema),
    /** Cues that, earlier in the same clause, turn a claim into its denial. */
    negationCues: z.array(phrase).default([]),
    /** How far back (code points, within the clause) a negation cue still counts. */
    negationWindow: z.number().int().min(0).max(20).default(DEFAULT_NEGATION_WINDOW),
    rules: z.array(ZRuleSchema).min(1),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `Duplicate rule id ${rule.id}`,
        });
      seen.add(rule.id);
      const referenced = [rule.basis, ...Object.values(rule.basisByCategory ?? {})];
      for (const basis of referenced)
        if (!(basis in pack.bases))
          ctx.addIssue({
            code: 'custom',
            path: ['rules', index, 'basis'],
            message: `Unknown basis ${basis}`,
          });
    });
  });
export type TRulePack = z.infer<typeof ZRulePackSchema>;
export type TRulePackInput = z.input<typeof ZRulePackSchema>;
