/**
 * Retry policy of the sendNotification activity, shared by the workflows that schedule it and the activity that
 * reads it: on its last attempt (maximumAttempts) the activity records each undelivered message as failed and
 * returns instead of throwing, so the workflow goes on and can raise an alert.
 */
export const NOTIFY_RETRY_POLICY = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '2 minutes',
  // About 8 minutes in all: delivery waits in the background (the workflow never does), so an outage of a few
  // minutes costs no message.
  maximumAttempts: 10,
} as const;

/**
 * How long one delivery attempt may take. It is also the outbox's sending lease: Temporal starts the next attempt only
 * after this much time without an answer, so a row still "sending" after it belongs to an attempt that died (a killed
 * worker) and the next attempt may take it over.
 */
export const NOTIFY_ATTEMPT_TIMEOUT_MS = 30_000;
