import request from 'supertest';
import { STREAM_ACTIONS } from '../../domain/stream/actions';
import { bearer, createApiFixture, signIn, type ApiFixture } from './helpers/api';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { isoIn, waitForState, type StreamHandle } from './helpers/streams';

jest.setTimeout(180_000);

/** POSTs that change nothing: replay reads histories (a POST for its body); signing in and out is one's own session. */
const READ_ONLY_POSTS = new Set(['/api/audit/replay', '/login', '/logout']);

describe('auditors read, verify, replay and export; they change nothing', () => {
  let f: ApiFixture;
  let streamId: string;
  beforeAll(async () => {
    f = await createApiFixture({ passwords: true });
    // A stream in compliance with its gates open (so every action route reaches the domain's judgement), created
    // through the API so it carries its search attributes (the auditor's page finds it by owner).
    const plan = buildSamplePlan({ scheduledStart: isoIn(7 * 24 * 3600), owner: f.users.operator.email });
    const created = await request(f.app)
      .post('/api/streams')
      .set(bearer(f.users.operator))
      .send(plan)
      .expect(201);
    streamId = created.body.id as string;
    const handle = f.harness.client.workflow.getHandle(streamId) as StreamHandle;
    await waitForState(handle, (s) => s.script.revisions[0]?.findings !== undefined);
  });
  afterAll(async () => f?.close());

  it('refuses an auditor every mutating route of the API, whatever the body', async () => {
    const doc = (await request(f.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method) && !READ_ONLY_POSTS.has(path))
        .map((method) => ({ method, path: path.replace('{id}', streamId) })),
    );
    // Every action of the registry, users, tokens, streams, metrics, compliance packs.
    expect(mutating.length).toBeGreaterThanOrEqual(STREAM_ACTIONS.length + 5);
    const answers: string[] = [];
    for (const route of mutating) {
      const call = request(f.app)[route.method as 'post' | 'delete'](route.path).set(bearer(f.users.auditor));
      const res = await call.send({});
      answers.push(`${route.method} ${route.path}: ${res.status} ${res.body?.error?.code ?? ''}`);
    }
    expect(answers).toEqual(mutating.map((r) => `${r.method} ${r.path}: 403 FORBIDDEN_ROLE`));
    // The web forms too.
    const { agent, csrfToken } = await signIn(f.app, f.users.auditor);
    for (const path of ['/streams', `/streams/${streamId}/actions/cancel`, '/compliance/packs'])
      expect((await agent.post(path).type('form').send({ _csrf: csrfToken, reason: 'x' })).status).toBe(403);
  });

  it('lets only auditors and managers export and replay', async () => {
    for (const role of ['operator', 'reviewer'] as const) {
      await request(f.app)
        .get(`/api/audit/export?workflowId=${streamId}`)
        .set(bearer(f.users[role]))
        .expect(403);
      await request(f.app)
        .post('/api/audit/replay')
        .set(bearer(f.users[role]))
        .send({ workflowIds: [streamId] })
        .expect(403);
      const { agent } = await signIn(f.app, f.users[role]);
      expect((await agent.get('/audit')).status).toBe(403);
    }
    for (const role of ['auditor', 'manager'] as const)
      await request(f.app)
        .get(`/api/audit/export?workflowId=${streamId}`)
        .set(bearer(f.users[role]))
        .expect(200);
  });

  it('the auditor page finds workflows, replays the picked ones and steps through one', async () => {
    const { agent, csrfToken } = await signIn(f.app, f.users.auditor);
    const listed = await agent
      .get(`/audit?owner=${encodeURIComponent(f.users.operator.email)}&lang=en`)
      .expect(200);
    expect(listed.text).toContain('Audit log hash chain intact');
    expect(listed.text).toContain(streamId);
    const replayed = await agent
      .post('/audit/replay')
      .type('form')
      .send({ _csrf: csrfToken, workflowId: streamId, owner: f.users.operator.email })
      .expect(200);
    expect(replayed.text).toContain('1 run(s) replayed, 0 failed');
    expect(replayed.text).toContain('class="replay-ok"');

    const stepped = await agent.get(`/audit/workflows/${streamId}?lang=en`).expect(200);
    const firstStep = /href="(\/audit\/workflows\/[^"]+event=\d+)"/.exec(stepped.text)?.[1];
    expect(stepped.text).toMatch(/id="audit-phase">\s*compliance/);
    // The script waits for the roster's reviewer: a pending item with its due time.
    expect(stepped.text).toMatch(/id="audit-pending"[\s\S]*script:r1[\s\S]*reviewer@example.com/);
    expect(stepped.text).toContain('liveStart');
    const start = await agent.get(firstStep!.replace(/&amp;/g, '&')).expect(200);
    expect(start.text).toMatch(/id="audit-phase">\s*(draft|compliance)/);
  });
});
