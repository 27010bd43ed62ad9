import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TActor } from '../../domain/shared/actor.types';
import type { TStreamActionName } from '../../domain/stream/action-permits';
import type { TBatchSummary } from '../../domain/metrics';
import type { TStreamState } from '../../domain/stream/state.types';

/**
 * Every human action is an Update: its validator runs the domain command check, so a refused action (wrong role,
 * self-approval, stale revision, decided twice, wrong phase) is answered at once and leaves no history. Each returns
 * the stream state after the action.
 */
export interface ActionArgs<I = unknown> {
  actor: TActor;
  input: I;
}

const action = (name: string) => defineUpdate<TStreamState, [ActionArgs]>(name);

export const submitScriptUpdate = action('submitScript');
export const decideScriptUpdate = action('decideScript');
export const decideProductUpdate = action('decideProduct');
export const signChecklistUpdate = action('signChecklist');
export const recordIncidentUpdate = action('recordIncident');
export const extendUpdate = action('extend');
export const endEarlyUpdate = action('endEarly');
export const pauseUpdate = action('pause');
export const resumeUpdate = action('resume');
export const advanceUpdate = action('advance');
export const rescheduleUpdate = action('reschedule');
export const cancelUpdate = action('cancel');
export const signReviewUpdate = action('signReview');

/** Maps the API's action names (kebab-case in URLs) to the Updates. */
export const STREAM_ACTIONS = {
  'submit-script': submitScriptUpdate,
  'decide-script': decideScriptUpdate,
  'decide-product': decideProductUpdate,
  'sign-checklist': signChecklistUpdate,
  'record-incident': recordIncidentUpdate,
  extend: extendUpdate,
  'end-early': endEarlyUpdate,
  pause: pauseUpdate,
  resume: resumeUpdate,
  advance: advanceUpdate,
  reschedule: rescheduleUpdate,
  cancel: cancelUpdate,
  'sign-review': signReviewUpdate,
} as const satisfies Record<TStreamActionName, typeof submitScriptUpdate>;
export type StreamActionName = keyof typeof STREAM_ACTIONS;

/** Full state: phase, deadlines, pending approvals, findings, timeline. */
export const streamStateQuery = defineQuery<TStreamState>('streamState');

/** Machine event: one signal per ingested batch per stream (never per metric point), so history stays bounded. */
export const metricsBatchSignal = defineSignal<[TBatchSummary]>('metricsBatch');
