import request from 'supertest';
import { createReportActivities } from '../../activities/reports/stream-review';
import { SAMPLE_BANNED_TERM, buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TStreamPlan } from '../../domain/stream/plan.types';
import { uniqueId } from './helpers/harness';
import { FAST_TIMING, isoIn } from './helpers/streams';
import {
  bearer,
  createApiFixture,
  createTestUser,
  waitForAudit,
  type ApiFixture,
  type TestUser,
} from './helpers/api';

jest.setTimeout(180_000);

type Detail = {
  state: {
    streamId: string;
    phase: string;
    script: { revisions: Array<{ revision: number; findings?: unknown[]; decision?: { decision: string } }> };
  };
  deadlines: Record<string, unknown>;
  pendingItems: Array<{ key: string }>;
};

describe('stream API on the real worker and dev server', () => {
  // it.concurrent bodies start before beforeAll hooks, so setup is one shared promise.
  let ready: Promise<ApiFixture> | undefined;
  const fixture = () => (ready ??= createApiFixture());
  afterAll(async () => (await ready)?.close());

  function planFor(users: ApiFixture['users'], owner: TestUser = users.operator): TStreamPlan {
    const member = (u: TestUser, name: string) => ({ id: u.email, name, email: u.email });
    const plan = buildSamplePlan({ scheduledStart: isoIn(600), owner: owner.email, timing: FAST_TIMING });
    return {
      ...plan,
      team: {
        ...plan.team,
        reviewer: [member(users.reviewer, '王审')],
        manager: [member(users.manager, '刘经理')],
        room_operator: [member(users.operator, '陈静')],
      },
    };
  }

  async function waitForDetail(
    app: ApiFixture['app'],
    user: TestUser,
    id: string,
    predicate: (detail: Detail) => boolean,
  ): Promise<Detail> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await request(app).get(`/api/streams/${id}`).set(bearer(user)).expect(200);
      if (predicate(body as Detail)) return body as Detail;
      if (Date.now() > deadline)
        throw new Error(`timed out: ${JSON.stringify((body as Detail).state.phase)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function createStream(
    f: ApiFixture,
    creator: TestUser,
    plan: TStreamPlan,
    id = uniqueId('api-stream'),
  ) {
    const response = await request(f.app)
      .post('/api/streams')
      .set(bearer(creator))
      .send({ ...plan, id })
      .expect(201);
    return { id, detail: response.body as Detail };
  }

  it.concurrent('creates, lists, reads, acts on and cancels a stream through the API', async () => {
    const f = await fixture();
    const { operator, reviewer, manager } = f.users;
    const { id, detail } = await createStream(f, operator, planFor(f.users));
    expect(detail.state.streamId).toBe(id);
    expect(['draft', 'compliance']).toContain(detail.state.phase);
    expect(detail.deadlines).toHaveProperty('gateCutoff');

    const [audit] = await waitForAudit(f.harness.db, { action: 'stream.create', target: id });
    expect(audit).toMatchObject({ actorId: operator.email, status: 201, outcome: 'success' });

    const again = await request(f.app)
      .post('/api/streams')
      .set(bearer(operator))
      .send({ ...planFor(f.users), id });
    expect(again.status).toBe(409);

    const invalid = await request(f.app)
      .post('/api/streams')
      .set(bearer(operator))
      .send({ ...planFor(f.users), platforms: [], scheduledStart: 'tomorrow' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    expect(invalid.body.error.details.map((d: { path: string[] }) => d.path[0])).toEqual(
      expect.arrayContaining(['platforms', 'scheduledStart']),
    );

    await request(f.app).get('/api/streams/no-such-stream').set(bearer(reviewer)).expect(404);
    await request(f.app).get('/api/streams/bad%20id').set(bearer(reviewer)).expect(400);

    // The read model is projected by an activity: poll the list.
    const deadline = Date.now() + 30_000;
    let listed: Array<{ id: string }> = [];
    while (!listed.some((s) => s.id === id) && Date.now() < deadline) {
      listed = (
        await request(f.app)
          .get(`/api/streams?owner=${encodeURIComponent(operator.email)}`)
          .set(bearer(reviewer))
      ).body.streams;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(listed.map((s) => s.id)).toContain(id);
    // Temporal's own visibility store answers the same question (search attributes set at start).
    const visible = await request(f.app)
      .get(`/api/streams?source=temporal&owner=${encodeURIComponent(operator.email)}`)
      .set(bearer(reviewer))
      .expect(200);
    expect(visible.body.streams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, title: planFor(f.users).title, pendingItems: null }),
      ]),
    );
    const completed = await request(f.app)
      .get('/api/streams?phase=completed')
      .set(bearer(reviewer))
      .expect(200);
    expect(completed.body.streams.map((s: { id: string }) => s.id)).not.toContain(id);
    const later = await request(f.app)
      .get(`/api/streams?from=${encodeURIComponent(isoIn(3600))}`)
      .set(bearer(reviewer))
      .expect(200);
    expect(later.body.streams.map((s: { id: string }) => s.id)).not.toContain(id);
    await request(f.app).get('/api/streams?phase=live').set(bearer(reviewer)).expect(400);

    const scanned = await waitForDetail(
      f.app,
      reviewer,
      id,
      (d) => d.state.script.revisions[0]?.findings !== undefined,
    );
    expect(scanned.pendingItems.map((p) => p.key)).toContain('script:r1');

    const action = (user: TestUser, name: string, body: object) =>
      request(f.app).post(`/api/streams/${id}/actions/${name}`).set(bearer(user)).send(body);

    expect((await action(reviewer, 'decide-script', { revision: 'one' })).status).toBe(400);
    const notReviewer = await action(operator, 'decide-script', { revision: 1, decision: 'approved' });
    expect(notReviewer.status).toBe(403);
    expect(notReviewer.body.error.code).toBe('FORBIDDEN_ROLE');
    const wrongPhase = await action(manager, 'extend', { minutes: 30, reason: 'sold out' });
    expect(wrongPhase.status).toBe(409);
    expect(wrongPhase.body.error.code).toBe('INVALID_PHASE');

    const rejected = await action(reviewer, 'decide-script', {
      revision: 1,
      decision: 'rejected',
      reasons: [`${SAMPLE_BANNED_TERM} is an absolute claim`],
    });
    expect(rejected.status).toBe(200);
    // An action answers what it changed, not the whole state (that is a GET).
    expect(rejected.body).toMatchObject({ action: 'decide-script', phase: 'compliance' });
    expect(rejected.body.events).toEqual([expect.objectContaining({ type: 'ScriptDecided' })]);
    expect(rejected.body.state).toBeUndefined();
    const twice = await action(reviewer, 'decide-script', { revision: 1, decision: 'approved' });
    expect(twice.status).toBe(409);

    const segments = (
      await request(f.app).get(`/api/streams/${id}`).set(bearer(operator))
    ).body.state.plan.script.map((s: { text: string }) => ({
      ...s,
      text: s.text.replace(SAMPLE_BANNED_TERM, '直播间专享价'),
    }));
    const stale = await action(operator, 'submit-script', { baseRevision: 0, segments });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_REVISION');
    expect((await action(operator, 'submit-script', { baseRevision: 1, segments })).status).toBe(200);

    // What waits for the reviewer: the new revision, once scanned and projected.
    const inboxDeadline = Date.now() + 30_000;
    let keys: string[] = [];
    while (!keys.includes('script:r2') && Date.now() < inboxDeadline) {
      const inbox = await request(f.app).get('/api/approvals').set(bearer(reviewer)).expect(200);
      keys = inbox.body.approvals
        .filter((a: { workflowId: string }) => a.workflowId === id)
        .map((a: { key: string }) => a.key);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(keys).toContain('script:r2');
    // The manager hears of it only once it is escalated to them; the author has nothing to do while it waits.
    const managersInbox = await request(f.app).get('/api/approvals').set(bearer(manager)).expect(200);
    expect(managersInbox.body.approvals.filter((a: { workflowId: string }) => a.workflowId === id)).toEqual(
      [],
    );
    const operatorsInbox = await request(f.app).get('/api/approvals').set(bearer(operator)).expect(200);
    expect(operatorsInbox.body.approvals.filter((a: { workflowId: string }) => a.workflowId === id)).toEqual(
      [],
    );

    await request(f.app).post(`/api/streams/${id}/actions/launch`).set(bearer(manager)).send({}).expect(404);
    const cancelled = await action(manager, 'cancel', { reason: 'test finished' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.phase).toBe('cancelled');
    await waitForDetail(f.app, manager, id, (d) => d.state.phase === 'cancelled');
    // Once the workflow has closed, actions are refused as a conflict, not a server error.
    const afterEnd = await action(manager, 'resume', {});
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.error.code).toBe('INVALID_PHASE');

    const history = await request(f.app)
      .get(`/api/streams/${id}/history`)
      .set(bearer(f.users.auditor))
      .expect(200);
    expect(history.body.events[0].eventType).toMatch(/WORKFLOW_EXECUTION_STARTED|WorkflowExecutionStarted/);
    await request(f.app).get(`/api/streams/${id}/history`).set(bearer(operator)).expect(403);
    await request(f.app).get(`/api/streams/no-such-stream/history`).set(bearer(manager)).expect(404);
  });

  it.concurrent(
    "holds a plan's script and every later revision to one set of bounds, refused in the same words",
    async () => {
      const f = await fixture();
      const { operator } = f.users;
      const withMinutes = (minutes: number): TStreamPlan => {
        const plan = planFor(f.users);
        return { ...plan, script: plan.script.map((s) => ({ ...s, plannedMinutes: minutes })) };
      };
      // Half a minute, the shortest segment: the plan is taken, and its script resubmitted unchanged is too.
      const atBound = withMinutes(0.5);
      const { id } = await createStream(f, operator, atBound);
      await waitForDetail(f.app, operator, id, (d) => d.state.script.revisions[0]?.findings !== undefined);
      const submit = (segments: unknown) =>
        request(f.app)
          .post(`/api/streams/${id}/actions/submit-script`)
          .set(bearer(operator))
          .send({ baseRevision: 1, segments });
      expect((await submit(atBound.script)).status).toBe(200);

      // Under it: refused by both, the same words at the same field.
      const under = withMinutes(0.4);
      const created = await request(f.app)
        .post('/api/streams')
        .set(bearer(operator))
        .send({ ...under, id: uniqueId('api-stream') });
      const resubmitted = await request(f.app)
        .post(`/api/streams/${id}/actions/submit-script`)
        .set(bearer(operator))
        .send({ baseRevision: 2, segments: under.script });
      const issue = (body: { error: { details: Array<{ path: unknown[]; message: string }> } }, at: string) =>
        body.error.details.find((d) => d.path.join('.') === at)?.message;
      expect([created.status, resubmitted.status]).toEqual([400, 400]);
      expect(issue(created.body, 'script.0.plannedMinutes')).toBe('At least 0.5');
      expect(issue(resubmitted.body, 'segments.0.plannedMinutes')).toBe('At least 0.5');
      await request(f.app)
        .post(`/api/streams/${id}/actions/cancel`)
        .set(bearer(f.users.manager))
        .send({ reason: 'test finished' })
        .expect(200);
    },
  );

  it.concurrent(
    'passes the workflow validator refusal for self-approval through as 403 SELF_APPROVAL',
    async () => {
      const f = await fixture();
      const both = await createTestUser(f.harness.db, ['operator', 'reviewer'], {
        label: 'both',
        password: false,
      });
      // On the roster as a reviewer too: only separation of duties stands between them and their own plan.
      const plan = planFor(f.users, both);
      const asReviewer = { id: both.email, name: 'both', email: both.email };
      const { id } = await createStream(f, both, { ...plan, team: { ...plan.team, reviewer: [asReviewer] } });
      await waitForDetail(f.app, both, id, (d) => d.state.script.revisions[0]?.findings !== undefined);
      const self = await request(f.app)
        .post(`/api/streams/${id}/actions/decide-script`)
        .set(bearer(both))
        .send({ revision: 1, decision: 'approved_with_findings', acceptedFindingIds: [] });
      expect(self.status).toBe(403);
      expect(self.body.error.code).toBe('SELF_APPROVAL');
      await request(f.app)
        .post(`/api/streams/${id}/actions/cancel`)
        .set(bearer(f.users.manager))
        .send({ reason: 'done' })
        .expect(200);
    },
  );

  it.concurrent(
    'replays a POST with the same Idempotency-Key and refuses the key for another body',
    async () => {
      const f = await fixture();
      const { operator, manager, admin } = f.users;
      const key = uniqueId('key');
      const plan = planFor(f.users);
      const first = await request(f.app)
        .post('/api/streams')
        .set(bearer(operator))
        .set('Idempotency-Key', key)
        .send(plan);
      expect(first.status).toBe(201);
      const id = first.body.state.streamId as string;
      const replay = await request(f.app)
        .post('/api/streams')
        .set(bearer(operator))
        .set('Idempotency-Key', key)
        .send(plan);
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const conflict = await request(f.app)
        .post('/api/streams')
        .set(bearer(operator))
        .set('Idempotency-Key', key)
        .send({ ...plan, title: 'another stream' });
      expect(conflict.status).toBe(422);
      expect(conflict.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
      // Keys belong to their user: the same key from someone else is a new request.
      const other = await request(f.app)
        .post('/api/streams')
        .set(bearer(admin))
        .set('Idempotency-Key', key)
        .send(plan);
      expect(other.status).toBe(201);
      expect(other.body.state.streamId).not.toBe(id);
      const created = await f.harness.db.auditLog.count({ where: { action: 'stream.create', target: id } });
      expect(created).toBe(1);
      const replayed = await waitForAudit(f.harness.db, { actorId: operator.email, outcome: 'replayed' });
      expect(replayed.length).toBeGreaterThan(0);

      // An action replayed after the stream moved on answers as the first time, instead of "already cancelled".
      const cancelKey = uniqueId('cancel');
      const cancel = () =>
        request(f.app)
          .post(`/api/streams/${id}/actions/cancel`)
          .set(bearer(manager))
          .set('Idempotency-Key', cancelKey)
          .send({ reason: 'duplicate plan' });
      const cancelled = await cancel();
      expect(cancelled.status).toBe(200);
      const again = await cancel();
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(cancelled.body.version);
      await request(f.app)
        .post(`/api/streams/${other.body.state.streamId}/actions/cancel`)
        .set(bearer(manager))
        .send({ reason: 'test finished' })
        .expect(200);
    },
  );

  it.concurrent('ingests metric batches with an API token, and serves reports and the outbox', async () => {
    const f = await fixture();
    const { operator, reviewer, auditor } = f.users;
    const streamId = uniqueId('metrics-stream');
    const batch = {
      points: [
        { streamId, metric: 'viewers', ts: '2026-11-11T20:00:00+08:00', value: 1200 },
        { streamId, metric: 'viewers', ts: '2026-11-11T20:01:00+08:00', value: 1500 },
        { streamId, metric: 'gmv', ts: '2026-11-11T20:01:00+08:00', value: 8800 },
      ],
    };
    const accepted = await request(f.app).post('/api/metrics').set(bearer(operator)).send(batch).expect(202);
    expect(accepted.body).toMatchObject({ accepted: 3, duplicates: 0 });
    await request(f.app).post('/api/metrics').send(batch).expect(401);
    await request(f.app).post('/api/metrics').set(bearer(reviewer)).send(batch).expect(403);
    const invalid = await request(f.app)
      .post('/api/metrics')
      .set(bearer(operator))
      .send({ points: [{ streamId, metric: 'viewers', ts: 'yesterday', value: -1 }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    const [audit] = await waitForAudit(f.harness.db, { action: 'metrics.ingest', actorId: operator.email });
    expect(audit).toMatchObject({ status: 202, authMethod: 'token' });

    // An id no stream ever had: 404 saying so (not a conflict about a superseded report).
    const missing = await request(f.app).get(`/api/reports/streams/${streamId}`).set(bearer(auditor));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: `No stream ${streamId}` });
    await createReportActivities({ db: f.harness.db, logger: f.harness.logger }).buildStreamReview({
      streamId,
      title: '双11 专场',
      timeZone: 'Asia/Shanghai',
      targets: { gmv: 10_000 },
      locale: 'zh-CN',
    });
    const json = await request(f.app)
      .get(`/api/reports/streams/${streamId}`)
      .set(bearer(auditor))
      .expect(200);
    expect(json.body).toMatchObject({ streamId, kind: 'stream-review' });
    expect(json.body.report).toBeDefined();
    const html = await request(f.app)
      .get(`/api/reports/streams/${streamId}?format=html`)
      .set(bearer(auditor))
      .expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('双11 专场');
    const csv = await request(f.app)
      .get(`/api/reports/streams/${streamId}?format=csv`)
      .set(bearer(auditor))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    await request(f.app).get(`/api/reports/streams/${streamId}?format=pdf`).set(bearer(auditor)).expect(400);

    const outbox = await request(f.app).get('/api/outbox?limit=5').set(bearer(auditor)).expect(200);
    expect(Array.isArray(outbox.body.entries)).toBe(true);
    await request(f.app).get('/api/outbox?status=lost').set(bearer(auditor)).expect(400);
    await request(f.app).get('/api/outbox').expect(401);
  });

  it.concurrent('rate-limits metric batches per token', async () => {
    const f = await fixture();
    const { createApp } = await import('../../api/app');
    const app = createApp({
      config: { ...f.harness.config, auth: { ...f.harness.config.auth, metricsRateLimit: 1 } },
      temporal: f.harness.client,
      db: f.harness.db,
      logger: f.harness.logger,
    });
    const batch = {
      points: [{ streamId: uniqueId('rl'), metric: 'viewers', ts: '2026-11-11T20:00:00+08:00', value: 1 }],
    };
    await request(app).post('/api/metrics').set(bearer(f.users.operator)).send(batch).expect(202);
    const limited = await request(app).post('/api/metrics').set(bearer(f.users.operator)).send(batch);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await request(app).post('/api/metrics').set(bearer(f.users.admin)).send(batch).expect(202);
  });
});
