import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, defineUpdate, setHandler } from '@temporalio/workflow';
import type { TActor } from '../../domain/shared/actor.types';
import { updateNameOf } from '../../domain/engine/action';
import { DomainError, isDomainError } from '../../domain/shared/errors';

/** What every action Update receives: who acts (the API authenticated them) and their input (the domain judges). */
export interface TActionArgs {
  actor: TActor;
  input: unknown;
  /**
   * The kind the caller means. Streams and campaigns share some Update names (pause, cancel, advance...), so without
   * it a stream's route given a campaign's id would act on the campaign. Absent in histories from before it existed.
   */
  kind?: TWorkflowKind;
}

export type TWorkflowKind = 'stream' | 'campaign';

/**
 * What an action Update answers: what changed and where the workflow stands, not the whole state (that is a Query,
 * and every Update result is written into history). `events` are the facts the action produced.
 */
export interface TActionResult {
  action: string;
  version: number;
  phase: string;
  paused: boolean;
  events: Array<{ seq: number; type: string; summary: string }>;
  pendingItems: number;
  nextDeadline?: { kind: string; at: string };
}

export type TActionUpdate = UpdateDefinition<TActionResult, [TActionArgs]>;

/** One Update definition per registry entry, by the entry's Update name (clients use the same map). */
export function actionUpdates<D extends { name: string }>(
  registry: readonly D[],
): Record<string, TActionUpdate> {
  return Object.fromEntries(
    registry.map((def) => [def.name, defineUpdate<TActionResult, [TActionArgs]>(updateNameOf(def.name))]),
  );
}

/**
 * Domain refusals travel to the caller as non-retryable ApplicationFailures whose type is the domain error code, so
 * the API maps them to HTTP statuses; a plain Error thrown from a handler would instead fail the workflow task.
 */
export function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isDomainError(error)) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        ...(error.details === undefined ? {} : { details: [error.details] }),
      });
    }
    throw error;
  }
}

/**
 * Registers one Update per registry entry. The validator is the domain's check (a refusal is answered at once and
 * leaves no history); the handler checks again against the state it runs on and applies the entry's events.
 */
export function registerActionUpdates<D extends { name: string }>(
  kind: TWorkflowKind,
  registry: readonly D[],
  updates: Record<string, TActionUpdate>,
  validate: (def: D, args: TActionArgs) => unknown,
  apply: (def: D, parsed: unknown, actor: TActor) => TActionResult,
): void {
  for (const def of registry) {
    const update = updates[def.name]!;
    setHandler(update, (args) => asFailure(() => apply(def, validate(def, args), args.actor)), {
      validator: (args) => {
        asFailure(() => {
          if (args.kind !== undefined && args.kind !== kind)
            throw new DomainError(
              'NOT_FOUND',
              `This is a ${kind}, not a ${args.kind}: no ${args.kind} by that id`,
            );
          validate(def, args);
        });
      },
    });
  }
}
