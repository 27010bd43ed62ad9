import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { sha256Hex, readExportBundle } from '../../api/audit/export-bundle';
import { createReplayer } from '../../api/audit/replay';
import { eventTypeName } from '../../api/audit/decode-history';
import type { TTimelineRow } from '../../api/audit/workflow-audit';
import { auditCli as cli } from './helpers/audit-cli';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(300_000);
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('an export round-trips: export, then replay from the file', () => {
  let f: ApiFixture;
  let streamId: string;
  let zip: Buffer;
  let dir: string;
  beforeAll(async () => {
    f = await createApiFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-audit-'));
    // A whole stream: gates (a rejection and a revision), checklist, live, end early, review, sign-off.
    const handle = await startStream(f.harness, { startInSeconds: 20 });
    streamId = handle.workflowId;
    const scanned = await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
    await act(handle, 'decide-script', people.reviewer, {
      revision: 1,
      decision: 'rejected',
      reasons: ['第一 is an absolute term'],
      acceptedFindingIds: [],
    });
    await act(handle, 'submit-script', people.planner, { baseRevision: 1, segments: scanned.plan.script });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    await waitForPhase(handle, 'burst', 30_000);
    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const reported = await waitForState(handle, (s) => s.review.reportId !== undefined, 60_000);
    await act(handle, 'sign-review', people.manager, { reportId: reported.review.reportId });
    await handle.result();
  });
  afterAll(async () => {
    await f?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports a bundle whose manifest digests match every file, with the chain head and who exported it', async () => {
    const res = await request(f.app)
      .get(`/api/audit/export?workflowId=${streamId}`)
      .set(bearer(f.users.auditor))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/zip/);
    zip = res.body as Buffer;
    const entries = unzipSync(zip);
    expect(sha256Hex(entries['manifest.json']!)).toBe(res.headers['x-manifest-sha256']);
    const bundle = readExportBundle(zip);
    expect(bundle.problems).toEqual([]);
    const { manifest } = bundle;
    expect(manifest.exportedBy).toEqual({ id: f.users.auditor.email, roles: ['auditor'], via: 'api' });
    expect(manifest.files.length).toBe(Object.keys(entries).length - 1);
    const exportRow = await f.harness.db.auditLog.findFirst({
      where: { action: 'audit.export', actorId: f.users.auditor.email, target: streamId },
    });
    expect(exportRow).not.toBeNull();
    expect(manifest.auditLog.verified).toBe(true);
    expect(manifest.auditLog.head.id).toBeGreaterThanOrEqual(exportRow!.id);
    expect(manifest.workflows).toHaveLength(1);
    expect(manifest.workflows[0]).toMatchObject({
      workflowId: streamId,
      kind: 'stream',
      finalState: { phase: 'completed' },
    });

    // The domain timeline: who decided what, with revision and reasons; the phase changes; the notifications.
    const timeline = JSON.parse(strFromU8(entries[manifest.workflows[0]!.timeline.json]!)) as TTimelineRow[];
    expect(timeline[0]).toMatchObject({ seq: 1, type: 'StreamPlanned', actorId: people.planner.id });
    expect(timeline.map((row) => row.seq)).toEqual(timeline.map((_, index) => index + 1));
    expect(timeline.find((row) => row.type === 'ScriptDecided')).toMatchObject({
      actorId: people.reviewer.id,
      details: { revision: 1, decision: 'rejected', reasons: ['第一 is an absolute term'] },
    });
    const phases = timeline.filter((row) => row.phaseBefore !== row.phaseAfter).map((row) => row.phaseAfter);
    expect(phases).toEqual(['draft', 'compliance', 'preheat', 'burst', 'tail', 'review', 'completed']);
    const csv = strFromU8(entries[manifest.workflows[0]!.timeline.csv]!);
    expect(csv.split('\r\n')[0]).toContain('workflowId,kind,runId,historyEventId,seq,at,type,actorId');
    expect(csv).toContain('ScriptDecided');
    const notifications = JSON.parse(
      strFromU8(entries[manifest.workflows[0]!.notifications.json]!),
    ) as Array<{
      template: string;
      status: string;
    }>;
    const stored = await f.harness.db.notification.count({ where: { workflowId: streamId } });
    expect(notifications).toHaveLength(stored);
    expect(notifications.map((n) => n.template)).toContain('review_ready');
    expect(
      notifications.every((n) => ['pending', 'sending', 'sent', 'failed', 'held'].includes(n.status)),
    ).toBe(true);
  });

  it('exports the same workflow from the CLI, recorded as exported by the CLI', async () => {
    const out = path.join(dir, 'cli.zip');
    const exported = await cli('export', '--id', streamId, '--out', out, '--as', 'auditor-cli@example.com');
    expect(exported.code).toBe(0);
    const bundle = readExportBundle(fs.readFileSync(out));
    expect(bundle.problems).toEqual([]);
    expect(bundle.manifest.exportedBy).toEqual({ id: 'auditor-cli@example.com', roles: [], via: 'cli' });
    expect(exported.output).toContain(
      `manifest.json sha256 ${sha256Hex(unzipSync(fs.readFileSync(out))['manifest.json']!)}`,
    );
    // Byte for byte the same histories as the API's export (map entries in key order): a closed history never
    // changes, so its digest in one export vouches for it in the next.
    const api = readExportBundle(zip);
    expect(bundle.histories.map((h) => h.runId)).toEqual(api.histories.map((h) => h.runId));
    expect(bundle.manifest.files.filter((f) => f.path.endsWith('.history.json'))).toEqual(
      api.manifest.files.filter((f) => f.path.endsWith('.history.json')),
    );
  });

  it('replays the exported histories, from the bundle and from a single file, against the current code', async () => {
    const bundlePath = path.join(dir, 'export.zip');
    fs.writeFileSync(bundlePath, zip);
    const fromBundle = await cli('replay', '--bundle', bundlePath, '--json');
    expect(fromBundle.code).toBe(0);
    const report = JSON.parse(fromBundle.output) as {
      ok: boolean;
      replayed: number;
      bundleProblems: string[];
    };
    expect(report).toMatchObject({ ok: true, replayed: 1, bundleProblems: [] });

    // One history file as it sits in the bundle, sent to the API as an auditor would upload it.
    const { manifest } = readExportBundle(zip);
    const historyText = strFromU8(unzipSync(zip)[manifest.workflows[0]!.runs[0]!.history]!);
    const uploaded = await request(f.app)
      .post('/api/audit/replay')
      .set(bearer(f.users.manager))
      .send({ histories: [{ workflowId: streamId, history: JSON.parse(historyText) }] })
      .expect(200);
    expect(uploaded.body).toMatchObject({ ok: true, replayed: 1, failed: 0 });
    const byId = await request(f.app)
      .post('/api/audit/replay')
      .set(bearer(f.users.auditor))
      .send({ workflowIds: [streamId] })
      .expect(200);
    expect(byId.body.results).toEqual([expect.objectContaining({ workflowId: streamId, ok: true })]);
    await request(f.app)
      .post('/api/audit/replay')
      .set(bearer(f.users.operator))
      .send({ workflowIds: [streamId] })
      .expect(403);
    await request(f.app)
      .get(`/api/audit/export?workflowId=${streamId}`)
      .set(bearer(f.users.reviewer))
      .expect(403);
  });

  it('catches a non-deterministic change to a copy of the workflow, naming the event where it diverged', async () => {
    const { manifest } = readExportBundle(zip);
    const file = path.join(dir, 'run.history.json');
    fs.writeFileSync(file, strFromU8(unzipSync(zip)[manifest.workflows[0]!.runs[0]!.history]!));
    const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
    // The copy adds a timer before its first step: the real code's first command (the first event after the first
    // completed workflow task) is where they part.
    const events = history.events!;
    const firstTaskDone = events.findIndex((e) => eventTypeName(e.eventType) === 'WorkflowTaskCompleted');
    const expected = events[firstTaskDone + 1]!;
    const broken = createReplayer({
      workflowsPath: require.resolve('./fixtures/nondeterministic-workflows'),
    });
    const [result] = await broken.replay([{ workflowId: streamId, history }]);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'nondeterminism',
        eventId: Number(expected.eventId),
        eventType: eventTypeName(expected.eventType),
      },
    });
    // The CLI says the same against the copy, with exit code 1; and bad input is exit code 2.
    const fromCli = await cli(
      'replay',
      '--file',
      file,
      '--workflows',
      'tests/integration/fixtures/nondeterministic-workflows',
    );
    expect(fromCli.code).toBe(1);
    expect(fromCli.output).toContain(`FAILED  ${streamId}`);
    expect(fromCli.output).toContain(
      `at event ${Number(expected.eventId)} ${eventTypeName(expected.eventType)}`,
    );
    expect((await cli('replay', '--file', path.join(dir, 'missing.json'))).code).toBe(2);
  });
});
