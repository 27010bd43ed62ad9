import { SYSTEM_ACTOR } from '../../../domain/shared/actor.types';
import { addSeconds } from '../../../domain/shared/time';
import { PAUSE_POLICY } from '../../../domain/stream/pause-policy';
import { pendingItems, streamDeadlines } from '../../../domain/stream/selectors';
import type { TStreamState } from '../../../domain/stream/state.types';
import { ev, HOUR, manager, stateAfter, t } from './stream-fixtures';

/** A 600-second pause in the phase of `state`, starting at `at` (seconds from the start), resumed. */
function paused(label: string, at: number, extra: Parameters<typeof stateAfter>[1] = []): TStreamState {
  return stateAfter(label, [
    ...extra,
    ev('Paused', t(at), manager, { reason: '等待' }),
    ev('Resumed', t(at + 600), manager, { pausedSeconds: 600 }),
  ]);
}
const moved = (before: string | undefined, after: string | undefined) =>
  before === undefined || after === undefined ? undefined : (Date.parse(after) - Date.parse(before)) / 1000;

describe('what a pause holds, phase by phase (PAUSE_POLICY)', () => {
  it('compliance: approval due times move back; the announced start and the gate cutoff stay', () => {
    expect(PAUSE_POLICY.compliance?.moves).toEqual(['approval_due']);
    const before = stateAfter('scanned');
    const after = paused('scanned', -99 * HOUR);
    expect(moved(pendingItems(before)[0]?.dueAt, pendingItems(after)[0]?.dueAt)).toBe(600);
    expect(streamDeadlines(after).gateCutoff).toBe(streamDeadlines(before).gateCutoff);
    expect(streamDeadlines(after).liveStart).toBe(streamDeadlines(before).liveStart);
  });

  it('preheat: nothing moves (the start was announced); the live end counts from when it really went live', () => {
    expect(PAUSE_POLICY.preheat?.moves).toEqual([]);
    expect(PAUSE_POLICY.preheat?.waits).toContain('go_live');
    const before = stateAfter('preheat');
    const after = paused('preheat', -HOUR);
    for (const key of ['checklistDue', 'liveStart', 'liveEnd', 'tailEnd', 'gateCutoff'] as const)
      expect({ key, at: streamDeadlines(after)[key] }).toEqual({ key, at: streamDeadlines(before)[key] });
    // Paused past the start: it went live when resumed, and the live lasts its planned length from then.
    const late = stateAfter('preheat', [
      ev('Paused', t(-60), manager, { reason: '主播迟到' }),
      ev('Resumed', t(540), manager, { pausedSeconds: 600 }),
      ev('PhaseEntered', t(541), SYSTEM_ACTOR, { phase: 'burst' }),
    ]);
    expect(streamDeadlines(late).liveStart).toBe(addSeconds(t(541), 0));
    expect(moved(streamDeadlines(before).liveEnd, streamDeadlines(late).liveEnd)).toBe(541);
  });

  it('burst: the live end (and the tail with it) moves back', () => {
    const before = stateAfter('burst');
    const after = paused('burst', 600);
    expect(moved(streamDeadlines(before).liveEnd, streamDeadlines(after).liveEnd)).toBe(600);
    expect(moved(streamDeadlines(before).tailEnd, streamDeadlines(after).tailEnd)).toBe(600);
  });

  it('tail: the tail end moves back, nothing before it', () => {
    const before = stateAfter('tail');
    const after = paused('tail', 3 * HOUR);
    expect(moved(streamDeadlines(before).tailEnd, streamDeadlines(after).tailEnd)).toBe(600);
    expect(streamDeadlines(after).liveEnd).toBe(streamDeadlines(before).liveEnd);
  });

  it('review: the sign-off due time moves back', () => {
    const before = stateAfter('reported');
    const after = paused('reported', 28 * HOUR);
    expect(moved(pendingItems(before)[0]?.dueAt, pendingItems(after)[0]?.dueAt)).toBe(600);
  });

  it('a pause in one phase does not move the deadlines another phase owns', () => {
    // A compliance pause does not stretch the live; a burst pause does not move approval due times.
    const compliancePause = paused('scanned', -99 * HOUR, []);
    expect(streamDeadlines(compliancePause).liveEnd).toBe(streamDeadlines(stateAfter('scanned')).liveEnd);
  });
});
