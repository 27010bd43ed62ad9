import { setHandler } from '@temporalio/workflow';
import { STREAM_ACTIONS, validateStreamAction, type TStreamActionDef } from '../../domain/stream/actions';
import { nextDeadline } from '../../domain/stream/next-deadline';
import { pendingItems } from '../../domain/stream/pending-items';
import { summarizeEvent } from '../../domain/stream/timeline-summary';
import { registerActionUpdates, type TActionResult } from '../engine/action-updates';
import { nowIso } from '../engine/clock';
import { metricsBatchSignal, STREAM_UPDATES, streamStateQuery } from './messages';
import { receiveMetrics } from './metrics-intake';
import type { StreamRun } from './stream-run';

export function registerStreamHandlers(run: StreamRun): void {
  setHandler(streamStateQuery, () => run.state);
  setHandler(metricsBatchSignal, (batch) => receiveMetrics(run, batch));
  registerActionUpdates<TStreamActionDef>(
    'stream',
    STREAM_ACTIONS,
    STREAM_UPDATES,
    (def, { actor, input }) => validateStreamAction(def, run.state, input, actor, { now: nowIso() }),
    (def, parsed, actor): TActionResult => {
      const events = def
        .events(run.state, parsed, actor, { now: nowIso() })
        .map((draft) => ({ seq: run.state.version + 1, event: run.emit(draft, actor) }));
      const now = nowIso();
      const next = nextDeadline(run.state, now);
      return {
        action: def.name,
        version: run.state.version,
        phase: run.state.phase,
        paused: run.isPaused,
        events: events.map(({ event, seq }) => ({ seq, type: event.type, summary: summarizeEvent(event) })),
        pendingItems: pendingItems(run.state, now).length,
        ...(next === undefined ? {} : { nextDeadline: { kind: next.kind, at: next.at } }),
      };
    },
  );
}
