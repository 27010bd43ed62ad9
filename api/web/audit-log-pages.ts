import { rolesFor } from '../../domain/shared/app-permissions';
import type { Request, Router } from 'express';
import { hasAnyRole } from '../../domain/shared/actor.types';
import { toCsv } from '../../domain/review/csv';
import type { Db } from '../../runtime/db';
import { listAudit, ZAuditFilterSchema } from '../audit/audit-log';
import type { PageContext } from './context';
import { send, type createPageHandler } from './page-handler';
import { auditLogPage } from './pages/audit-log-page';
import { errorPage } from './pages/error-page';
import { userNames } from './people';
import { refusal } from './refusal';
import { fromLocalInputValue } from './widgets/zoned-datetime';

/** Dates in the filter are days of the team's zone (the UI's default), not UTC. */
const FILTER_ZONE = 'Asia/Shanghai';
/** Rows a CSV export holds at most (pages of 500, newest first). */
const CSV_MAX_ROWS = 20_000;
const FIELDS = ['actor', 'action', 'target', 'outcome', 'from', 'to', 'before'] as const;

function typedQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = req.query[name];
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim();
  }
  return out;
}

/** The form's strings as the API's filter: days become the instants they start at. */
function filterOf(query: Record<string, string>) {
  const day = (value: string | undefined) =>
    value === undefined ? undefined : (fromLocalInputValue(`${value}T00:00`, FILTER_ZONE) ?? value);
  const { from, to, ...rest } = query;
  return ZAuditFilterSchema.safeParse({
    ...rest,
    ...(from === undefined ? {} : { from: day(from) }),
    ...(to === undefined ? {} : { to: day(to) }),
  });
}

/**
 * /audit/log: the audit log as a table with filters, and /audit/log.csv with the same filter (auditors and admins).
 * Reads only: the rows are the ones GET /api/audit answers, hash chain included in the CSV.
 */
export function registerAuditLogPages(
  router: Router,
  deps: { db: Db; page: ReturnType<typeof createPageHandler> },
): void {
  const { db, page } = deps;
  const allowed = (ctx: PageContext) => hasAnyRole(ctx.actor, rolesFor('readAuditLog'));

  router.get(
    '/audit/log',
    page(async (req, res, ctx) => {
      if (!allowed(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('auditLog.forbidden')));
      const query = typedQuery(req);
      const filter = filterOf(query);
      if (!filter.success) {
        const message = filter.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        const error = refusal(ctx, { code: 'INVALID_INPUT', message });
        send(res, 400, auditLogPage(ctx, { entries: [], next: null, query, names: new Map(), error }));
        return;
      }
      const { entries, next } = await listAudit(db, filter.data);
      const names = await userNames(
        db,
        entries.map((e) => e.actorId),
      );
      const { before: _before, ...shown } = query;
      send(res, 200, auditLogPage(ctx, { entries, next, query: shown, names }));
    }),
  );

  router.get(
    '/audit/log.csv',
    page(async (req, res, ctx) => {
      if (!allowed(ctx)) return send(res, 403, errorPage(ctx, 403, ctx.t('auditLog.forbidden')));
      const filter = filterOf(typedQuery(req));
      if (!filter.success) return send(res, 400, errorPage(ctx, 400, ctx.t('refusal.INVALID_INPUT')));
      const rows: Awaited<ReturnType<typeof listAudit>>['entries'] = [];
      let before = filter.data.before;
      while (rows.length < CSV_MAX_ROWS) {
        const pageOf = await listAudit(db, { ...filter.data, limit: 500, ...(before ? { before } : {}) });
        rows.push(...pageOf.entries);
        if (pageOf.next === null) break;
        before = pageOf.next;
      }
      const names = await userNames(
        db,
        rows.map((r) => r.actorId),
      );
      const header = [
        'id',
        'at',
        'actor',
        'actorName',
        'roles',
        'action',
        'method',
        'path',
        'target',
        'status',
      ];
      const csv = toCsv(
        [
          [...header, 'outcome', 'errorCode', 'requestId', 'prevHash', 'hash'],
          ...rows.map((r) => [
            r.id,
            r.at,
            r.actorId,
            r.actorId === null ? '' : (names.get(r.actorId.toLowerCase()) ?? ''),
            r.actorRoles.join(' '),
            r.action,
            r.method,
            r.path,
            r.target,
            r.status,
            r.outcome,
            r.errorCode,
            r.requestId,
            r.prevHash,
            r.hash,
          ]),
        ],
        { bom: true },
      );
      res
        .set('Content-Disposition', 'attachment; filename="liveops-audit-log.csv"')
        .set('Cache-Control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    }),
  );
}
