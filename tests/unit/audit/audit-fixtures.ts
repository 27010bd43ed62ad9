import type { TStreamEvent } from '../../../domain/stream/events.types';
import { CREATED_AT, manager, plan, planner } from '../domain/stream-fixtures';

/** `minutes` after the stream was planned. */
export const at = (minutes: number) => new Date(Date.parse(CREATED_AT) + minutes * 60_000).toISOString();

/** A short stream's events, seq 1-5: planned, script submitted, paused, resumed, cancelled. */
export const events: TStreamEvent[] = [
  { type: 'StreamPlanned', at: at(0), actor: planner, streamId: 's1', plan },
  {
    type: 'ScriptSubmitted',
    at: at(0),
    actor: planner,
    revision: 1,
    segments: plan.script,
    submittedBy: planner.id,
  },
  { type: 'Paused', at: at(5), actor: manager, reason: 'brand' },
  { type: 'Resumed', at: at(9), actor: manager, pausedSeconds: 240 },
  { type: 'Cancelled', at: at(12), actor: manager, reason: 'host ill' },
];
