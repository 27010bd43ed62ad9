import type { TScanProduct, TScannableSegment } from '../compliance/scan.types';
import { streamDeadlines } from './deadlines';
import type { TProduct } from './plan.types';
import type { TStreamState } from './state.types';

/** What the scan of one script revision judges: its segments (a revision never changes), and the lineup. */
export interface TScriptScanInputs {
  segments: TScannableSegment[];
  products: TScanProduct[];
}

/** What the document check judges: every product's documents, against the end of the live in the stream's zone. */
export interface TProductCheckInputs {
  products: TProduct[];
  streamEnd: string;
  timeZone: string;
}

/**
 * The lineup as the script scanner reads it. A product joining the lineup changes what a scan judges: segments that
 * pitch no product in particular speak for the whole lineup, so its category's rules and disclaimers apply to them.
 */
export function scanLineup(state: TStreamState): TScanProduct[] {
  return state.plan.products.map(({ sku, category, referencePrice }) => ({
    sku,
    category,
    ...(referencePrice === undefined ? {} : { referencePrice }),
  }));
}

/** The inputs of the document check in this state: a replaced document, an added product or a new start change them. */
export function productCheckInputs(state: TStreamState): TProductCheckInputs {
  return {
    products: state.plan.products,
    streamEnd: streamDeadlines(state).liveEnd,
    timeZone: state.plan.timeZone,
  };
}
