import type { Response } from 'express';
import { DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';

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

/** Body-parser and router errors carry `type` and a 4xx `status`; bad input must never become a 500. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { type?: unknown; status?: unknown; statusCode?: unknown; message?: unknown };
  switch (e.type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'request body too large');
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'request body is not valid JSON');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'send UTF-8 JSON or a form');
  }
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (Object.keys(API_ERROR_HTTP_STATUS) as TApiErrorCode[]).find(
      (c) => API_ERROR_HTTP_STATUS[c] === status,
    );
    return new AppError(code ?? 'BAD_REQUEST', typeof e.message === 'string' ? e.message : 'bad request');
  }
  return undefined;
}

/** The status and body for any error; undefined for unexpected ones (the caller logs them and answers 500). */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof AppError)
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  if (isDomainError(error)) {
    // parseInput wraps zod issues as { issues }; the API shows the issues themselves.
    const details = (error.details as { issues?: unknown } | undefined)?.issues ?? error.details;
    return {
      status: DOMAIN_ERROR_HTTP_STATUS[error.code],
      body: errorBody(error.code, error.message, details),
    };
  }
  const http = fromHttpError(error);
  return http ? toHttpError(http) : undefined;
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
