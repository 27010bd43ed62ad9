/**
 * A deterministic idempotency key for one notification: the same workflow, purpose and sequence always give the same
 * key, so a retried send activity (or a replayed workflow) is deduplicated by the mailer instead of sent twice.
 * Components are URI-encoded, so a ':' inside a workflow id cannot make two different keys collide.
 */
export function notificationKey(workflowId: string, purpose: string, sequence: number): string {
  if (workflowId === '' || purpose === '')
    throw new RangeError('notificationKey: workflowId and purpose are required');
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`notificationKey: sequence must be a non-negative integer, got ${sequence}`);
  }
  return `${encodeURIComponent(workflowId)}:${encodeURIComponent(purpose)}:${sequence}`;
}
