import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../runtime/logger';
import { isApiPath } from '../auth/middleware';
import { AppError, errorBody, sendError } from './api-error';
import { toHttpError } from './to-http-error';

/** JSON 404 for unknown /api routes (HTML paths fall through to express's own 404). */
export const apiNotFound: RequestHandler = (req, res) => {
  sendError(res, new AppError('NOT_FOUND', `No route ${req.method} ${req.path}`));
};

/** Known errors (AppError, DomainError, body-parser and router 4xx) get their status; anything else is a logged 500. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    const status = known?.status ?? 500;
    const body = known?.body ?? errorBody('INTERNAL', `internal error (request id ${String(req.id)})`);
    if (!known) logger.error({ err: error, reqId: req.id }, 'request failed');
    if (isApiPath(req) || !req.accepts('html')) {
      res.status(status).json(body);
      return;
    }
    res.status(status).type('text/plain; charset=utf-8').send(`${status} ${body.error.message}`);
  };
}
