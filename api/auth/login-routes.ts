import { parse as parseCookies } from 'cookie';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import { errorBody } from '../http/api-error';
import { cookieOptions, SESSION_COOKIE } from './middleware';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { createSession, endSession } from './sessions';
import { actorOf } from './users';

const LOGIN_WINDOW_MS = 15 * 60_000;

const SITE = 'http://liveops.invalid';

/** A path that a browser resolves against this site and nowhere else: one leading slash, then not a slash. */
const isSitePath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !path.includes('\\');

/**
 * Only paths of this site: an open redirect after sign-in would make the login page a phishing tool. The check runs
 * on what is returned, after the URL parser normalised it: `/.//evil.example` is a path, its normalisation
 * `//evil.example` is another site. A result that normalises to something else again is refused too.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !isSitePath(value)) return undefined;
  try {
    const url = new URL(value, SITE);
    const normalised = url.pathname + url.search + url.hash;
    if (url.origin !== SITE || !isSitePath(normalised)) return undefined;
    const again = new URL(normalised, SITE);
    return again.origin === SITE && again.pathname + again.search + again.hash === normalised
      ? normalised
      : undefined;
  } catch {
    return undefined;
  }
}

const field = (body: unknown, name: string): string | undefined => {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * POST /login (form: email, password, _csrf, next): 303 to `next` (same-site paths only, default /) with a new
 * session cookie, or 303 to /login?error=1&next=... POST /logout (form: _csrf): ends the session, 303 to /login.
 * The CSRF token is checked by the auth middleware before these run.
 */
export function createLoginRouter({ db, config }: { db: Db; config: Config }): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: config.auth.loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      res.locals.audit = { action: 'auth.login', outcome: 'refused' };
      const message = 'too many sign-in attempts; wait 15 minutes';
      res.status(429).format({
        html: () => res.type('text/plain; charset=utf-8').send(`429 ${message}`),
        default: () => res.json(errorBody('RATE_LIMITED', message)),
      });
    },
  });

  router.post('/login', limiter, async (req, res) => {
    res.locals.audit = { action: 'auth.login' };
    const email = field(req.body, 'email')?.trim().toLowerCase();
    const password = field(req.body, 'password');
    const next = safeNextPath(field(req.body, 'next'));
    if (email) res.locals.audit.target = email;
    const user = email ? await db.user.findUnique({ where: { email } }) : null;
    const ok =
      user && !user.disabled && user.passwordHash && password
        ? await verifyPassword(password, user.passwordHash)
        : // The same work as a real check, so response times do not reveal which emails exist.
          await verifyPassword(password ?? '', await decoyPasswordHash()).then(() => false);
    if (!user || !ok) {
      res.locals.audit.outcome = 'refused';
      res.redirect(303, `/login?error=1${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      return;
    }
    const previous = parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];
    if (previous) await endSession(db, previous); // no session fixation: every sign-in gets a new id
    const { cookieValue } = await createSession(db, user.id, config.auth.sessionTtlHours);
    res.cookie(SESSION_COOKIE, cookieValue, {
      ...cookieOptions(req, config),
      maxAge: config.auth.sessionTtlHours * 3_600_000,
    });
    res.locals.actor = actorOf(user);
    res.locals.authMethod = 'session';
    res.redirect(303, next ?? '/');
  });

  router.post('/logout', async (req, res) => {
    res.locals.audit = { action: 'auth.logout' };
    const current = parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];
    if (current) await endSession(db, current);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, config));
    res.redirect(303, '/login');
  });
  return router;
}
