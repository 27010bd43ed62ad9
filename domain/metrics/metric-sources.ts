import type { TMetricSource } from '../stream/events.types';

/**
 * Which source to trust when several reported the same metric: the platform's own API, then what an integration
 * pushed, and the built-in simulator only when nothing real exists. The review and the stream page both follow it.
 */
export const SOURCE_PRECEDENCE: readonly TMetricSource[] = ['platform', 'pushed', 'simulated'];
