import { parse as parseCookies } from 'cookie';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { hasAnyRole, type TAppRole } from '../../domain/shared/actor.types';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { AppError, errorBody } from '../http/api-error';
import '../http/locals';
import { userForToken } from './api-tokens';
import { randomSecret, safeEqual } from './secrets';
import { findSession } from './sessions';
import { actorOf } from './users';

export const SESSION_COOKIE = 'liveops_session';
/** Before sign-in: the login form's CSRF token (double-submit: this http-only cookie and the form field agree). */
export const PRE_SESSION_COOKIE = 'liveops_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthDeps {
  db: Db;
  config: Pick<Config, 'env'>;
  logger?: Logger;
}

/** Full path: inside `app.use('/api/x', ...)` req.path is relative to the mount point. */
export function isApiPath(req: Request): boolean {
  const fullPath = req.baseUrl + req.path;
  return fullPath === '/api' || fullPath.startsWith('/api/');
}

export function cookieOptions(req: Request, config: Pick<Config, 'env'>): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure || config.env === 'production', path: '/' };
}

/** JSON for /api, a short text page for HTML paths (the web UI renders its own pages for the common cases). */
function refuse(req: Request, res: Response, error: AppError): void {
  if (isApiPath(req) || !req.accepts('html')) {
    res.status(error.status).json(errorBody(error.code, error.message));
    return;
  }
  res.status(error.status).type('text/plain; charset=utf-8').send(`${error.status} ${error.message}`);
}

function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs on every request, after the body parsers. Sets `res.locals.actor` from a bearer token (`Authorization: Bearer
 * lo_...`) or the session cookie, and `res.locals.csrfToken` (the session's token, or the pre-session token for the
 * login form). Refuses an invalid bearer token (401), and any state-changing request that rides on cookies without
 * the matching CSRF token in the `_csrf` field or the `X-CSRF-Token` header (403 CSRF_INVALID; for POST /login a
 * redirect to /login?error=csrf). Bearer requests carry no ambient credentials, so they need no CSRF token.
 */
export function createAuthMiddleware(deps: AuthDeps): RequestHandler {
  const { db, config } = deps;
  return async (req, res, next) => {
    res.locals.actor = undefined;
    res.locals.authMethod = 'anonymous';
    res.locals.csrfToken = '';

    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1];
      const user = token === undefined ? undefined : await userForToken(db, token);
      if (!user) {
        refuse(req, res, new AppError('UNAUTHENTICATED', 'invalid, expired or revoked API token'));
        return;
      }
      res.locals.actor = actorOf(user);
      res.locals.authMethod = 'token';
      next();
      return;
    }

    const cookies = parseCookies(req.get('cookie') ?? '');
    const sessionCookie = cookies[SESSION_COOKIE];
    const session = sessionCookie ? await findSession(db, sessionCookie) : undefined;
    let expected: string;
    if (session) {
      res.locals.actor = actorOf(session.user);
      res.locals.authMethod = 'session';
      expected = session.csrfToken;
    } else {
      if (sessionCookie) res.clearCookie(SESSION_COOKIE, cookieOptions(req, config));
      let preSession = cookies[PRE_SESSION_COOKIE];
      if (!preSession || !/^[\w-]{43}$/.test(preSession)) {
        preSession = randomSecret();
        res.cookie(PRE_SESSION_COOKIE, preSession, cookieOptions(req, config));
      }
      expected = preSession;
    }
    res.locals.csrfToken = expected;

    // Anonymous API calls get their 401 from the route; everything else that changes state needs the token.
    if (UNSAFE_METHODS.has(req.method) && (session || !isApiPath(req))) {
      const sent = formField(req.body, CSRF_FIELD) ?? req.get(CSRF_HEADER);
      if (sent === undefined || !safeEqual(sent, expected)) {
        if (req.path === '/login') {
          res.locals.audit = { action: 'auth.login', outcome: 'refused' };
          res.redirect(303, '/login?error=csrf');
          return;
        }
        refuse(req, res, new AppError('CSRF_INVALID', 'missing or invalid CSRF token: reload the page'));
        return;
      }
    }
    next();
  };
}

/** 401 JSON under /api; on HTML paths a redirect to the login page that comes back here afterwards. */
export const requireActor: RequestHandler = (req, res, next) => {
  if (res.locals.actor) return next();
  if (isApiPath(req) || !req.accepts('html')) {
    res.status(401).json(errorBody('UNAUTHENTICATED', 'sign in, or send Authorization: Bearer <API token>'));
    return;
  }
  res.redirect(req.method === 'GET' ? 302 : 303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
};

/** Any of the roles (admin passes every role check, as in the domain); 401 / login redirect when signed out. */
export function requireRole(...roles: TAppRole[]): RequestHandler {
  return (req, res, next) => {
    const actor = res.locals.actor;
    if (!actor) return requireActor(req, res, next);
    if (hasAnyRole(actor, roles)) return next();
    refuse(
      req,
      res,
      new AppError(
        'FORBIDDEN_ROLE',
        `needs role ${roles.join(' or ')}; ${actor.id} has ${actor.roles.join(', ') || 'none'}`,
      ),
    );
  };
}
