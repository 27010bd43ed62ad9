import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { createHarness, uniqueId, type Harness } from './helpers/harness';

describe('foundation wiring: worker, activity, Prisma', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness({ workflowsPath: require.resolve('./fixtures/wiring-workflows') });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('runs a workflow whose activity projects shipped events through Prisma, newest version kept', async () => {
    const streamId = uniqueId('wiring');
    const plan = buildSamplePlan({ scheduledStart: '2026-12-01T20:00:00+08:00' });
    const actor = { id: 'planner@example.com', roles: ['operator'] };
    const at = '2026-11-27T10:00:00.000Z';
    const events = [
      { type: 'StreamPlanned', at, actor, streamId, plan },
      { type: 'ScriptSubmitted', at, actor, revision: 1, segments: plan.script, submittedBy: actor.id },
    ];
    await harness.client.workflow.execute('recordTwiceWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId: streamId,
      args: [{ streamId, events }],
    });
    const row = await harness.db.streamRecord.findUniqueOrThrow({ where: { id: streamId } });
    expect(row).toMatchObject({ phase: 'compliance', stateVersion: 2, title: plan.title });
    expect(JSON.parse(row.stateJson)).toMatchObject({ streamId, phase: 'compliance', version: 2 });
    const stored = await harness.db.workflowEvent.findMany({
      where: { workflowId: streamId },
      orderBy: { seq: 'asc' },
    });
    expect(stored.map((e) => [e.seq, e.type])).toEqual([
      [1, 'StreamPlanned'],
      [2, 'ScriptSubmitted'],
    ]);
    // The list columns: the script waits on the plan's reviewer, findable by their login in one indexed join.
    const pending = await harness.db.pendingItem.findMany({
      where: { workflowId: streamId },
      include: { actors: true },
    });
    expect(pending).toEqual([
      expect.objectContaining({
        itemKey: 'script:r1',
        kind: 'script',
        revision: 1,
        actors: [expect.objectContaining({ actorId: 'reviewer@example.com', relation: 'assignee' })],
      }),
    ]);
  });
});
