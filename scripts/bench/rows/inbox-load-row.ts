import { describeError } from '../http/http-client';
import type { WebSession } from '../http/web-session';
import { summarize, sleep, type LatencySummary } from '../stats';
import { summarizeDecisions, type DecisionSample, type ProductDecisions } from './decision-row';
import type { SamplingBudget } from './sampling';

/** Decisions start once the inbox load is on, and are spaced like a person clicking through, not a loop. */
const LOAD_RAMP_MS = 1_000;
const PAUSE_BETWEEN_DECISIONS_MS = 200;

export interface InboxUnderLoad {
  users: number;
  inbox: LatencySummary & { bytes: number };
  decisions: LatencySummary;
  seconds: number;
  stoppedByTimeLimit: boolean;
  firstError?: string;
}

/**
 * `users` signed-in reviewers reload the inbox back to back while one more reviewer decides products through the
 * API. Runs until both have `samples` answers (decisions: at most `maxDecisions`) or the time limit; requests in flight
 * then finish and count (they ran under load for most of their time).
 */
export async function measureInboxUnderLoad(
  sessions: readonly WebSession[],
  decisions: ProductDecisions,
  budget: SamplingBudget,
  maxDecisions: number,
): Promise<InboxUnderLoad> {
  const inboxMs: number[] = [];
  const inboxBytes: number[] = [];
  const decisionSamples: DecisionSample[] = [];
  let inboxErrors = 0;
  let inboxTimeouts = 0;
  let firstError: string | undefined;
  let stopping = false;
  const started = performance.now();

  const reload = async (session: WebSession) => {
    while (!stopping) {
      try {
        const response = await session.get('/inbox');
        if (response.timedOut) {
          inboxTimeouts++;
          inboxMs.push(response.ms);
        } else if (response.status === 200) {
          inboxMs.push(response.ms);
          inboxBytes.push(response.bytes);
        } else {
          inboxErrors++;
          firstError ??= `GET /inbox ${response.status}`;
        }
      } catch (error) {
        inboxErrors++;
        firstError ??= `GET /inbox: ${describeError(error)}`;
      }
    }
  };
  const decide = async () => {
    await sleep(LOAD_RAMP_MS);
    while (!stopping && decisionSamples.length < maxDecisions) {
      const sample = await decisions.decideNext();
      decisionSamples.push(sample);
      if (!sample.ok) firstError ??= `decision: ${sample.error}`;
      await sleep(PAUSE_BETWEEN_DECISIONS_MS);
    }
  };
  // Handled now, not when awaited at the end: a loop failing meanwhile must not become an unhandled rejection.
  const loops = [...sessions.map(reload), decide()].map((loop) =>
    loop.catch((error: unknown) => {
      firstError ??= describeError(error);
    }),
  );

  let stoppedByTimeLimit = false;
  while (!stopping) {
    await sleep(250);
    const enough = inboxMs.length >= budget.samples && decisionSamples.length >= maxDecisions;
    stoppedByTimeLimit = performance.now() - started > budget.maxSeconds * 1000;
    stopping = enough || stoppedByTimeLimit;
  }
  await Promise.all(loops);
  const sortedBytes = [...inboxBytes].sort((a, b) => a - b);
  return {
    users: sessions.length,
    inbox: {
      ...summarize(inboxMs, inboxErrors, inboxTimeouts),
      bytes: sortedBytes[Math.floor(sortedBytes.length / 2)] ?? NaN,
    },
    decisions: summarizeDecisions(decisionSamples),
    seconds: (performance.now() - started) / 1000,
    stoppedByTimeLimit,
    ...(firstError ? { firstError } : {}),
  };
}
