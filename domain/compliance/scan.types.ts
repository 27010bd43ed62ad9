import type { TProductCategory } from './product-categories';
import type { TScriptFinding } from './rules.types';

/** Plain input types for the scanner (no zod): the activity, the CLI and tests build these directly. */
export interface TScannableSegment {
  id: string;
  text: string;
  /** The product this segment pitches; segments without one are judged against the lineup. */
  productSku?: string;
}

export interface TScanProduct {
  sku: string;
  category: TProductCategory;
  /** The documented "was" price (yuan) that backs a 原价/吊牌价 comparison; claims above it are findings. */
  referencePrice?: number;
}

export interface TScanContext {
  /** The lineup. Without it every segment is judged as `other` and no script-level rule can apply. */
  products?: readonly TScanProduct[];
}

/** What the scanner produces: every field a stored finding may lack (older scans) is always present. */
export type TScanFinding = TScriptFinding &
  Required<Pick<TScriptFinding, 'kind' | 'basis' | 'productCategory'>>;

export interface TScriptScan {
  /** The rule pack version that judged the script: recorded with the scan so an auditor can reproduce it. */
  packVersion: string;
  findings: TScanFinding[];
}
