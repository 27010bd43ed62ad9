import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { replayAllRuns } from './helpers/replay';
import { createHarness, uniqueId, type Harness } from './helpers/harness';
import { passGates, startStream, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

function startWorkerProcess(taskQueue: string): Promise<ChildProcess> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a grandchild process, which a SIGKILL of
  // the CLI would leave running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'helpers/worker-process.ts')],
    {
      env: { ...process.env, TEST_TASK_QUEUE: taskQueue },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker-ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early with ${code}`)));
  });
}

describe('a worker killed mid-preheat', () => {
  let harness: Harness;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    harness = await createHarness();
  });

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      child.stdout?.destroy();
    }
    await harness?.close();
  });

  it('continues on a new worker with no reminder sent twice', async () => {
    // The harness's own worker polls another queue: only the child processes run this stream.
    const taskQueue = uniqueId('restart-queue');
    children.push(await startWorkerProcess(taskQueue));
    const handle = await startStream(
      { ...harness, taskQueue },
      {
        startInSeconds: 45,
        timing: { checklistReminderOffsetsSeconds: [30, 15], checklistDueBeforeStartSeconds: 3 },
      },
    );
    await passGates(handle);
    await waitForState(
      handle,
      (s) => s.phase === 'preheat' && (s.approvalNotices['checklist']?.reminders ?? 0) >= 1,
      40_000,
    );

    children[0]!.kill('SIGKILL');
    await new Promise((resolve) => children[0]!.once('exit', resolve));
    children.push(await startWorkerProcess(taskQueue));

    const state = await waitForState(
      handle,
      (s) => (s.approvalNotices['checklist']?.reminders ?? 0) >= 2,
      60_000,
    );
    expect(state.phase).toBe('preheat');
    await waitForPhase(handle, 'burst', 60_000);

    const reminders = await harness.db.notification.findMany({
      where: { workflowId: handle.workflowId, template: 'team_reminder' },
    });
    const perKey = new Map<string, number>();
    for (const row of reminders) perKey.set(row.dedupeKey, (perKey.get(row.dedupeKey) ?? 0) + 1);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    // Two reminders (T-30s, T-15s), each to the room operator, co-host and host: one outbox row per recipient.
    const keys = new Set(reminders.map((r) => r.dedupeKey.split(':').slice(0, -1).join(':')));
    expect(reminders.length).toBeGreaterThan(0);
    expect(
      state.timeline.entries.filter((e) => e.type === 'ReminderSent' && e.summary.includes('checklist')),
    ).toHaveLength(2);
    expect(keys.size).toBeGreaterThanOrEqual(1);
    await handle.terminate('test finished');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBeGreaterThanOrEqual(1);
  });
});
