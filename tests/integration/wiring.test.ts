import { createHarness, uniqueId, type Harness } from './helpers/harness';

describe('foundation wiring: worker, activity, Prisma', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness({ workflowsPath: require.resolve('./fixtures/wiring-workflows') });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('runs a workflow whose activity writes a row through Prisma, newest version kept', async () => {
    const streamId = uniqueId('wiring');
    await harness.client.workflow.execute('projectTwiceWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId: streamId,
      args: [streamId],
    });
    const row = await harness.db.streamRecord.findUniqueOrThrow({ where: { id: streamId } });
    expect(row.phase).toBe('preheat');
    expect(row.stateVersion).toBe(2);
    expect(JSON.parse(row.stateJson)).toEqual({ phase: 'preheat' });
  });
});
