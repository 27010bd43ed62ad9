import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Logger } from '../runtime/logger';

/** The schedule of the read-model reconciler: one per cluster and namespace, whichever worker made it. */
export const RECONCILE_SCHEDULE_ID = 'liveops-reconcile-read-model';

/**
 * The schedules liveops itself needs, made once (idempotent: every worker start asks, the first one creates). A pass
 * that is still running when the next is due is skipped; a missed pass is not caught up (the next one covers it).
 */
export async function ensureSystemSchedules(
  client: Client,
  taskQueue: string,
  logger: Logger,
): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: RECONCILE_SCHEDULE_ID,
      spec: { intervals: [{ every: '1 minute' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'reconcileReadModelWorkflow',
        taskQueue,
        workflowRunTimeout: '10 minutes',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute', pauseOnFailure: false },
      memo: { liveopsSystem: true },
    });
    logger.info({ scheduleId: RECONCILE_SCHEDULE_ID }, 'read-model reconciler scheduled');
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return;
    // A cluster that does not allow schedules still runs liveops; what the reconciler does then waits for a person.
    logger.warn(
      { err: error, scheduleId: RECONCILE_SCHEDULE_ID },
      'could not create the reconciler schedule',
    );
  }
}
