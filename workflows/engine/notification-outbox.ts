import { ActivityFailure, log, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { NotificationRequest } from '../../activities/notify/notify-request.types';
import { NOTIFY_ATTEMPT_TIMEOUT_MS, NOTIFY_RETRY_POLICY } from '../../domain/notify/retry-policy';
import { inBackground } from './background';
import { nowIso, nowMs } from './clock';

// On its last attempt the activity records undelivered messages as failed and returns; if even that is impossible
// (the outbox database is down), the failure lands here and is turned into an alert.
const { sendNotification } = proxyActivities<Activities>({
  startToCloseTimeout: NOTIFY_ATTEMPT_TIMEOUT_MS,
  retry: NOTIFY_RETRY_POLICY,
});

/** Messages a workflow may send per hour; more waits for the window (a bug or a loop must not flood people). */
export const NOTIFICATIONS_PER_HOUR = 120;
/**
 * Messages waiting at most (for the hourly cap, or a provider that is down): what a loop gone wrong produces beyond
 * this is not kept (a workflow's memory and what continue-as-new carries stay bounded) and is reported instead.
 */
export const MAX_WAITING_NOTIFICATIONS = 500;
/** Sends in flight at once: a slow provider for one message does not hold back the next. */
const CONCURRENCY = 4;
const HOUR_MS = 3600_000;
const MIN_DEFERRAL_MS = 5_000;

export interface TCarriedOutbox {
  queue: NotificationRequest[];
  /** Workflow-clock times of the sends within the last hour, for the cap. */
  sentAtMs: number[];
}

export interface TDeliveryFailure {
  request: NotificationRequest;
  failed: number;
  reason: string;
}

/**
 * The workflow side of the notification outbox. `enqueue` returns at once: a phase change, a reminder timer or a
 * decision never waits for SMTP or a chat webhook, and a provider or database outage cannot stop a workflow. Delivery
 * (exactly-once through the outbox's dedupe key) happens in the background; what could not be delivered is reported
 * to `onFailure`, which raises an alert on the timeline.
 */
export class NotificationOutbox {
  private queue: NotificationRequest[];
  private sentAtMs: number[];
  private readonly inFlight = new Set<NotificationRequest>();
  private dropped = 0;

  constructor(
    private readonly onFailure: (failure: TDeliveryFailure) => void,
    carried?: TCarriedOutbox,
    /** Why a message is no longer wanted (its workflow was cancelled while it waited), checked before each send. */
    private readonly withdrawn: (request: NotificationRequest) => string | undefined = () => undefined,
  ) {
    this.queue = carried?.queue ?? [];
    this.sentAtMs = carried?.sentAtMs ?? [];
  }

  enqueue(request: NotificationRequest): void {
    if (this.queue.length >= MAX_WAITING_NOTIFICATIONS) {
      // One report per hundred dropped, so the report itself cannot flood the timeline.
      if (this.dropped++ % 100 === 0)
        this.onFailure({
          request,
          failed: request.recipients.length,
          reason: `not queued: ${MAX_WAITING_NOTIFICATIONS} messages already wait for the hourly cap (${this.dropped} dropped so far)`,
        });
      return;
    }
    this.queue.push(request);
    this.kick();
  }

  get idle(): boolean {
    return this.inFlight.size === 0 && this.queue.length === 0;
  }

  /** What a next run must still send; in-flight messages too (the outbox's dedupe key makes a re-send harmless). */
  carry(): TCarriedOutbox {
    return { queue: [...this.inFlight, ...this.queue], sentAtMs: [...this.sentAtMs] };
  }

  kick(): void {
    while (this.inFlight.size < CONCURRENCY && this.queue.length > 0) {
      const request = this.queue.shift()!;
      this.inFlight.add(request);
      void inBackground(() => this.deliver(request)).finally(() => {
        this.inFlight.delete(request);
        this.kick();
      });
    }
  }

  private async deliver(request: NotificationRequest): Promise<void> {
    await this.takeSlot();
    try {
      const send = () => {
        const withdrawn = this.withdrawn(request);
        const asked = { ...request, askedAt: nowIso() };
        return sendNotification(withdrawn === undefined ? asked : { ...asked, withdrawn });
      };
      let outcome = await send();
      // Not due yet (a fan message inside quiet hours, whatever delayed it): the activity sent nothing and says until
      // when; ask again then. Only results of the activity that can say so take this path, so recorded histories,
      // whose results never carry deferredUntil, replay unchanged.
      while (outcome.deferredUntil !== undefined) {
        // A floor: should a worker's clock still disagree with the workflow's, the outbox asks every few seconds, not in a loop.
        await sleep(Math.max(Date.parse(outcome.deferredUntil) - nowMs(), MIN_DEFERRAL_MS));
        outcome = await send();
      }
      if (outcome.failed > 0) this.onFailure({ request, failed: outcome.failed, reason: 'delivery failed' });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const reason = error.cause?.message ?? error.message;
      log.warn('notification not recorded', { key: request.key, reason });
      this.onFailure({ request, failed: request.recipients.length, reason });
    }
  }

  /** The hourly cap: waits until a send falls out of the window. */
  private async takeSlot(): Promise<void> {
    for (;;) {
      const now = nowMs();
      this.sentAtMs = this.sentAtMs.filter((at) => now - at < HOUR_MS);
      if (this.sentAtMs.length < NOTIFICATIONS_PER_HOUR) {
        this.sentAtMs.push(now);
        return;
      }
      log.warn('notification cap reached; waiting', { cap: NOTIFICATIONS_PER_HOUR });
      await sleep(HOUR_MS - (now - this.sentAtMs[0]!));
    }
  }
}
