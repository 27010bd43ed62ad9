import type { TCampaignEvent, TChildCommandName } from './events.types';
import type { TCampaignState, TCampaignStream } from './state.types';
import { isLive, isStartedBeforeLive } from './streams';

/** One stream action the campaign takes on a child, as the campaign (the stream's own validators judge it). */
export interface TChildCommand {
  /** Idempotency key: the campaign event that caused it and the child; used as the Update's id. */
  id: string;
  key: string;
  workflowId: string;
  action: TChildCommandName;
  input: Record<string, unknown>;
}

/** Stops one stream as its state allows: a live stream ends early (its sales get reviewed), an earlier one is cancelled. */
function stop(stream: TCampaignStream, reason: string): Pick<TChildCommand, 'action' | 'input'> | undefined {
  if (isLive(stream)) return { action: 'end-early', input: { reason } };
  if (isStartedBeforeLive(stream)) return { action: 'cancel', input: { reason } };
  return undefined;
}

/**
 * What a campaign event asks of its started streams, derived from the state before and after it. Pure, so the
 * commands follow from the history alone: a replay derives the same commands, and their ids make re-sending harmless.
 */
export function childCommandsFor(
  before: TCampaignState,
  after: TCampaignState,
  event: TCampaignEvent,
  seq: number,
): TChildCommand[] {
  const commands: TChildCommand[] = [];
  const push = (stream: TCampaignStream, command: Pick<TChildCommand, 'action' | 'input'> | undefined) => {
    if (command === undefined) return;
    commands.push({
      id: `${before.campaignId}:${seq}:${stream.key}:${command.action}`,
      key: stream.key,
      workflowId: stream.workflowId,
      ...command,
    });
  };
  const prior = (key: string) => before.streams[key];
  const why = (text: string) => `${after.plan.name}: ${text}`.slice(0, 2000);
  switch (event.type) {
    case 'BurstExtended':
      for (const key of event.extendedLive) {
        const stream = prior(key);
        if (stream !== undefined && isLive(stream))
          push(stream, { action: 'extend', input: { minutes: event.minutes, reason: why(event.reason) } });
      }
      for (const key of event.moved) {
        const stream = prior(key);
        const moved = after.streams[key];
        if (stream !== undefined && moved !== undefined && isStartedBeforeLive(stream))
          push(stream, {
            action: 'reschedule',
            input: { scheduledStart: moved.plan.scheduledStart, reason: why(event.reason) },
          });
      }
      break;
    case 'StreamDropped': {
      const stream = prior(event.key);
      if (stream !== undefined) push(stream, stop(stream, why(event.reason)));
      break;
    }
    case 'CampaignCancelled':
      for (const stream of Object.values(before.streams)) push(stream, stop(stream, why(event.reason)));
      break;
    case 'StreamsHeld':
      for (const key of event.keys) {
        const stream = prior(key);
        if (stream !== undefined && isStartedBeforeLive(stream))
          push(stream, { action: 'pause', input: { reason: why(event.reason) } });
      }
      break;
    case 'StreamsReleased':
      for (const key of event.keys) {
        const stream = prior(key);
        if (stream !== undefined && stream.status === 'started' && stream.pausedByCampaign)
          push(stream, { action: 'resume', input: {} });
      }
      break;
    default:
      break;
  }
  return commands;
}
