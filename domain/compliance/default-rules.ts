import { DEFAULT_RULE_PACK } from './default-pack';

export { DEFAULT_RULE_PACK };

/**
 * @deprecated Use DEFAULT_RULE_PACK (a versioned pack) and the finding's own `basis`. Kept so the web UI's rule titles
 * (`rule.id`, `rule.description`) keep working until it shows `finding.basis` and `finding.suggestion`.
 */
export const DEFAULT_COMPLIANCE_RULES = DEFAULT_RULE_PACK.rules;
