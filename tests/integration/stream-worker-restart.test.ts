import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { replayAllRuns } from './helpers/replay';
import { createHarness, uniqueId, type Harness } from './helpers/harness';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';
import { passGates, startStream, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

function startWorkerProcess(taskQueue: string, smtpUrl: string): Promise<ChildProcess> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a grandchild process, which a SIGKILL of
  // the CLI would leave running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'helpers/worker-process.ts')],
    {
      env: { ...process.env, TEST_TASK_QUEUE: taskQueue, SMTP_URL: smtpUrl },
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
  let smtp: SmtpSink;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    harness = await createHarness();
    smtp = await startSmtpSink();
  });

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      child.stdout?.destroy();
    }
    await smtp?.close();
    await harness?.close();
  });

  it('continues on a new worker, and the people got each reminder exactly once', async () => {
    // The harness's own worker polls another queue: only the child processes run this stream.
    const taskQueue = uniqueId('restart-queue');
    children.push(await startWorkerProcess(taskQueue, smtp.url));
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
    children.push(await startWorkerProcess(taskQueue, smtp.url));

    const state = await waitForState(
      handle,
      (s) => (s.approvalNotices['checklist']?.reminders ?? 0) >= 2,
      60_000,
    );
    expect(state.phase).toBe('preheat');
    await waitForPhase(handle, 'burst', 60_000);

    // What a real SMTP server received across the SIGKILL: two reminders (T-30s, T-15s), each to the room
    // operator, the co-host and the host, each mail exactly once (the outbox's dedupe key is its Message-ID).
    const reminderMails = () =>
      smtp.messages.filter((m) =>
        String(m.headers.get('x-liveops-dedupe-key') ?? '').includes('team-reminder'),
      );
    const deadline = Date.now() + 30_000;
    while (reminderMails().length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const mails = reminderMails();
    const perId = new Map<string, number>();
    for (const mail of mails) perId.set(mail.messageId ?? '', (perId.get(mail.messageId ?? '') ?? 0) + 1);
    expect([...perId.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const to = (mail: (typeof mails)[number]) =>
      (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
    expect(mails.map(to).sort()).toEqual(
      ['cohost@example.com', 'host@example.com', 'ops@example.com'].flatMap((a) => [a, a]).sort(),
    );
    expect(
      state.timeline.entries.filter((e) => e.type === 'ReminderSent' && e.summary.includes('checklist')),
    ).toHaveLength(2);
    await handle.terminate('test finished');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBeGreaterThanOrEqual(1);
  });
});
