import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { TChildCommand } from '../../domain/campaign/child-commands';
import type { TActor } from '../../domain/shared/actor.types';
import { inBackground } from '../engine/background';

const { commandStream } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // Refusals come back as answers; what is retried is a Temporal or network hiccup.
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 20,
  },
});

/** Commands in flight at once: a slow stream does not hold back the next. */
const CONCURRENCY = 4;

/**
 * The campaign's commands to its streams (extend, reschedule, cancel, end early, pause, resume), sent in the background
 * in the order the campaign's events produced them. Each carries its Update id, so one re-sent after a crash or a new
 * run is applied once. A refusal (the stream's own validator said no) is reported, never retried.
 */
export class ChildCommandQueue {
  private queue: TChildCommand[];
  private readonly inFlight = new Set<TChildCommand>();

  constructor(
    private readonly actor: () => TActor,
    private readonly onRefused: (command: TChildCommand, reason: string) => void,
    carried?: TChildCommand[],
  ) {
    this.queue = carried ?? [];
  }

  enqueue(command: TChildCommand): void {
    this.queue.push(command);
    this.kick();
  }

  get idle(): boolean {
    return this.inFlight.size === 0 && this.queue.length === 0;
  }

  carry(): TChildCommand[] {
    return [...this.inFlight, ...this.queue];
  }

  kick(): void {
    while (this.inFlight.size < CONCURRENCY && this.queue.length > 0) {
      // Commands to the same stream keep their order: one at a time per stream.
      const index = this.queue.findIndex(
        (c) => ![...this.inFlight].some((f) => f.workflowId === c.workflowId),
      );
      if (index < 0) return;
      const [command] = this.queue.splice(index, 1);
      this.inFlight.add(command!);
      void inBackground(() => this.send(command!)).finally(() => {
        this.inFlight.delete(command!);
        this.kick();
      });
    }
  }

  private async send(command: TChildCommand): Promise<void> {
    try {
      const result = await commandStream({
        commandId: command.id,
        workflowId: command.workflowId,
        action: command.action,
        input: command.input,
        actor: this.actor(),
        ...(command.fallbacks === undefined ? {} : { fallbacks: command.fallbacks }),
      });
      if (!result.ok) this.onRefused(command, `${result.code}: ${result.reason}`);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      this.onRefused(command, error.cause?.message ?? error.message);
    }
  }
}
