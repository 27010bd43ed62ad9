import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../runtime/logger';
import './locals';

const REQUEST_ID_PATTERN = /^[\w.:@-]{1,128}$/;
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'proxy-authorization'];
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

function redactHeaders(headers: unknown): unknown {
  if (typeof headers !== 'object' || headers === null) return headers;
  const copy: IncomingHttpHeaders = { ...(headers as IncomingHttpHeaders) };
  for (const name of SECRET_HEADERS) if (copy[name] !== undefined) copy[name] = '[redacted]';
  return copy;
}

/**
 * One log line per request with its id: the caller's X-Request-Id when it looks like one (so ids follow a request
 * across proxies), else a new UUID, echoed in the response header. Credentials in headers never reach the log.
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
      req: (req: { headers?: unknown; url?: string }) => ({
        ...req,
        headers: redactHeaders(req.headers),
      }),
      res: (res: { headers?: unknown }) => ({ ...res, headers: redactHeaders(res.headers) }),
    },
  });
}
