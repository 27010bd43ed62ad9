import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../runtime/logger';
import './locals';
import { isSecretParam, redactUrl } from './secret-params';

const REQUEST_ID_PATTERN = /^[\w.:@-]{1,128}$/;
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'proxy-authorization'];
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

function redactHeaders(headers: unknown): unknown {
  if (typeof headers !== 'object' || headers === null) return headers;
  const copy: IncomingHttpHeaders = { ...(headers as IncomingHttpHeaders) };
  for (const name of SECRET_HEADERS) if (copy[name] !== undefined) copy[name] = '[redacted]';
  return copy;
}

function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, isSecretParam(name) ? '[redacted]' : value]),
  );
}

/**
 * One log line per request with its id: the caller's X-Request-Id when it looks like one (so ids follow a request
 * across proxies), else a new UUID, echoed in the response header. Credentials never reach the log: not in headers, and
 * not in the URL either (a token or CSRF value put in a query string is redacted by name, see secret-params.ts).
 */
export function createRequestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customProps: (_req, res) => {
      const actor = (res as { locals?: { actor?: { id: string } } }).locals?.actor;
      return actor ? { actor: actor.id } : {};
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url ?? '') },
    serializers: {
      req: (req: { headers?: unknown; url?: string; query?: unknown }) => ({
        ...req,
        ...(req.url === undefined ? {} : { url: redactUrl(req.url) }),
        ...(req.query === undefined ? {} : { query: redactQuery(req.query) }),
        headers: redactHeaders(req.headers),
      }),
      res: (res: { headers?: unknown }) => ({ ...res, headers: redactHeaders(res.headers) }),
    },
  });
}
