import { toEpochMs } from '../shared/time';
import type { TStreamPhase } from '../stream/phases';
import { overlappingSlot, type TSlot } from './plan-rules';
import type { TCampaignStream } from './state.types';

/** A child stream's workflow id: fixed by campaign and key, so a retried start never makes a second stream. */
export function childWorkflowId(campaignId: string, key: string): string {
  return `${campaignId}--${key}`;
}

/** Keys in slot order (ties by key), as the calendar and lists show them. */
export function sortedStreamKeys(streams: Record<string, TCampaignStream>): string[] {
  return Object.values(streams)
    .sort(
      (a, b) =>
        toEpochMs(a.plan.scheduledStart) - toEpochMs(b.plan.scheduledStart) || a.key.localeCompare(b.key),
    )
    .map((s) => s.key);
}

/**
 * Whether a phase a stream reported (by its own signal, or as the read model has it) is news to the campaign: only from
 * a started stream, only a different phase, and only from a newer state version than the one the campaign has, so
 * the lagging read model can never move a stream back (a stream's phases do go back in its own history: a script
 * resubmitted in preheat returns it to compliance; the version tells which came last). Reports without a version
 * (from code before versions were sent) are news when they differ.
 */
export function isChildPhaseNews(stream: TCampaignStream, phase: TStreamPhase, version?: number): boolean {
  if (stream.status !== 'started' || stream.phase === phase) return false;
  if (version === undefined || stream.phaseVersion === undefined) return true;
  return version > stream.phaseVersion;
}

/** Streams still on the calendar: not dropped, failed or over. */
export function onCalendar(stream: TCampaignStream): boolean {
  return stream.status === 'planned' || stream.status === 'held' || stream.status === 'started';
}

export function slotOf(stream: TCampaignStream): TSlot {
  return {
    key: stream.key,
    room: stream.room,
    start: stream.plan.scheduledStart,
    durationMinutes: stream.plan.plannedDurationMinutes,
  };
}

/** Two streams on the calendar in one room at once, if any (a room hosts one live at a time). */
export function roomClash(
  streams: Record<string, TCampaignStream>,
): { slot: TSlot; other: TSlot } | undefined {
  const slots = Object.values(streams).filter(onCalendar).map(slotOf);
  for (const slot of slots) {
    const other = overlappingSlot(slot, slots);
    if (other !== undefined) return { slot, other };
  }
  return undefined;
}

/** Streams that are on air now (the campaign heard they entered burst). */
export function isLive(stream: TCampaignStream): boolean {
  return stream.status === 'started' && stream.phase === 'burst';
}

/** Started, not on air yet: its start can still move and it can still be cancelled or paused. */
export function isStartedBeforeLive(stream: TCampaignStream): boolean {
  return (
    stream.status === 'started' &&
    (stream.phase === undefined ||
      stream.phase === 'draft' ||
      stream.phase === 'compliance' ||
      stream.phase === 'preheat' ||
      stream.phase === 'blocked')
  );
}
