import type { History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { decodeRun, eventTypeName } from './decode-history';

export interface TReplayInput {
  workflowId: string;
  history: History;
}

export interface TReplayFailure {
  /** nondeterminism: the current code no longer makes the commands this history recorded; replay: anything else. */
  kind: 'nondeterminism' | 'replay';
  message: string;
  /** The history event where the code and the history parted, when the SDK names it. */
  eventId?: number;
  eventType?: string;
}

export interface TReplayResult {
  workflowId: string;
  runId: string;
  workflowType: string;
  events: number;
  ok: boolean;
  error?: TReplayFailure;
}

/** Core SDK messages name the event as "HistoryEvent(id: 7, ...)" or "event id 7" / "Event Id 7". */
const EVENT_ID_PATTERNS = [/HistoryEvent\(id: (\d+)/, /[Ee]vent [Ii]d:? (\d+)/, /event (\d+)/];

export function divergingEventId(message: string): number | undefined {
  for (const pattern of EVENT_ID_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function failureOf(error: Error, input: TReplayInput): TReplayFailure {
  const eventId = divergingEventId(error.message);
  const line =
    eventId === undefined
      ? undefined
      : (input.history.events ?? []).find((event) => Number(event.eventId) === eventId);
  return {
    kind: error instanceof DeterminismViolationError ? 'nondeterminism' : 'replay',
    message: error.message,
    ...(eventId === undefined ? {} : { eventId }),
    ...(line ? { eventType: eventTypeName(line.eventType) } : {}),
  };
}

export type TWorkflowCode = { workflowBundle: WorkflowBundle } | { workflowsPath: string };

/**
 * Replays histories against workflow code (the current code unless told otherwise), one replay worker for the
 * whole batch. The code is bundled once per replayer, on first use: bundling takes seconds, replaying a history
 * milliseconds. Every history gets a result, ok or the failure with the event where it diverged.
 */
export function createReplayer(code: TWorkflowCode = { workflowsPath: require.resolve('../../workflows') }) {
  let bundle: Promise<WorkflowBundle> | undefined;
  const workflowBundle = () =>
    (bundle ??=
      'workflowBundle' in code
        ? Promise.resolve(code.workflowBundle)
        : bundleWorkflowCode({ workflowsPath: code.workflowsPath, logger: QUIET_LOGGER }).catch(
            (error: unknown) => {
              bundle = undefined;
              throw error;
            },
          ));

  return {
    async replay(inputs: readonly TReplayInput[]): Promise<TReplayResult[]> {
      if (inputs.length === 0) return [];
      const byRun = new Map(inputs.map((input) => [decodeRun(input.workflowId, input.history).runId, input]));
      const results: TReplayResult[] = [];
      const histories = inputs.map(({ workflowId, history }) => ({ workflowId, history }));
      const options = { workflowBundle: await workflowBundle(), replayName: 'liveops-audit' };
      for await (const result of Worker.runReplayHistories(options, histories)) {
        const input = byRun.get(result.runId) ?? inputs.find((i) => i.workflowId === result.workflowId)!;
        const decoded = decodeRun(input.workflowId, input.history);
        results.push({
          workflowId: result.workflowId,
          runId: decoded.runId,
          workflowType: decoded.workflowType,
          events: decoded.events.length,
          ok: result.error === undefined,
          ...(result.error === undefined ? {} : { error: failureOf(result.error, input) }),
        });
      }
      return results;
    },
  };
}

export type Replayer = ReturnType<typeof createReplayer>;

let shared: Replayer | undefined;
/** This build's workflows, bundled once per process (the API's and the CLI's replays share it). */
export function defaultReplayer(): Replayer {
  return (shared ??= createReplayer());
}

const silent = () => undefined;
const QUIET_LOGGER = {
  log: silent,
  trace: silent,
  debug: silent,
  info: silent,
  warn: silent,
  error: (message: string) => process.stderr.write(`[workflow bundle] ${message}\n`),
};
