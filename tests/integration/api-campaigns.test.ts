import ExcelJS from 'exceljs';
import request from 'supertest';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { campaignPlanInput } from './helpers/campaigns';
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

  it.concurrent('documents every campaign action in the OpenAPI document', async () => {
    const { app } = await fixture();
    const { body } = await request(app).get('/openapi.json').expect(200);
    for (const action of ['decide-plan', 'extend-burst', 'add-stream', 'confirm-continue', 'sign-review'])
      expect(Object.keys(body.paths)).toContain(`/api/campaigns/{id}/actions/${action}`);
    expect(body.paths['/api/calendar']).toBeDefined();
  });
});
