import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TChildCommandName } from '../../domain/campaign/events.types';
import type { TActor } from '../../domain/shared/actor.types';
import { DOMAIN_ERROR_CODES } from '../../domain/shared/errors';
import type { Logger } from '../../runtime/logger';
import { STREAM_UPDATES } from '../../workflows/stream/messages';

export interface CommandStreamInput {
  /** The Update's id: a retried activity or a replayed campaign re-sends the same command, and it is applied once. */
  commandId: string;
  workflowId: string;
  action: TChildCommandName;
  input: Record<string, unknown>;
  actor: TActor;
  /** Tried in order when the stream refuses the action for its phase (INVALID_PHASE): "stop" as the stream is now. */
  fallbacks?: TChildCommandName[];
}

export type CommandStreamResult = { ok: true; phase: string } | { ok: false; code: string; reason: string };

/**
 * One of a stream's own actions, taken by the system on someone's behalf (its campaign, the read-model reconciler):
 * the stream's Update validators judge it as for a person. A refusal is an answer; what is thrown is worth a retry.
 */
export async function commandStreamWithFallbacks(
  client: Client,
  logger: Logger,
  input: CommandStreamInput,
): Promise<CommandStreamResult> {
  const actions = [input.action, ...(input.fallbacks ?? [])];
  let answer: CommandStreamResult = { ok: false, code: 'INVALID_INPUT', reason: 'no action' };
  for (const [index, action] of actions.entries()) {
    // The first attempt keeps the command's own id (a retry or a replay re-sends it once); each fallback its own.
    const updateId = index === 0 ? input.commandId : `${input.commandId}:${action}`;
    answer = await sendOne(client, logger, { ...input, action }, updateId);
    if (answer.ok || answer.code !== 'INVALID_PHASE') return answer;
  }
  return answer;
}

async function sendOne(
  client: Client,
  logger: Logger,
  input: CommandStreamInput,
  updateId: string,
): Promise<CommandStreamResult> {
  const update = STREAM_UPDATES[input.action];
  if (update === undefined)
    return { ok: false, code: 'INVALID_INPUT', reason: `Unknown action ${input.action}` };
  try {
    const result = await client.workflow.getHandle(input.workflowId).executeUpdate(update, {
      args: [{ actor: input.actor, input: input.input, kind: 'stream' }],
      updateId,
    });
    return { ok: true, phase: result.phase };
  } catch (error) {
    // A refusal is an answer, not a failure to retry: the caller puts it on its timeline.
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = error.cause.type ?? 'REFUSED';
      if ((DOMAIN_ERROR_CODES as readonly string[]).includes(code))
        return { ok: false, code, reason: error.cause.message };
    }
    if (error instanceof WorkflowNotFoundError)
      return { ok: false, code: 'NOT_FOUND', reason: `Stream ${input.workflowId} is not running` };
    logger.warn({ err: error, workflowId: input.workflowId, action: input.action }, 'stream command failed');
    throw error;
  }
}
