import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import type { Db } from '../../runtime/db';
import { listAudit, ZAuditEntrySchema, ZAuditFilterSchema } from '../audit/audit-log';
import type { ApiRoutes } from '../http/route';
import { listOutbox, ZOutboxFilterSchema } from '../services/outbox';

/** Read-only records: the notification outbox, the audit log, and who the caller is. */
export function registerRecordRoutes(routes: ApiRoutes, { db }: { db: Db }) {
  routes.add(
    {
      method: 'get',
      path: '/api/outbox',
      tag: 'records',
      summary: 'The notification outbox, newest first (sent, held, failed messages)',
      access: 'authenticated',
      query: ZOutboxFilterSchema,
      success: { status: 200, description: 'A page of outbox entries; `next` is the cursor for `after`' },
    },
    ({ query }) => listOutbox(db, query),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/audit',
      tag: 'records',
      summary: 'The audit log of mutating requests, newest first',
      access: { roles: rolesFor('readAuditLog') },
      query: ZAuditFilterSchema,
      success: {
        status: 200,
        description: 'A page of audit entries; `next` is the cursor for `before`',
        schema: z.object({ entries: z.array(ZAuditEntrySchema), next: z.number().nullable() }),
      },
    },
    ({ query }) => listAudit(db, query),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/session',
      tag: 'auth',
      summary:
        'Who I am, and the CSRF token for cookie-authenticated requests (X-CSRF-Token) and the login form',
      access: 'public',
      success: {
        status: 200,
        description: 'The actor (null when signed out) and the CSRF token',
        schema: z.object({
          actor: z
            .object({ id: z.string(), name: z.string().optional(), roles: z.array(z.string()) })
            .nullable(),
          authMethod: z.enum(['session', 'token', 'anonymous']),
          csrfToken: z.string(),
        }),
      },
    },
    ({ res }) => ({
      actor: res.locals.actor ?? null,
      authMethod: res.locals.authMethod ?? 'anonymous',
      csrfToken: res.locals.csrfToken ?? '',
    }),
  );
}
