import type { TMetricName } from '../../domain/metrics/metric-kinds';
import type { TMetricsBatchSignal } from './messages';
import { RULES_QUEUE_LIMIT, type StreamRun } from './stream-run';

/**
 * A batch of new points: folded into the state at once in any phase (late T+1 corrections included), and kept for the
 * live rules while on air. The queue is bounded; past the bound the oldest batch is folded without being judged.
 */
export function receiveMetrics(run: StreamRun, { summary, source }: TMetricsBatchSignal): void {
  if (summary.count === 0 || summary.from === null || summary.to === null) return;
  const latest = Object.fromEntries(
    Object.entries(summary.latest[run.state.streamId] ?? {}).map(([metric, reading]) => [
      metric,
      reading?.value,
    ]),
  ) as Partial<Record<TMetricName, number>>;
  const applied = run.emitIf({
    type: 'MetricsReceived',
    count: summary.count,
    from: summary.from,
    to: summary.to,
    latest,
    source,
  });
  if (!applied || run.state.phase !== 'burst') return;
  run.rulesQueue.push(summary);
  if (run.rulesQueue.length > RULES_QUEUE_LIMIT)
    run.rulesQueue.splice(0, run.rulesQueue.length - RULES_QUEUE_LIMIT);
}
