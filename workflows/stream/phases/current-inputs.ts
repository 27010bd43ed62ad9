import { patched } from '@temporalio/workflow';

/**
 * Versioned change (README, "Changing running workflows"): a gate activity's result is applied only if the state still
 * asks the question it answered; otherwise the loop asks again. Histories recorded before the change applied the
 * stale result (a check of a replaced document, of a lineup without the product added meanwhile, against the old
 * end); on replay `patched` keeps them on that path. It is only reached when the inputs did change, so runs where
 * nothing landed during the activity record no marker and issue the same commands as before.
 */
export const RECHECK_STALE_GATE_INPUTS_PATCH = 'recheck-stale-gate-inputs';

/**
 * After an activity's await: does the state still ask what the activity was asked? `derive` reads the inputs from
 * the state as it is now; a person may have acted while the activity ran (replaced a document, added a product, moved
 * the start), and a result computed for the old inputs would overwrite their newer facts. False means "stale": the
 * caller's loop derives the inputs again and asks again.
 *
 * Synchronous on purpose, called right after the activity's own `await`: one more await between a result and its use
 * lets other coroutines (the event shipper) issue their commands first, which reorders the commands of recorded
 * histories. Inputs are compared as JSON: the same state derives the same JSON, so a difference is a real change (at
 * worst, an equal value rebuilt in another key order costs one more call).
 */
export function stillAsks<TState, TInputs>(
  state: TState,
  derive: (state: TState) => TInputs,
  asked: TInputs,
): boolean {
  if (JSON.stringify(derive(state)) === JSON.stringify(asked)) return true;
  return !patched(RECHECK_STALE_GATE_INPUTS_PATCH);
}
