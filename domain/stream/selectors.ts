import type { TStreamState } from './state.types';

/** One import point for read models; each lives in its own file. */
export { pausedSeconds, streamDeadlines, type TStreamDeadlines } from './deadlines';
export { pendingItems, supervisedItems, type TPendingItem, type TPendingItemKind } from './pending-items';

export interface TGateStatus {
  script: boolean;
  products: boolean;
  passed: boolean;
  /** Why the gates are closed, as data: the UI words them in the reader's language. */
  blockers: TGateBlocker[];
}

export type TGateBlocker =
  | { kind: 'no_script' }
  | { kind: 'script_pending' | 'script_rejected'; revision: number }
  | { kind: 'script_pitches_dropped'; revision: number; segment: string; sku: string }
  | { kind: 'products_unchecked' }
  | { kind: 'product_pending' | 'product_rejected'; sku: string };

export function gateStatus(state: TStreamState): TGateStatus {
  const scriptBlockers: TGateBlocker[] = [];
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  if (current === undefined) scriptBlockers.push({ kind: 'no_script' });
  else if (current.decision === undefined)
    scriptBlockers.push({ kind: 'script_pending', revision: current.revision });
  else if (current.decision.decision === 'rejected')
    scriptBlockers.push({ kind: 'script_rejected', revision: current.revision });
  // A product left the lineup after the script was approved: the script must stop pitching it.
  for (const segment of current?.segments ?? []) {
    if (segment.productSku !== undefined && state.products[segment.productSku]?.dropped)
      scriptBlockers.push({
        kind: 'script_pitches_dropped',
        revision: current!.revision,
        segment: segment.id,
        sku: segment.productSku,
      });
  }

  const productBlockers: TGateBlocker[] = [];
  if (state.plan.products.length > 0 && state.productsCheckedAt === undefined)
    productBlockers.push({ kind: 'products_unchecked' });
  for (const product of Object.values(state.products)) {
    if (product.dropped) continue;
    if (product.decision === undefined) productBlockers.push({ kind: 'product_pending', sku: product.sku });
    else if (product.decision.decision === 'rejected')
      productBlockers.push({ kind: 'product_rejected', sku: product.sku });
  }
  const script = scriptBlockers.length === 0;
  const products = productBlockers.length === 0;
  return { script, products, passed: script && products, blockers: [...scriptBlockers, ...productBlockers] };
}

/** The blockers as one English line, for the timeline and the StreamBlocked reason (history is not localized). */
export function describeBlockers(blockers: readonly TGateBlocker[]): string {
  return blockers
    .map((b) => {
      switch (b.kind) {
        case 'no_script':
          return 'no script submitted';
        case 'script_pending':
          return `script r${b.revision} awaits a decision`;
        case 'script_rejected':
          return `script r${b.revision} was rejected`;
        case 'script_pitches_dropped':
          return `script r${b.revision} segment ${b.segment} still pitches dropped product ${b.sku}`;
        case 'products_unchecked':
          return 'product documents not checked';
        case 'product_pending':
          return `product ${b.sku} awaits a decision`;
        case 'product_rejected':
          return `product ${b.sku} was rejected`;
      }
    })
    .join('; ');
}

/** Script approved (with or without accepted findings) and every product still in the lineup approved. */
export function gatesPassed(state: TStreamState): boolean {
  return gateStatus(state).passed;
}
