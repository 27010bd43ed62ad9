import { DomainError } from '../shared/errors';
import type { TRulePackInput } from './rule-pack.types';

/** What an admin may change in a published pack: terms and exceptions of word and pattern rules. */
export interface TPackChange {
  ruleId: string;
  addTerms?: string[];
  addExceptions?: string[];
}

/**
 * A new pack from `base` with the changes applied (base is never modified: packs are versions, not documents). Terms
 * and exceptions already present are not added twice.
 */
export function applyPackChanges(
  base: TRulePackInput,
  version: string,
  changes: readonly TPackChange[],
): TRulePackInput {
  const byId = new Map(base.rules.map((rule) => [rule.id, rule]));
  for (const change of changes) {
    const rule = byId.get(change.ruleId);
    if (rule === undefined)
      throw new DomainError('NOT_FOUND', `No rule ${change.ruleId} in pack ${base.version}`);
    if ((change.addTerms?.length ?? 0) > 0 && rule.match !== 'terms')
      throw new DomainError(
        'INVALID_INPUT',
        `Rule ${rule.id} matches ${rule.match}, not terms: it takes no terms`,
      );
    if ((change.addExceptions?.length ?? 0) > 0 && rule.match !== 'terms' && rule.match !== 'pattern')
      throw new DomainError('INVALID_INPUT', `Rule ${rule.id} matches ${rule.match}: it takes no exceptions`);
  }
  const merge = (current: readonly string[] | undefined, added: readonly string[] | undefined) => [
    ...new Set([...(current ?? []), ...(added ?? []).map((t) => t.trim()).filter(Boolean)]),
  ];
  return {
    ...base,
    version,
    rules: base.rules.map((rule) => {
      const wanted = changes.filter((c) => c.ruleId === rule.id);
      if (wanted.length === 0) return rule;
      const terms = wanted.flatMap((c) => c.addTerms ?? []);
      const exceptions = wanted.flatMap((c) => c.addExceptions ?? []);
      if (rule.match === 'terms')
        return { ...rule, terms: merge(rule.terms, terms), exceptions: merge(rule.exceptions, exceptions) };
      if (rule.match === 'pattern') return { ...rule, exceptions: merge(rule.exceptions, exceptions) };
      return rule;
    }),
  };
}
