import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { collectCampaignSummaries } from '../../activities/schedules/period-numbers';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { auditCli } from './helpers/audit-cli';
import { campaignPlanInput } from './helpers/campaigns';
import { isoIn } from './helpers/streams';
import {
  bearer,
  createApiFixture,
  createTestUser,
  waitForAudit,
  type ApiFixture,
  type TestUser,
} from './helpers/api';

jest.setTimeout(180_000);

type Detail = { id: string; state: TCampaignState; pendingItems: Array<{ kind: string }> };

describe('campaign API on the real worker and dev server', () => {
  let ready: Promise<ApiFixture> | undefined;
  const fixture = () => (ready ??= createApiFixture());
  afterAll(async () => (await ready)?.close());

  async function waitForDetail(
    app: ApiFixture['app'],
    user: TestUser,
    id: string,
    predicate: (d: Detail) => boolean,
  ) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await request(app).get(`/api/campaigns/${id}`).set(bearer(user)).expect(200);
      if (predicate(body as Detail)) return body as Detail;
      if (Date.now() > deadline) throw new Error(`timed out in ${(body as Detail).state.phase}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it.concurrent('refuses a plan that cannot work with a 400 naming the field', async () => {
    const { app, users } = await fixture();
    const plan = campaignPlanInput({
      preheatIn: 60,
      burstIn: 30,
      burstEndIn: 200,
      tailEndIn: 300,
      streams: [],
    });
    const { body } = await request(app)
      .post('/api/campaigns')
      .set(bearer(users.manager))
      .send(plan)
      .expect(400);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.details[0].path).toEqual(['windows', 'burstStart']);
    const overlap = campaignPlanInput({
      preheatIn: 10,
      burstIn: 60,
      burstEndIn: 900,
      tailEndIn: 1000,
      streams: [
        { key: 'a', room: 'A', startIn: 100, minutes: 10 },
        { key: 'b', room: 'A', startIn: 200 },
      ],
    });
    const refused = await request(app)
      .post('/api/campaigns')
      .set(bearer(users.manager))
      .send(overlap)
      .expect(400);
    expect(refused.body.error.details[0].path).toEqual(['streams', 1, 'room']);
    await request(app).post('/api/campaigns').set(bearer(users.reviewer)).send(overlap).expect(403);
  });

  it.concurrent(
    'create, list, approve (not by its submitter), calendar, clone; a short campaign reaches its review and exports XLSX',
    async () => {
      const { app, users, harness } = await fixture();
      const director = await createTestUser(harness.db, ['manager'], { label: 'director' });
      const plan = campaignPlanInput({
        preheatIn: 3,
        burstIn: 5,
        burstEndIn: 300,
        tailEndIn: 302,
        streams: [{ key: 'day-1', startIn: 200 }],
        extra: { owner: users.manager.email },
      });
      const created = await request(app).post('/api/campaigns').set(bearer(users.manager)).send(plan);
      expect(created.body.error).toBeUndefined();
      expect(created.status).toBe(201);
      const id = (created.body as Detail).id;
      expect((created.body as Detail).pendingItems.map((i) => i.kind)).toEqual(['plan_approval']);
      await waitForAudit(harness.db, { action: 'campaign.create', target: id });

      const listed = await request(app).get('/api/campaigns').set(bearer(users.auditor)).expect(200);
      expect(listed.body.campaigns.map((c: { id: string }) => c.id)).toContain(id);

      const refused = await request(app)
        .post(`/api/campaigns/${id}/actions/decide-plan`)
        .set(bearer(users.manager))
        .send({ revision: 1, decision: 'approved' })
        .expect(403);
      expect(refused.body.error.code).toBe('SELF_APPROVAL');
      await request(app)
        .post(`/api/campaigns/${id}/actions/decide-plan`)
        .set(bearer(users.auditor))
        .send({ revision: 1, decision: 'approved' })
        .expect(403);
      const approved = await request(app)
        .post(`/api/campaigns/${id}/actions/decide-plan`)
        .set(bearer(director))
        .send({ revision: 1, decision: 'approved', reason: '预算合理' })
        .expect(200);
      expect(approved.body.phase).toBe('scheduled');

      // The calendar shows the campaign's stream in its slot, with its gate status.
      const from = new Date(Date.now() - 60_000).toISOString();
      const to = new Date(Date.now() + 3_600_000).toISOString();
      const calendar = await request(app)
        .get('/api/calendar')
        .query({ from, to })
        .set(bearer(users.reviewer))
        .expect(200);
      const entry = calendar.body.entries.find((e: { campaign?: { id: string } }) => e.campaign?.id === id);
      expect(entry).toMatchObject({ campaign: { key: 'day-1' } });
      expect(['not_started', 'waiting']).toContain(entry.gates);
      await request(app)
        .get('/api/calendar')
        .query({ from: to, to: from })
        .set(bearer(users.reviewer))
        .expect(400);

      // Clone it a year later: same local times, new approval.
      const clone = await request(app)
        .post(`/api/campaigns/${id}/clone`)
        .set(bearer(users.manager))
        .send({ startOn: '2027-11-27', name: '明年的品牌日' })
        .expect(201);
      expect((clone.body as Detail).state.phase).toBe('approval');
      expect((clone.body as Detail).state.plan.name).toBe('明年的品牌日');
      expect(new Date((clone.body as Detail).state.windows.preheatStart).getUTCFullYear()).toBe(2027);
      await request(app)
        .post(`/api/campaigns/${(clone.body as Detail).id}/actions/cancel`)
        .set(bearer(director))
        .send({ reason: 'only a test' })
        .expect(200);

      // Drop the stream, move on through the windows, and read the review.
      await request(app)
        .post(`/api/campaigns/${id}/actions/cancel-stream`)
        .set(bearer(director))
        .send({ key: 'day-1', reason: 'host unavailable' })
        .expect(200);
      await waitForDetail(app, users.manager, id, (d) => d.state.phase === 'burst');
      await request(app)
        .post(`/api/campaigns/${id}/actions/advance`)
        .set(bearer(director))
        .send({ from: 'burst', reason: 'test' })
        .expect(200);
      await request(app)
        .post(`/api/campaigns/${id}/actions/advance`)
        .set(bearer(director))
        .send({ from: 'tail', reason: 'test' })
        .expect(200);
      const review = await waitForDetail(
        app,
        users.manager,
        id,
        (d) => d.state.review.reportId !== undefined,
      );
      const xlsx = await request(app)
        .get(`/api/reports/campaigns/${id}`)
        .query({ format: 'xlsx' })
        .set(bearer(users.auditor))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toHaveLength(3);
      const streamsSheet = book.worksheets[1]!;
      expect(streamsSheet.getRow(2).getCell(1).value).toBe('day-1');
      expect(String(streamsSheet.getRow(2).getCell(10).value)).toContain('host unavailable');
      const html = await request(app)
        .get(`/api/reports/campaigns/${id}`)
        .query({ format: 'html' })
        .set(bearer(users.auditor))
        .expect(200);
      expect(html.text).toContain(plan.name as string);

      await request(app)
        .post(`/api/campaigns/${id}/actions/sign-review`)
        .set(bearer(director))
        .send({ reportId: review.state.review.reportId })
        .expect(200);
      const done = await waitForDetail(app, users.manager, id, (d) => d.state.phase === 'completed');
      expect(done.state.review.signedOffBy).toBe(director.email);
    },
  );

  /** A stream and a campaign, started by the manager through the API, far enough ahead to stay still. */
  async function oneOfEachKind() {
    const { app, users } = await fixture();
    const plan = buildSamplePlan({ scheduledStart: isoIn(3600), owner: users.manager.email });
    const stream = (await request(app).post('/api/streams').set(bearer(users.manager)).send(plan).expect(201))
      .body as Detail;
    const campaignPlan = campaignPlanInput({
      preheatIn: 600,
      burstIn: 900,
      burstEndIn: 1800,
      tailEndIn: 2400,
      streams: [],
    });
    const campaign = (
      await request(app).post('/api/campaigns').set(bearer(users.manager)).send(campaignPlan).expect(201)
    ).body as Detail;
    return { stream, campaign };
  }

  it.concurrent('documents every campaign action in the OpenAPI document', async () => {
    const { app } = await fixture();
    const { body } = await request(app).get('/openapi.json').expect(200);
    for (const action of ['decide-plan', 'extend-burst', 'add-stream', 'confirm-continue', 'sign-review'])
      expect(Object.keys(body.paths)).toContain(`/api/campaigns/{id}/actions/${action}`);
    expect(body.paths['/api/calendar']).toBeDefined();
  });

  it.concurrent(
    "answers 404 to a campaign action sent to a stream's id, and to a stream action sent to a campaign's",
    async () => {
      const { app, users } = await fixture();
      const { stream, campaign } = await oneOfEachKind();
      // Both kinds have a pause, with the same input: only the id's own kind may run it.
      for (const [route, id, kind] of [
        ['campaigns', stream.id, 'campaign'],
        ['streams', campaign.id, 'stream'],
      ] as const) {
        const wrong = await request(app)
          .post(`/api/${route}/${id}/actions/pause`)
          .set(bearer(users.manager))
          .send({ reason: 'wrong kind' });
        expect(wrong.status).toBe(404);
        expect(wrong.body.error.code).toBe('NOT_FOUND');
        expect(wrong.body.error.message).toContain(`not a ${kind}`);
      }
      // A campaign-only action has no handler on a stream: 404 as well.
      const noHandler = await request(app)
        .post(`/api/campaigns/${stream.id}/actions/extend-burst`)
        .set(bearer(users.manager))
        .send({ minutes: 30, reason: 'wrong kind' });
      expect(noHandler.status).toBe(404);
      expect(
        (await waitForDetail(app, users.manager, campaign.id, () => true)).state.pause.pausedAt,
      ).toBeUndefined();
      await request(app)
        .post(`/api/streams/${stream.id}/actions/cancel`)
        .set(bearer(users.manager))
        .send({ reason: 'test over' })
        .expect(200);
      await request(app)
        .post(`/api/campaigns/${campaign.id}/actions/cancel`)
        .set(bearer(users.manager))
        .send({ reason: 'test over' })
        .expect(200);
    },
  );

  it.concurrent(
    'reuse: stream templates named in the plan (a recurring brand day), a campaign saved as a template and started again a week later',
    async () => {
      const { app, users, harness } = await fixture();
      const sample = campaignPlanInput({
        preheatIn: 600,
        burstIn: 3600,
        burstEndIn: 15 * 86_400,
        tailEndIn: 16 * 86_400,
        streams: [],
      });
      const streamTemplate = buildSamplePlan({ scheduledStart: isoIn(3600), owner: users.manager.email });
      const saved = await request(app)
        .post('/api/templates')
        .set(bearer(users.manager))
        .send({ kind: 'stream', name: '品牌日模板', plan: streamTemplate })
        .expect(201);
      const plan = {
        ...sample,
        owner: users.manager.email,
        recurring: [{ key: 'brand-day', weekdays: [3], time: '20:00', templateId: saved.body.id }],
        streams: [
          {
            key: 'kickoff',
            room: 'B',
            templateId: saved.body.id,
            start: new Date(Date.now() + 7200_000).toISOString(),
          },
        ],
      };
      const missing = await request(app)
        .post('/api/campaigns')
        .set(bearer(users.manager))
        .send({
          ...plan,
          streams: [{ key: 'k', room: 'B', templateId: 'no-such-template', start: '2030-01-01T20:00' }],
        })
        .expect(400);
      expect(missing.body.error.details[0].path).toEqual(['streams', 0, 'templateId']);
      const created = await request(app)
        .post('/api/campaigns')
        .set(bearer(users.manager))
        .send(plan)
        .expect(201);
      const state = (created.body as Detail).state;
      const keys = Object.keys(state.streams);
      expect(keys).toContain('kickoff');
      // Two weeks of burst hold two Wednesdays (or three): each an occurrence of the brand-day template at 20:00.
      const brandDays = keys.filter((k) => k.startsWith('brand-day-'));
      expect(brandDays.length).toBeGreaterThanOrEqual(2);
      for (const key of brandDays)
        expect(state.streams[key]!.plan.title).toBe(state.streams.kickoff!.plan.title);

      // Saved as it stands and started a week later: every window and stream a week on, local times kept.
      const template = await request(app)
        .post('/api/templates/from-campaign')
        .set(bearer(users.manager))
        .send({ campaignId: (created.body as Detail).id, name: '品牌月模板' })
        .expect(201);
      expect(template.body.kind).toBe('campaign');
      const later = new Date(Date.parse(state.windows.preheatStart) + 7 * 86_400_000).toISOString();
      const again = await request(app)
        .post(`/api/templates/${template.body.id}/campaigns`)
        .set(bearer(users.operator))
        .send({ start: later })
        .expect(201);
      const next = (again.body as Detail).state;
      expect(next.phase).toBe('approval');
      expect(next.windows.preheatStart).toBe(later);
      expect(
        Date.parse(next.streams.kickoff!.plan.scheduledStart) -
          Date.parse(state.streams.kickoff!.plan.scheduledStart),
      ).toBe(7 * 86_400_000);
      // The daily report of the campaign's first day lists it.
      const summaries = await collectCampaignSummaries(harness.db, {
        cadence: 'daily',
        startIso: new Date(Date.now() - 3600_000).toISOString(),
        endIso: new Date(Date.now() + 86_400_000).toISOString(),
        key: 'daily-test',
      });
      expect(summaries.map((c) => c.campaignId)).toContain((created.body as Detail).id);
      for (const id of [(created.body as Detail).id, (again.body as Detail).id])
        await request(app)
          .post(`/api/campaigns/${id}/actions/cancel`)
          .set(bearer(users.admin))
          .send({ reason: 'test over' })
          .expect(200);
    },
  );
  // Not concurrent: the audit CLI it runs takes both cores a while, and the other tests have deadlines of seconds.
  it("serves every kind's history in Temporal's JSON: it replays through the API and the audit CLI", async () => {
    const { app, users } = await fixture();
    const { stream, campaign } = await oneOfEachKind();
    const kinds = [
      ['streams', stream.id],
      ['campaigns', campaign.id],
    ] as const;
    const histories = [];
    for (const [route, id] of kinds) {
      const { body } = await request(app)
        .get(`/api/${route}/${id}/history`)
        .set(bearer(users.auditor))
        .expect(200);
      expect({ route, eventTime: typeof body.events[0].eventTime }).toEqual({ route, eventTime: 'string' });
      histories.push({ workflowId: id, history: body as unknown });
    }
    const replayed = await request(app)
      .post('/api/audit/replay')
      .set(bearer(users.auditor))
      .send({ histories })
      .expect(200);
    expect(replayed.body).toMatchObject({ ok: true, replayed: 2, failed: 0 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-history-')), 'campaign.json');
    fs.writeFileSync(file, JSON.stringify(histories[1]!.history));
    const fromCli = await auditCli('replay', '--file', file);
    expect(fromCli).toMatchObject({ code: 0 });
    // Each kind's route serves its own kind only.
    await request(app).get(`/api/campaigns/${stream.id}/history`).set(bearer(users.auditor)).expect(404);
    await request(app).get(`/api/streams/${campaign.id}/history`).set(bearer(users.auditor)).expect(404);
    for (const [route, id] of kinds)
      await request(app)
        .post(`/api/${route}/${id}/actions/cancel`)
        .set(bearer(users.manager))
        .send({ reason: 'test over' })
        .expect(200);
  });
});
