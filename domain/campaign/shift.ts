import { addSeconds, isBefore } from '../shared/time';
import type { TCampaignWindows } from './plan-rules';
import { WINDOW_KEYS } from './plan-rules';
import type { TCampaignStream } from './state.types';

/** The campaign's windows with every boundary after `after` (all of them when undefined) moved by `seconds`. */
export function shiftWindows(windows: TCampaignWindows, seconds: number, after?: string): TCampaignWindows {
  const out = { ...windows };
  for (const field of WINDOW_KEYS)
    if (after === undefined || isBefore(after, windows[field]))
      out[field] = addSeconds(windows[field], seconds);
  return out;
}

/** A stream's live slot moved by `seconds` (its plan's start is its slot). */
export function shiftStream(stream: TCampaignStream, seconds: number): TCampaignStream {
  return {
    ...stream,
    plan: { ...stream.plan, scheduledStart: addSeconds(stream.plan.scheduledStart, seconds) },
  };
}

/** Streams the campaign has not started yet: their slot is still the campaign's to move. */
export function isUnstarted(stream: TCampaignStream): boolean {
  return stream.status === 'planned' || stream.status === 'held';
}

/** Unstarted streams whose slot begins after `after` (all unstarted when undefined), moved by `seconds`. */
export function shiftUnstarted(
  streams: Record<string, TCampaignStream>,
  seconds: number,
  after?: string,
): Record<string, TCampaignStream> {
  const out: Record<string, TCampaignStream> = {};
  for (const [key, stream] of Object.entries(streams))
    out[key] =
      isUnstarted(stream) && (after === undefined || isBefore(after, stream.plan.scheduledStart))
        ? shiftStream(stream, seconds)
        : stream;
  return out;
}
