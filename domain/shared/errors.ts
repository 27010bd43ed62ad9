/**
 * The one failure type of the domain. Codes form a closed list so the API can map them to HTTP statuses and the
 * workflow can turn them into non-retryable ApplicationFailures of the same type.
 */
export const DOMAIN_ERROR_CODES = [
  'FORBIDDEN_ROLE',
  'SELF_APPROVAL',
  'STALE_REVISION',
  'ALREADY_DECIDED',
  /** Whatever is being created (a stream, a campaign, a schedule, a user) has an id or email that exists. */
  'ALREADY_EXISTS',
  'INVALID_PHASE',
  'INVALID_STATE',
  'NOT_FOUND',
  'INVALID_INPUT',
] as const;
export type TDomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export const DOMAIN_ERROR_HTTP_STATUS: Readonly<Record<TDomainErrorCode, number>> = {
  FORBIDDEN_ROLE: 403,
  SELF_APPROVAL: 403,
  STALE_REVISION: 409,
  ALREADY_DECIDED: 409,
  ALREADY_EXISTS: 409,
  INVALID_PHASE: 409,
  INVALID_STATE: 409,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
};

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: TDomainErrorCode,
    message: string,
    /** JSON-safe extra data (e.g. zod issues); travels as ApplicationFailure details. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * Duck-typed rather than `instanceof`: errors cross the Temporal workflow sandbox and the client/server boundary, where
 * the class identity is lost but name and code survive.
 */
export function isDomainError(error: unknown): error is DomainError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'DomainError' &&
    typeof candidate.code === 'string' &&
    (DOMAIN_ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
