/**
 * Retry policy of the sendNotification activity, shared by the workflows that schedule it and the activity that
 * reads it: on its last attempt (maximumAttempts) the activity records each undelivered message as failed and
 * returns instead of throwing, so the workflow goes on and can raise an alert.
 */
export const NOTIFY_RETRY_POLICY = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  maximumAttempts: 6,
} as const;
