import { MAX_WAITING_NOTIFICATIONS } from '../../workflows/engine/notification-outbox';
import { createHarness, uniqueId, type Harness } from './helpers/harness';

/**
 * A workflow's outbox waits for the hourly cap in memory and carries what waits into its next run: a loop that
 * produces messages without end must not grow either without end. What is not kept is reported, not lost silently.
 */
describe('the notification outbox of a workflow', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ workflowsPath: require.resolve('./fixtures/outbox-workflows') });
  });
  afterAll(async () => harness?.close());

  it('keeps at most its bound waiting and reports what it dropped, once per hundred', async () => {
    const workflowId = uniqueId('flood');
    const result: { waiting: number; reports: string[] } = await harness.client.workflow.execute(
      'floodOutboxWorkflow',
      {
        taskQueue: harness.taskQueue,
        workflowId,
        args: [
          {
            key: `${workflowId}:flood`,
            workflowId,
            template: 'approval_reminder',
            locale: 'zh-CN',
            recipients: [{ id: 'ops@example.com' }],
            params: {
              streamTitle: '双11',
              timeZone: 'Asia/Shanghai',
              gate: 'script_compliance',
              dueAt: Date.parse('2026-11-11T12:00:00Z'),
              reviewUrl: 'https://liveops.example.com/inbox',
              reminderNumber: 1,
            },
          },
          MAX_WAITING_NOTIFICATIONS + 250,
        ],
      },
    );
    expect(result.waiting).toBeLessThanOrEqual(MAX_WAITING_NOTIFICATIONS + 4);
    // The first sends leave the queue for delivery, so a few more than the bound were accepted in all.
    expect(result.reports.length).toBe(3);
    expect(result.reports[0]).toContain('not queued');
  });
});
