import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { TBatchSummary } from '../../domain/metrics/metric.types';
import { STREAM_ACTIONS } from '../../domain/stream/actions';
import type { TMetricSource } from '../../domain/stream/events.types';
import type { TStreamState } from '../../domain/stream/state.types';
import { actionUpdates } from '../engine/action-updates';

/**
 * Every human action is an Update named by its registry entry (domain/stream/actions): its validator is the domain's
 * check, so a refused action is answered at once and leaves no history. Each answers a compact TActionResult.
 */
export const STREAM_UPDATES = actionUpdates(STREAM_ACTIONS);

/** Full state: phase, deadlines, pending items, findings, the latest timeline entries. */
export const streamStateQuery = defineQuery<TStreamState>('streamState');

/** One batch of newly stored points for this stream (never per point, never points stored before). */
export interface TMetricsBatchSignal {
  summary: TBatchSummary;
  source: TMetricSource;
}

/** Machine event: one signal per ingested batch per stream, so history stays bounded. */
export const metricsBatchSignal = defineSignal<[TMetricsBatchSignal]>('metricsBatch');
