import type { TStreamState } from './state.types';

/** One import point for read models; each lives in its own file. */
export { pausedSeconds, streamDeadlines, type TStreamDeadlines } from './deadlines';
export { pendingApprovals, type TPendingApproval } from './pending-approvals';

export interface TGateStatus {
  script: boolean;
  products: boolean;
  passed: boolean;
  /** Why the gates are closed, for the UI and for the StreamBlocked reason. */
  blockers: string[];
}

export function gateStatus(state: TStreamState): TGateStatus {
  const scriptBlockers: string[] = [];
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  if (current === undefined) scriptBlockers.push('no script submitted');
  else if (current.decision === undefined)
    scriptBlockers.push(`script r${current.revision} awaits a decision`);
  else if (current.decision.decision === 'rejected')
    scriptBlockers.push(`script r${current.revision} was rejected`);

  const productBlockers: string[] = [];
  if (state.plan.products.length > 0 && state.productsCheckedAt === undefined)
    productBlockers.push('product documents not checked');
  for (const product of Object.values(state.products)) {
    if (product.dropped) continue;
    if (product.decision === undefined) productBlockers.push(`product ${product.sku} awaits a decision`);
    else if (product.decision.decision === 'rejected')
      productBlockers.push(`product ${product.sku} was rejected`);
  }
  const script = scriptBlockers.length === 0;
  const products = productBlockers.length === 0;
  return { script, products, passed: script && products, blockers: [...scriptBlockers, ...productBlockers] };
}

/** Script approved (with or without accepted findings) and every product still in the lineup approved. */
export function gatesPassed(state: TStreamState): boolean {
  return gateStatus(state).passed;
}
