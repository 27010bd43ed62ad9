import { toEpochMs } from '../shared/time';
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
