import { foldChars, lettersOnly } from './fold-text';
import { DEFAULT_NEGATION_WINDOW, DEFAULT_PRICE_MAX_GAP } from './rule-pack-defaults';
import type { TRuleInput, TRulePackInput } from './rule-pack.types';

type RuleOf<M extends TRuleInput['match']> = Extract<TRuleInput, { match: M }>;
export type TSpanRule = RuleOf<'terms'> | RuleOf<'pattern'>;
export type TPriceRule = RuleOf<'price_comparison'>;
export type TDisclaimerRule = RuleOf<'required_disclaimer'>;

export interface TCompiledSpanRule {
  rule: TSpanRule;
  /** Position in the pack: the last tie-break, so results never depend on object identity. */
  order: number;
  /**
   * All of a pattern rule's patterns as one alternation, to find where any of them matches in one pass, and each
   * pattern as a sticky regex to read every match at such a position (one pass per pattern was most of a scan).
   */
  anyPattern: RegExp | undefined;
  stickyPatterns: RegExp[];
  /** Folded strings, found with indexOf on the folded text. */
  exceptionTerms: string[];
  exceptionRegexes: RegExp[];
  negatable: boolean;
}

export interface TCompiledPriceRule {
  rule: TPriceRule;
  order: number;
  anchors: string[];
  offers: string[];
  maxGap: number;
  negatable: boolean;
}

export interface TCompiledDisclaimerRule {
  rule: TDisclaimerRule;
  order: number;
  /** Letters and digits only: 本品不能代替药物 and 本品，不能代替药物。 are the same sentence. */
  phrases: string[];
}

export interface TTermEntry {
  slot: number;
  chars: string[];
}

export interface TCompiledPack {
  version: string;
  pack: TRulePackInput;
  negationCues: string[];
  negationWindow: number;
  spanRules: TCompiledSpanRule[];
  /** Folded terms of every terms rule, by first code point: one pass over a segment finds all of them. */
  termsByFirstChar: Map<string, TTermEntry[]>;
  priceRules: TCompiledPriceRule[];
  disclaimerRules: TCompiledDisclaimerRule[];
  /** Required-disclaimer text is never itself a finding (本品不能代替药物治疗疾病 is not a medical claim). */
  protectedPhrases: string[];
}

const regex = (source: string) => new RegExp(source, 'gu');
const foldString = (text: string) => foldChars(text).join('');

function checkBases(pack: TRulePackInput): void {
  for (const rule of pack.rules) {
    const referenced = [rule.basis, ...Object.values(rule.basisByCategory ?? {})];
    for (const basis of referenced)
      if (!(basis in pack.bases))
        throw new Error(`rule pack ${pack.version}: rule ${rule.id} cites unknown basis ${basis}`);
  }
}

function compile(pack: TRulePackInput): TCompiledPack {
  checkBases(pack);
  const compiled: TCompiledPack = {
    version: pack.version,
    pack,
    negationCues: (pack.negationCues ?? []).map((cue) => foldChars(cue).join('')),
    negationWindow: pack.negationWindow ?? DEFAULT_NEGATION_WINDOW,
    spanRules: [],
    termsByFirstChar: new Map(),
    priceRules: [],
    disclaimerRules: [],
    protectedPhrases: [],
  };
  pack.rules.forEach((rule, order) => {
    switch (rule.match) {
      case 'terms':
      case 'pattern': {
        const slot = compiled.spanRules.length;
        compiled.spanRules.push({
          rule,
          order,
          anyPattern:
            rule.match === 'pattern' ? regex(rule.patterns.map((p) => `(?:${p})`).join('|')) : undefined,
          stickyPatterns: rule.match === 'pattern' ? rule.patterns.map((p) => new RegExp(p, 'uy')) : [],
          exceptionTerms: (rule.exceptions ?? []).map(foldString),
          exceptionRegexes: (rule.exceptionPatterns ?? []).map(regex),
          negatable: rule.negatable ?? true,
        });
        if (rule.match === 'terms')
          for (const term of new Set(rule.terms)) {
            const chars = foldChars(term);
            const first = chars[0] as string;
            const entries = compiled.termsByFirstChar.get(first) ?? [];
            entries.push({ slot, chars });
            compiled.termsByFirstChar.set(first, entries);
          }
        break;
      }
      case 'price_comparison':
        compiled.priceRules.push({
          rule,
          order,
          anchors: rule.anchors.map(foldString),
          offers: rule.offers.map(foldString),
          maxGap: rule.maxGap ?? DEFAULT_PRICE_MAX_GAP,
          negatable: rule.negatable ?? true,
        });
        break;
      case 'required_disclaimer':
        compiled.disclaimerRules.push({ rule, order, phrases: rule.phrases.map(lettersOnly) });
        compiled.protectedPhrases.push(...rule.phrases.map(foldString));
        break;
    }
  });
  return compiled;
}

const cache = new WeakMap<TRulePackInput, TCompiledPack>();

/** Compiles a pack once (folded terms, regexes); packs are treated as immutable, as stored versions are. */
export function compilePack(pack: TRulePackInput): TCompiledPack {
  let compiled = cache.get(pack);
  if (compiled === undefined) {
    compiled = compile(pack);
    cache.set(pack, compiled);
  }
  return compiled;
}
