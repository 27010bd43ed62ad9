import type { NextFunction, Request, Response } from 'express';
import { DOMAIN_ERROR_HTTP_STATUS, isDomainError } from '../../domain/shared/errors';
import type { Logger } from '../../runtime/logger';
import type { TActor } from '../../domain/shared/actor.types';
import { anonymousContext, type AnonymousContext, type PageContext } from './context';
import type { SafeHtml } from './html';
import { errorPage } from './pages/error-page';
import { refusal } from './refusal';

export function send(res: Response, status: number, page: SafeHtml): void {
  // Pages carry CSRF tokens and personal queues: never cached.
  res.status(status).set('Cache-Control', 'no-store').type('html').send(page.value);
}

export function withQuery(path: string, key: string, value: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

type Handler = (req: Request, res: Response, ctx: PageContext) => Promise<void>;

/**
 * Wraps a page for logged-in people: anonymous visitors go to the login form and come back afterwards; a domain
 * refusal renders with the status that names it, anything else is logged and shown as a 500 page.
 */
export function createPageHandler({
  logger,
  simulated,
  waitingFor,
}: {
  logger: Logger;
  simulated: boolean;
  /** How many items wait on this person: the nav's badge on every page. */
  waitingFor?: (actor: TActor) => Promise<number>;
}) {
  function renderError(res: Response, ctx: AnonymousContext, error: unknown): void {
    if (isDomainError(error)) {
      const status = DOMAIN_ERROR_HTTP_STATUS[error.code];
      send(res, status, errorPage(ctx, status, refusal(ctx, error)));
      return;
    }
    logger.error({ err: error, url: ctx.url }, 'web page failed');
    send(res, 500, errorPage(ctx, 500, ctx.t('error.internal')));
  }

  return (handler: Handler) =>
    async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
      const anonymous = anonymousContext(req, res, simulated);
      if (anonymous.actor === undefined) {
        const next = req.method === 'GET' ? req.originalUrl : '/';
        res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
        return;
      }
      const ctx: PageContext = { ...anonymous, actor: anonymous.actor };
      try {
        if (waitingFor !== undefined) ctx.waiting = await waitingFor(anonymous.actor);
        await handler(req, res, ctx);
      } catch (error) {
        renderError(res, ctx, error);
      }
    };
}
