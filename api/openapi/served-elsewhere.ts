import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import { ZMetricBatchSchema } from '../../domain/metrics';
import type { ApiRoutes } from '../http/route';

const ZLoginFormSchema = z.object({
  email: z.string(),
  password: z.string(),
  _csrf: z.string().describe('The CSRF token from the login page (GET /api/session shows it too)'),
  next: z.string().optional().describe('Same-site path to return to after sign-in'),
});

/** Routes answered by their own routers (metric ingestion, the login form), documented with the rest. */
export function documentServedElsewhere(routes: ApiRoutes): void {
  routes.document({
    method: 'post',
    path: '/api/metrics',
    tag: 'metrics',
    summary: 'Ingest a batch of metric points (deduplicated by stream, metric and timestamp)',
    access: { roles: rolesFor('createStreams') },
    body: ZMetricBatchSchema,
    success: { status: 202, description: '{ accepted, duplicates, corrected, streams }' },
    refusals: { 413: 'Batch over 1 MB: split it', 429: 'Too many batches per minute for this token' },
  });
  routes.document({
    method: 'post',
    path: '/login',
    tag: 'auth',
    summary: 'Sign in (form post): 303 to `next` with a session cookie, or to /login?error=1',
    access: 'public',
    body: ZLoginFormSchema,
    bodyType: 'form',
    success: { status: 303, description: 'Redirect', contentTypes: [] },
    refusals: { 429: 'Too many attempts from this address' },
  });
  routes.document({
    method: 'post',
    path: '/logout',
    tag: 'auth',
    summary: 'Sign out (form post with _csrf): 303 to /login',
    access: 'public',
    body: z.object({ _csrf: z.string() }),
    bodyType: 'form',
    success: { status: 303, description: 'Redirect', contentTypes: [] },
  });
}
