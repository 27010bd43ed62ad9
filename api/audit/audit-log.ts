import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ZIsoInstantSchema } from '../../domain/shared/time.schema';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import '../http/locals';
import { redactUrl } from '../http/secret-params';
import { appendAuditRow } from './audit-chain';
import { targetFilter } from './audit-targets';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function outcomeOf(status: number, override: 'refused' | 'replayed' | undefined): string {
  if (override) return override;
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'success';
}

/**
 * Appends one AuditLog row per mutating request, allowed or refused, once the handler has answered: who (actor and
 * roles at the time), how they authenticated, the route's action and target, the request id, status and outcome, and
 * the error code of a refusal. Nothing updates or deletes these rows (the database refuses it too), and each row is
 * hash-chained to the one before it (audit-chain.ts), so an edit that got past the database still shows.
 */
export function createAuditMiddleware({ db, logger }: { db: Db; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    if (!MUTATING_METHODS.has(req.method)) return next();
    let errorCode: string | undefined;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
      if (typeof code === 'string') errorCode = code;
      return json(body);
    };
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const { actor, authMethod, audit } = res.locals;
      appendAuditRow(db, {
        actorId: actor?.id ?? null,
        actorRoles: actor?.roles.join(',') ?? '',
        authMethod: authMethod ?? 'anonymous',
        action: audit?.action ?? `${req.method} ${req.path}`,
        method: req.method,
        path: redactUrl(req.originalUrl).slice(0, 500),
        target: audit?.target ?? null,
        requestId: String(req.id ?? ''),
        status: res.statusCode,
        outcome: outcomeOf(res.statusCode, audit?.outcome),
        errorCode: errorCode ?? null,
        ip: req.ip ?? null,
      }).catch((error: unknown) => logger.error({ err: error, reqId: req.id }, 'audit log write failed'));
    };
    // When the handler answers, not when the answer reached the client: a client that hung up still caused what it
    // asked for, and 'finish' never fires on a closed socket.
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof end>) => {
      write();
      return end(...args);
    }) as typeof res.end;
    next();
  };
}

export const ZAuditFilterSchema = z.object({
  actor: z.string().trim().min(1).optional(),
  action: z.string().trim().min(1).optional(),
  target: z.string().trim().min(1).optional(),
  outcome: z.enum(['success', 'refused', 'failed', 'replayed']).optional(),
  from: ZIsoInstantSchema.optional(),
  to: ZIsoInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Cursor: the `id` of the last row of the previous page (newest first). */
  before: z.coerce.number().int().positive().optional(),
});
export type TAuditFilter = z.output<typeof ZAuditFilterSchema>;

export const ZAuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  authMethod: z.string(),
  action: z.string(),
  method: z.string(),
  path: z.string(),
  target: z.string().nullable(),
  requestId: z.string(),
  status: z.number(),
  outcome: z.string(),
  errorCode: z.string().nullable(),
  ip: z.string().nullable(),
  /** The hash chain: SHA-256 of the row before, and of this row with that link (GET /api/audit/verify checks it). */
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});

export async function listAudit(db: Db, filter: TAuditFilter) {
  const rows = await db.auditLog.findMany({
    where: {
      ...(filter.actor ? { actorId: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.target ? targetFilter(filter.target) : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
      ...(filter.from || filter.to
        ? {
            at: {
              ...(filter.from ? { gte: new Date(filter.from) } : {}),
              ...(filter.to ? { lt: new Date(filter.to) } : {}),
            },
          }
        : {}),
    },
    orderBy: { id: 'desc' },
    take: filter.limit,
  });
  return {
    entries: rows.map((row) => ({
      ...row,
      at: row.at.toISOString(),
      actorRoles: row.actorRoles ? row.actorRoles.split(',') : [],
    })),
    next: rows.length === filter.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
