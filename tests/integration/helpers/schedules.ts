import request from 'supertest';
import type { ApiFixture, TestUser } from './api';
import { bearer } from './api';

export interface ScheduleDetailBody {
  id: string;
  paused: boolean;
  note: string | null;
  timeZone: string;
  nextActionTimes: string[];
  calendars: Array<Record<string, unknown>>;
  policies: { overlap: string; catchupWindowMs: number; pauseOnFailure: boolean };
  recentActions: Array<{ scheduledAt: string; takenAt: string; workflowId: string }>;
}

/** Polls the schedule until it has taken `count` actions, then waits for each run's result (in order). */
export async function runsOf<R>(
  fx: ApiFixture,
  user: TestUser,
  scheduleId: string,
  count: number,
  timeoutMs = 60_000,
): Promise<Array<{ workflowId: string; scheduledAt: string; result: R }>> {
  const deadline = Date.now() + timeoutMs;
  let detail: ScheduleDetailBody;
  for (;;) {
    detail = (await request(fx.app).get(`/api/schedules/${scheduleId}`).set(bearer(user)).expect(200))
      .body as ScheduleDetailBody;
    if (detail.recentActions.length >= count) break;
    if (Date.now() > deadline)
      throw new Error(`schedule ${scheduleId}: ${detail.recentActions.length} of ${count} runs`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const actions = [...detail.recentActions].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return Promise.all(
    actions.map(async (action) => ({
      workflowId: action.workflowId,
      scheduledAt: action.scheduledAt,
      result: (await fx.harness.client.workflow.getHandle(action.workflowId).result()) as R,
    })),
  );
}
