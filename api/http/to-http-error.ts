import { DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';
import { API_ERROR_HTTP_STATUS, AppError, errorBody, type ErrorBody, type TApiErrorCode } from './api-error';

type LibraryError = {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  message?: unknown;
  code?: unknown;
  limit?: unknown;
  length?: unknown;
  expected?: unknown;
  received?: unknown;
  encoding?: unknown;
  charset?: unknown;
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Body-parser, raw-body, zlib and router errors, in words a person can act on. Their own text ("incorrect header
 * check", "Failed to decode param '%zz'") stays in `details.reason` for whoever debugs the client.
 */
function fromLibraryError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as LibraryError;
  const reason = text(e.message);
  switch (e.type) {
    case 'entity.too.large':
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        `request body over the limit of ${String(e.limit)} bytes: split it or send less`,
        { limit: e.limit, length: e.length },
      );
    case 'entity.parse.failed':
      return new AppError(
        'INVALID_JSON',
        'request body is not valid JSON: check quotes, commas and brackets',
        [{ in: 'body', path: [], code: 'invalid_json', message: reason ?? 'not JSON' }],
      );
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as UTF-8 (charset=utf-8)', {
        charset: e.charset,
      });
    case 'encoding.unsupported':
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate or br',
        { encoding: e.encoding },
      );
    case 'request.size.invalid':
      return new AppError('INVALID_INPUT', 'the body is not as long as its Content-Length header says', [
        { in: 'header', path: ['Content-Length'], code: 'invalid_length', message: reason ?? '' },
      ]);
    case 'request.aborted':
      return new AppError('INVALID_INPUT', 'the request body ended early: send it again', [
        { in: 'body', path: [], code: 'aborted', message: reason ?? '' },
      ]);
    case 'parameters.too.many':
      return new AppError('PAYLOAD_TOO_LARGE', 'too many form fields: send fewer', { limit: e.limit });
  }
  if (error instanceof URIError)
    return new AppError(
      'INVALID_INPUT',
      'the URL path has an invalid percent-encoding: write % as %25 and other characters as UTF-8 %XX',
      [{ in: 'path', path: [], code: 'invalid_encoding', message: reason ?? '' }],
    );
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR, ERR__ERROR_FORMAT_...): the body is not what Content-Encoding says.
  if (typeof e.code === 'string' && /^(Z_|ERR_ZLIB|ERR__)/.test(e.code))
    return new AppError(
      'INVALID_INPUT',
      'the body could not be decompressed as its Content-Encoding says: send it uncompressed or compress it correctly',
      [{ in: 'header', path: ['Content-Encoding'], code: 'invalid_encoding', message: reason ?? e.code }],
    );
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (Object.keys(API_ERROR_HTTP_STATUS) as TApiErrorCode[]).find(
      (c) => API_ERROR_HTTP_STATUS[c] === status,
    );
    return new AppError(code ?? 'BAD_REQUEST', 'the request could not be read: check its headers and body', {
      reason,
    });
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
  const known = fromLibraryError(error);
  return known ? toHttpError(known) : undefined;
}
