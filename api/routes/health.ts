import { Router } from 'express';
import type { AppDeps } from '../app';

const CHECK_TIMEOUT_MS = 3_000;

async function check(probe: () => Promise<unknown>): Promise<'ok' | string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz: the process is up. /readyz: Temporal and the database answer, so the instance can take traffic. */
export function createHealthRouter({
  temporal,
  db,
  config,
}: Pick<AppDeps, 'temporal' | 'db' | 'config'>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [temporalCheck, databaseCheck] = await Promise.all([
      check(() => temporal.workflowService.describeNamespace({ namespace: config.temporal.namespace })),
      check(() => db.$queryRaw`SELECT 1`),
    ]);
    const ready = temporalCheck === 'ok' && databaseCheck === 'ok';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      checks: { temporal: temporalCheck, database: databaseCheck },
    });
  });
  return router;
}
