import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, DOMAIN_ERROR_CODES, type TDomainErrorCode } from '../../domain/shared/errors';

/**
 * A Temporal failure from acting on a stream or campaign, as the domain error the API maps to a status: a missing
 * workflow, or one of another kind (a campaign action sent to a stream's id has no handler there), is NOT_FOUND; a
 * validator's refusal keeps its code and message; anything else stays as it was (a 500, logged).
 */
export function workflowErrorToDomain(error: unknown, kind: 'stream' | 'campaign', id: string): unknown {
  if (error instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', `No ${kind} ${id}`);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = error.cause.type as TDomainErrorCode;
    if ((DOMAIN_ERROR_CODES as readonly string[]).includes(code))
      return new DomainError(code, error.cause.message, error.cause.details?.[0]);
    if (error.cause.message.startsWith('No registered handler for update'))
      return new DomainError('NOT_FOUND', `No ${kind} ${id} (${id} is not a ${kind})`);
  }
  return error;
}
