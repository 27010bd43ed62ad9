import type { TMetricSource } from '../stream/events.types';

/**
 * Which source to trust when several reported the same metric: the platform's own API, then what an integration
 * pushed, and the built-in simulator only when nothing real exists. The review and the stream page both follow it.
 */
export const SOURCE_PRECEDENCE: readonly TMetricSource[] = ['platform', 'pushed', 'simulated'];

/** Numbers someone measured: the platform's API or an integration's push. The simulator's are generated. */
export const REAL_SOURCES: readonly TMetricSource[] = ['platform', 'pushed'];

export interface TUsableSources {
  /** Sources a stream's numbers may be taken from, most trusted first. */
  used: TMetricSource[];
  /** Sources that reported something for the stream and are not counted. */
  ignored: TMetricSource[];
}

/**
 * The simulator stands in for a whole stream that has no real numbers, never for single metrics beside real ones: a
 * simulated peak beside pushed viewers made a peak of 3,300 where 1,300 were seen. So once any real source reported
 * anything for a stream, the simulator is ignored for all of that stream's metrics.
 */
export function usableSources(present: Iterable<TMetricSource>): TUsableSources {
  const reported = new Set(present);
  const real = REAL_SOURCES.some((source) => reported.has(source));
  const used = SOURCE_PRECEDENCE.filter(
    (source) => reported.has(source) && (!real || source !== 'simulated'),
  );
  return {
    used,
    ignored: SOURCE_PRECEDENCE.filter((source) => reported.has(source) && !used.includes(source)),
  };
}
