import type { Response } from 'express';
import { DOMAIN_ERROR_HTTP_STATUS } from '../../domain/shared/errors';

/**
 * Every error code the HTTP API answers with, and its status: the domain's codes (the workflow validators' refusals)
 * plus the ones only HTTP has (authentication, CSRF, idempotency, limits).
 */
export const API_ERROR_HTTP_STATUS = {
  ...DOMAIN_ERROR_HTTP_STATUS,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  CSRF_INVALID: 403,
  CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_SECRET_NOT_REPLAYED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_CONFLICT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const satisfies Record<string, number>;
export type TApiErrorCode = keyof typeof API_ERROR_HTTP_STATUS;

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: TApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return API_ERROR_HTTP_STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function sendError(res: Response, error: AppError): void {
  res.status(error.status).json(errorBody(error.code, error.message, error.details));
}

/** zod issues in the shape every 400 carries: path, message, code. */
export function zodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }>) {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : part)),
    message: issue.message,
    code: issue.code,
  }));
}
