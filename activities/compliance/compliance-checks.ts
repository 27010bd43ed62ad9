import { DEFAULT_COMPLIANCE_RULES } from '../../domain/compliance/default-rules';
import { checkProductDocuments } from '../../domain/compliance/product-documents';
import type { TProductCheckResult } from '../../domain/compliance/product-documents.types';
import type { TComplianceRule, TScriptFinding } from '../../domain/compliance/rules.types';
import { scanScript, type TScannableSegment } from '../../domain/compliance/scan-script';
import type { TProduct } from '../../domain/stream/plan.types';

export interface ComplianceDeps {
  /** The rule set in force; compliance officers own it. Defaults to the built-in Advertising Law and platform rules. */
  rules?: readonly TComplianceRule[];
}

/**
 * Activities (not inline workflow code) because the rule set is configuration that changes without a deploy: each
 * scan's findings are recorded in history, so a replay never depends on today's rules.
 */
export function createComplianceActivities(deps: ComplianceDeps = {}) {
  const rules = deps.rules ?? DEFAULT_COMPLIANCE_RULES;
  return {
    async scanScriptRevision(input: { segments: TScannableSegment[] }): Promise<TScriptFinding[]> {
      return scanScript(input.segments, rules);
    },
    async checkProducts(input: {
      products: TProduct[];
      streamEnd: string;
      timeZone: string;
      checkedAt: string;
    }): Promise<TProductCheckResult[]> {
      return checkProductDocuments(input.products, input.streamEnd, {
        timeZone: input.timeZone,
        checkedAt: input.checkedAt,
      });
    },
  };
}
