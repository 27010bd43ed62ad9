import { CAMPAIGN_STARTING_PHASES } from './phases';
import type { TCampaignEvent, TChildCommandName } from './events.types';
import type { TCampaignState, TCampaignStream } from './state.types';
import { isLive, isStartedBeforeLive } from './streams';

/**
 * Commands that exist since a workflow change: a campaign replaying a history from before must not issue them, so the
 * workflow sends one only where `patched(patch)` holds (README, "Changing running workflows").
 */
export const CHILD_START_RACE_PATCH = 'child-start-race';

/** One stream action the campaign takes on a child, as the campaign (the stream's own validators judge it). */
export interface TChildCommand {
  /** Idempotency key: the campaign event that caused it and the child; used as the Update's id. */
  id: string;
  key: string;
  workflowId: string;
  action: TChildCommandName;
  input: Record<string, unknown>;
  /**
   * Tried in order when the stream refuses `action` because of its phase: the campaign's picture of a stream lags the
   * stream, so "stop" is a cancel before live and an end-early once live, whichever the stream is in when it hears.
   */
  fallbacks?: TChildCommandName[];
  /** A reschedule refused leaves the stream at this slot: the campaign takes it back (ChildCommandFailed). */
  slotKept?: string;
  /** Sent only where the workflow change that introduced it is patched in (see CHILD_START_RACE_PATCH). */
  patch?: string;
}

type TCommandBody = Pick<TChildCommand, 'action' | 'input' | 'fallbacks'>;

/**
 * Stops one stream as its state allows: a live stream ends early (its sales get reviewed), an earlier one is cancelled;
 * each falls back to the other if the stream moved on meanwhile.
 */
function stop(stream: TCampaignStream, reason: string): TCommandBody | undefined {
  if (isLive(stream)) return { action: 'end-early', input: { reason }, fallbacks: ['cancel'] };
  if (isStartedBeforeLive(stream)) return { action: 'cancel', input: { reason }, fallbacks: ['end-early'] };
  return undefined;
}

/** Stops a stream that has not gone live; one that is live by the time it hears runs its course. */
function cancelUnaired(reason: string): TCommandBody {
  return { action: 'cancel', input: { reason } };
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
  const push = (
    stream: TCampaignStream,
    command: TCommandBody | undefined,
    extra: Pick<TChildCommand, 'slotKept' | 'patch'> = {},
  ) => {
    if (command === undefined) return;
    commands.push({
      id: `${before.campaignId}:${seq}:${stream.key}:${command.action}`,
      key: stream.key,
      workflowId: stream.workflowId,
      ...command,
      ...extra,
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
          push(
            stream,
            {
              action: 'reschedule',
              input: { scheduledStart: moved.plan.scheduledStart, reason: why(event.reason) },
            },
            { slotKept: stream.plan.scheduledStart },
          );
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
    case 'ChildStarted': {
      // Its start was in flight while the campaign moved on: it gets what it would have got, had it been started.
      const was = prior(event.key);
      const started = after.streams[event.key];
      if (was === undefined || started === undefined) break;
      const patch = { patch: CHILD_START_RACE_PATCH };
      if (after.phase === 'cancelled')
        push(started, cancelUnaired(why(after.cancelledReason ?? 'the campaign was cancelled')), patch);
      else if (was.status === 'dropped')
        push(started, cancelUnaired(why(was.droppedReason ?? 'taken out of the campaign')), patch);
      else if (!CAMPAIGN_STARTING_PHASES.includes(after.phase))
        push(started, cancelUnaired(why(`the campaign is in ${after.phase}: its burst is over`)), patch);
      else if (was.status === 'held')
        push(started, { action: 'pause', input: { reason: why('held by the campaign') } }, patch);
      break;
    }
    case 'UnairedStreamsStopped':
      for (const key of event.beforeLive) {
        const stream = prior(key);
        if (stream !== undefined) push(stream, cancelUnaired(why(event.reason)));
      }
      break;
    default:
      break;
  }
  return commands;
}

/** When the burst is over: the streams that must not go on air (see UnairedStreamsStopped). */
export function unairedStreams(state: TCampaignState): { notStarted: string[]; beforeLive: string[] } {
  const streams = state.streamOrder.map((key) => state.streams[key]!);
  return {
    notStarted: streams.filter((s) => s.status === 'planned' || s.status === 'held').map((s) => s.key),
    beforeLive: streams.filter(isStartedBeforeLive).map((s) => s.key),
  };
}
