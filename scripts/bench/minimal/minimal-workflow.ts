/**
 * The baseline: the least a waiting, human-driven workflow can be. It imports only @temporalio/workflow, waits for a
 * signal, and answers a validated Update with a tiny result, so the bench can compare the stream workflow's memory,
 * start rate and decision latency with what the SDK itself costs.
 */
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export interface MinimalDecision {
  approved: boolean;
}

export const decideUpdate = defineUpdate<{ decisions: number }, [MinimalDecision]>('decide');
export const finishSignal = defineSignal('finish');

export async function minimalWorkflow(): Promise<void> {
  let decisions = 0;
  let finished = false;
  setHandler(
    decideUpdate,
    (decision) => {
      decisions += decision.approved ? 1 : 0;
      return { decisions };
    },
    {
      // A validator as the stream's decisions have, so both paths pay for one.
      validator: (decision) => {
        if (typeof decision?.approved !== 'boolean') throw new Error('approved must be a boolean');
      },
    },
  );
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}
