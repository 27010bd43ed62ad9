import type { TActor } from '../../domain/shared/actor.types';

export type TAuthMethod = 'session' | 'token' | 'anonymous';

/** What the middleware chain leaves on `res.locals` for routes, the web UI, the audit log and request logs. */
export interface LiveopsLocals {
  /** Who is calling: from the session cookie or a bearer token; undefined when anonymous. */
  actor?: TActor;
  authMethod?: TAuthMethod;
  /** For forms: valid for the current session, or for the pre-session (the login form) when signed out. */
  csrfToken?: string;
  /** Set by each route so the audit log names the action and its target even when the request is refused. */
  audit?: { action: string; target?: string; outcome?: 'refused' | 'replayed' };
  /**
   * Input no route can take (a body parser's error, a lone surrogate, NUL, nesting too deep), found before the caller
   * was known and answered once it is, so the audit row names who sent it (see http/input-guard.ts).
   */
  inputError?: unknown;
  /** Top-level fields of the route's success body that are shown once (a new API token): never stored for replay. */
  secretFields?: readonly string[];
}

declare module 'express-serve-static-core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Locals extends LiveopsLocals {}
}
