import { DEFAULT_RULE_PACK } from '../../domain/compliance/default-rules';
import { checkProductDocuments } from '../../domain/compliance/product-documents';
import type { TProductCheckResult } from '../../domain/compliance/product-documents.types';
import type { TRulePackInput } from '../../domain/compliance/rule-pack.types';
import {
  scanScript,
  type TScanProduct,
  type TScannableSegment,
  type TScriptScan,
} from '../../domain/compliance/scan-script';
import type { TProduct } from '../../domain/stream/plan.types';
import type { Db } from '../../runtime/db';
import { currentRulePack } from './rule-pack-store';

export interface ComplianceDeps {
  /** Where published rule packs are (the newest judges); without it, `pack` or the pack shipped with the code. */
  db?: Db;
  pack?: TRulePackInput;
}

/**
 * Activities (not inline workflow code) because the rule pack is configuration that changes without a deploy: each
 * scan's findings and pack version are recorded in history, so a replay never depends on today's rules.
 */
export function createComplianceActivities(deps: ComplianceDeps = {}) {
  const packInForce = async (): Promise<TRulePackInput> =>
    deps.pack ?? (deps.db ? await currentRulePack(deps.db) : DEFAULT_RULE_PACK);
  return {
    /**
     * `products` (the lineup: sku, category, referencePrice) makes the scan category-aware and enables the script-level
     * rules; without it every segment is judged as an `other` product, as before categories existed.
     */
    async scanScriptRevision(input: {
      segments: TScannableSegment[];
      products?: TScanProduct[];
    }): Promise<TScriptScan> {
      return scanScript(input.segments, await packInForce(), { products: input.products ?? [] });
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
