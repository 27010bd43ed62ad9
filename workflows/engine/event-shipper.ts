import { condition, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { TWorkflowKind } from '../../activities/projection/projection.types';
import { inBackground } from './background';

const { recordWorkflowEvents } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: while the database is down the events wait here and the workflow goes on with its timers.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Events per activity call: bounds one history event's size when the database was down for a long while. */
const BATCH = 200;

export interface TCarriedShipper<TEvent> {
  /** Events the database has not acknowledged yet, with their 1-based sequence numbers. */
  pending: Array<{ seq: number; event: TEvent }>;
  needsSnapshot: boolean;
}

/**
 * Ships every domain event, once and in order, to the read model (and thereby into Temporal history, where auditors
 * rebuild the state from them with the same reducer). It never blocks the workflow: `push` returns at once, one
 * activity is in flight at a time carrying everything queued meanwhile, and a database outage only makes the read
 * model lag; it catches up (latest version wins) when the database is back.
 */
export class EventShipper<TEvent, TState> {
  private pending: Array<{ seq: number; event: TEvent }>;
  private needsSnapshot: boolean;
  private inFlight = false;

  constructor(
    private readonly kind: TWorkflowKind,
    private readonly workflowId: string,
    /** The current state, sent instead of history when the read model has a gap (e.g. a restored database). */
    private readonly snapshot: () => TState,
    carried?: TCarriedShipper<TEvent>,
  ) {
    this.pending = carried?.pending ?? [];
    this.needsSnapshot = carried?.needsSnapshot ?? false;
  }

  push(seq: number, event: TEvent): void {
    this.pending.push({ seq, event });
    this.kick();
  }

  kick(): void {
    if (this.inFlight || this.pending.length === 0) return;
    this.inFlight = true;
    void inBackground(() => this.ship());
  }

  get idle(): boolean {
    return !this.inFlight && this.pending.length === 0;
  }

  /** Waits (bounded) until the database has everything, e.g. before the workflow ends or continues as new. */
  async flush(timeoutMs: number): Promise<boolean> {
    this.kick();
    return condition(() => this.idle, timeoutMs);
  }

  carry(): TCarriedShipper<TEvent> {
    return { pending: this.pending, needsSnapshot: this.needsSnapshot };
  }

  private async ship(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, BATCH);
        const first = batch[0]!;
        const result = await recordWorkflowEvents({
          kind: this.kind,
          workflowId: this.workflowId,
          fromSeq: first.seq,
          events: batch.map((entry) => entry.event),
          ...(this.needsSnapshot ? { snapshot: this.snapshot() } : {}),
        });
        if (result.needsSnapshot) {
          log.warn('read model has a gap: sending a snapshot', { workflowId: this.workflowId });
          this.needsSnapshot = true;
          continue;
        }
        this.needsSnapshot = false;
        this.pending.splice(0, batch.length);
      }
    } finally {
      this.inFlight = false;
    }
  }
}
