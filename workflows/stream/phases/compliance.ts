import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { toEpochMs } from '../../../domain/shared/time';
import { describeBlockers, gateStatus, streamDeadlines } from '../../../domain/stream/selectors';
import { productCheckInputs, scanLineup, type TScriptScanInputs } from '../../../domain/stream/gate-inputs';
import { nowIso } from '../../engine/clock';
import { notify } from '../notify';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { StreamRun } from '../stream-run';
import { earliest, superviseApprovals } from './approvals';
import { stillAsks } from './current-inputs';

const { scanScriptRevision, checkProducts } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Findings kept per revision in state; a script with more is rejected and rewritten, not accepted one by one. */
export const MAX_STORED_FINDINGS = 200;

/**
 * Both gates at once, driven by state: scan each new script revision, check the documents, apply the plan's rule
 * for rejected products, remind and escalate pending decisions, and block the stream when the cutoff passes first.
 * Once through the gates, the stream stays here until preheat is due (the plan's preheat lead before the live).
 * Decisions arrive as Updates. After every await the loop starts over from the state as it is then, and what an
 * activity produced is applied only if it can still happen (a cancel that landed meanwhile wins) and only to the
 * inputs it was computed for (a document replaced, a product added or the start moved meanwhile is checked again).
 */
export async function runCompliance(run: StreamRun): Promise<void> {
  while (run.state.phase === 'compliance') {
    const state = run.state;
    const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
    if (current !== undefined && current.findings === undefined) {
      const { revision, segments } = current;
      const scanInputs = (now: TStreamState): TScriptScanInputs => ({ segments, products: scanLineup(now) });
      const asked = scanInputs(state);
      const { findings, packVersion } = await scanScriptRevision(asked);
      if (!stillAsks(run.state, scanInputs, asked)) continue;
      run.emitIf({
        type: 'ScriptScanned',
        revision,
        findings: findings.slice(0, MAX_STORED_FINDINGS),
        ...(findings.length > MAX_STORED_FINDINGS
          ? { truncated: findings.length - MAX_STORED_FINDINGS }
          : {}),
        packVersion,
      });
      continue;
    }
    if (state.productsCheckedAt === undefined && state.plan.products.length > 0) {
      const asked = productCheckInputs(state);
      const results = await checkProducts({ ...asked, checkedAt: nowIso() });
      if (stillAsks(run.state, productCheckInputs, asked)) run.emitIf({ type: 'ProductsChecked', results });
      continue;
    }
    if (applyProductRejections(run)) continue;
    tellSubmittersOfRejections(run);

    const gates = gateStatus(run.state);
    const { gateCutoff, preheatStart } = streamDeadlines(run.state);
    if (gates.passed && preheatIsDue(run, preheatStart)) {
      run.emit({ type: 'PhaseEntered', phase: 'preheat' });
      return;
    }
    if (!gates.passed && run.isDue(gateCutoff)) {
      blockStream(run, `compliance gates not through by ${gateCutoff}: ${describeBlockers(gates.blockers)}`);
      return;
    }
    const wakeAt = superviseApprovals(run, ['script', 'product']);
    await run.continueAsNewIfSuggested();
    // Through the gates, the loop waits for the start of preheat; a new revision, a lineup change or a reschedule
    // wakes it sooner and the gates are judged again.
    await run.waitForChange(earliest([gates.passed ? preheatStart : gateCutoff, ...wakeAt]));
  }
}

/**
 * Versioned change (README, "Changing running workflows"): preheat starts the plan's `preheatLeadSeconds` before the
 * live, once the gates have passed, instead of the moment they pass. Streams that passed their gates earlier than
 * that under the old code entered preheat at once; `patched` keeps their histories on that path. It is asked only
 * when preheat is not due yet, so a stream whose gates pass within the lead records no marker and runs as before.
 */
export const PREHEAT_AT_LEAD_PATCH = 'preheat-at-lead';

/** Preheat is due at its start, unless paused (PAUSE_POLICY: the start of preheat waits for the resume). */
function preheatIsDue(run: StreamRun, preheatStart: string): boolean {
  if (run.isDue(preheatStart)) return true;
  return !patched(PREHEAT_AT_LEAD_PATCH);
}

/** A rejected product leaves the lineup or blocks the stream, as the plan says. Returns true when it changed state. */
function applyProductRejections(run: StreamRun): boolean {
  for (const product of run.state.plan.products) {
    const status = run.state.products[product.sku];
    if (status?.decision?.decision !== 'rejected' || status.dropped) continue;
    if (product.onReject === 'drop') {
      run.emit({ type: 'ProductDropped', sku: product.sku });
      return true;
    }
    blockStream(run, `product ${product.sku} rejected: ${status.decision.reason}`);
    return true;
  }
  return false;
}

/** Every rejection reaches its submitter with the reasons, even when a revision was already resubmitted meanwhile. */
function tellSubmittersOfRejections(run: StreamRun): void {
  for (const rejected of run.state.script.revisions) {
    if (rejected.decision?.decision !== 'rejected') continue;
    const key = `script-rejected:r${rejected.revision}`;
    if (run.state.approvalNotices[key] !== undefined) continue;
    const to = notify(run, key, 1, { ids: [rejected.submittedBy] }, 'script_rejected', {
      revision: rejected.revision,
      decidedBy: rejected.decision.decidedBy.slice(0, 100),
      reasons: rejected.decision.reasons.length
        ? rejected.decision.reasons.map((r) => r.slice(0, 500))
        : ['rejected'],
      dueAt: toEpochMs(streamDeadlines(run.state).gateCutoff),
      editUrl: run.link(`/streams/${run.state.streamId}`),
    });
    run.emit({ type: 'ReminderSent', approvalKey: key, to });
  }
}

export function blockStream(run: StreamRun, reason: string): void {
  if (!run.emitIf({ type: 'StreamBlocked', reason })) return;
  notify(
    run,
    `blocked:${run.state.version}`,
    1,
    { roles: ['manager', 'room_operator', 'reviewer'] },
    'stream_blocked',
    {
      reasons: [reason.slice(0, 500)],
      blockedAt: toEpochMs(nowIso()),
      streamUrl: run.link(`/streams/${run.state.streamId}`),
    },
  );
}
