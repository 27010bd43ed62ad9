import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { toEpochMs } from '../../../domain/shared/time';
import { gateStatus, streamDeadlines } from '../../../domain/stream/selectors';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { nowIso } from '../workflow-clock';
import { earliest, superviseApprovals } from './approvals';

const { scanScriptRevision, checkProducts } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * Both gates at once, driven by state: scan each new script revision, check the documents, apply the plan's rule
 * for rejected products, remind and escalate pending decisions, and block the stream when the cutoff passes first.
 * Decisions arrive as Updates; this loop only reacts to what they changed.
 */
export async function runCompliance(run: StreamRun): Promise<void> {
  while (run.state.phase === 'compliance') {
    const state = run.state;
    const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
    if (current !== undefined && current.findings === undefined) {
      const scan = await scanScriptRevision({ segments: current.segments, products: state.plan.products });
      // Histories recorded before rule packs replay this activity's old result, a bare findings array.
      const { findings, packVersion } = Array.isArray(scan)
        ? { findings: scan, packVersion: undefined }
        : scan;
      run.emit({ type: 'ScriptScanned', revision: current.revision, findings, packVersion });
      continue;
    }
    if (state.productsCheckedAt === undefined && state.plan.products.length > 0) {
      const results = await checkProducts({
        products: state.plan.products,
        streamEnd: streamDeadlines(state).liveEnd,
        timeZone: state.plan.timeZone,
        checkedAt: nowIso(),
      });
      run.emit({ type: 'ProductsChecked', results });
      continue;
    }
    if (await applyProductRejections(run)) continue;
    // Every rejection reaches its submitter with the reasons, even when a revision was already resubmitted meanwhile.
    for (const revision of state.script.revisions) {
      if (revision.decision?.decision === 'rejected') await tellSubmitterOfRejection(run, revision.revision);
    }

    const gates = gateStatus(run.state);
    if (gates.passed) {
      run.emit({ type: 'PhaseEntered', phase: 'preheat' });
      return;
    }
    const { gateCutoff } = streamDeadlines(run.state);
    if (run.isDue(gateCutoff)) {
      await blockStream(run, `compliance gates not through by ${gateCutoff}: ${gates.blockers.join('; ')}`);
      return;
    }
    const wakeAt = await superviseApprovals(run, ['script', 'product']);
    await run.checkpoint();
    await run.waitForChange(earliest([gateCutoff, ...wakeAt]));
  }
}

/** A rejected product leaves the lineup or blocks the stream, as the plan says. Returns true when it changed state. */
async function applyProductRejections(run: StreamRun): Promise<boolean> {
  for (const product of run.state.plan.products) {
    const status = run.state.products[product.sku];
    if (status?.decision?.decision !== 'rejected' || status.dropped) continue;
    if (product.onReject === 'drop') {
      run.emit({ type: 'ProductDropped', sku: product.sku });
      return true;
    }
    await blockStream(run, `product ${product.sku} rejected: ${status.decision.reason}`);
    return true;
  }
  return false;
}

async function tellSubmitterOfRejection(run: StreamRun, revision: number): Promise<void> {
  const key = `script-rejected:r${revision}`;
  if (run.state.approvalNotices[key] !== undefined) return;
  const rejected = run.state.script.revisions.find((r) => r.revision === revision)!;
  const to = await notify(run, key, 1, { ids: [rejected.submittedBy] }, 'script_rejected', {
    revision,
    decidedBy: rejected.decision?.decidedBy ?? 'reviewer',
    reasons: rejected.decision?.reasons.length ? rejected.decision.reasons : ['rejected'],
    dueAt: toEpochMs(streamDeadlines(run.state).gateCutoff),
    editUrl: run.link(`/streams/${run.state.streamId}`),
  });
  run.emit({ type: 'ReminderSent', approvalKey: key, to });
}

export async function blockStream(run: StreamRun, reason: string): Promise<void> {
  run.emit({ type: 'StreamBlocked', reason });
  await notify(
    run,
    `blocked:${run.state.version}`,
    1,
    { roles: ['manager', 'room_operator', 'reviewer'] },
    'stream_blocked',
    {
      reasons: [reason],
      blockedAt: toEpochMs(nowIso()),
      streamUrl: run.link(`/streams/${run.state.streamId}`),
    },
  );
}
