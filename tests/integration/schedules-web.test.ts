import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { zonedParts } from '../../domain/time/zoned-time';
import { createApiFixture, signIn, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';

jest.setTimeout(120_000);

describe('templates and schedules pages (zh-CN and en)', () => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await createApiFixture({ passwords: true });
  });
  afterAll(async () => fx?.close());

  it('creates a stream from a template with a date-time read in the template zone', async () => {
    const { agent, csrfToken } = await signIn(fx.app, fx.users.operator);
    const plan = buildSamplePlan({
      scheduledStart: '2026-12-02T20:00:00+08:00',
      owner: fx.users.operator.email,
    });
    const saved = await agent
      .post('/api/templates')
      .set('X-CSRF-Token', csrfToken)
      .send({ name: '冬季护肤模板', plan })
      .expect(201);
    const templateId = (saved.body as { id: string }).id;

    const zh = await agent.get('/templates').expect(200);
    expect(zh.text).toContain('直播模板');
    expect(zh.text).toContain('新的开播时间（Asia/Shanghai）');
    const en = await agent.get('/templates?lang=en').expect(200);
    expect(en.text).toContain('Create a stream from this template');

    const created = await agent
      .post(`/templates/${templateId}/streams`)
      .type('form')
      .send({ _csrf: csrfToken, localStart: '2027-05-20T19:30' })
      .expect(303);
    const streamId = decodeURIComponent(/\/streams\/([^?]+)/.exec(created.headers.location!)![1]!);
    const { body } = await agent.get(`/api/streams/${streamId}`).expect(200);
    const start = (body as { state: { plan: { scheduledStart: string } } }).state.plan.scheduledStart;
    expect(zonedParts(Date.parse(start), 'Asia/Shanghai')).toMatchObject({
      month: 5,
      day: 20,
      hour: 19,
      minute: 30,
    });

    const bad = await agent
      .post(`/templates/${templateId}/streams`)
      .type('form')
      .send({ _csrf: csrfToken, localStart: 'soon' })
      .expect(400);
    expect(bad.text).toContain('YYYY-MM-DDTHH:MM');
  });

  it('a manager creates, pauses, runs and deletes a report schedule from the page; others only read', async () => {
    const { agent, csrfToken } = await signIn(fx.app, fx.users.manager);
    const name = uniqueId('周报');
    const created = await agent
      .post('/schedules')
      .type('form')
      .send({
        _csrf: csrfToken,
        kind: 'report',
        cadence: 'weekly',
        name,
        time: '09:00',
        timeZone: 'Asia/Shanghai',
        roles: 'manager',
      })
      .expect(303);
    const id = new URL(created.headers.location!, 'http://x').searchParams.get('id')!;
    const listed = await agent.get(created.headers.location!).expect(200);
    expect(listed.text).toContain(name);
    expect(listed.text).toContain('周报（每周一） 09:00（Asia/Shanghai）');

    await agent.post(`/schedules/${id}/pause`).type('form').send({ _csrf: csrfToken }).expect(303);
    const { body: paused } = await agent.get(`/api/schedules/${id}`).expect(200);
    expect((paused as { paused: boolean }).paused).toBe(true);
    await agent.post(`/schedules/${id}/resume`).type('form').send({ _csrf: csrfToken }).expect(303);

    const english = await agent.get('/schedules?lang=en').expect(200);
    expect(english.text).toContain('New recurring stream');

    const bad = await agent
      .post('/schedules')
      .type('form')
      .send({
        _csrf: csrfToken,
        kind: 'report',
        cadence: 'daily',
        time: '25:00',
        timeZone: 'Asia/Shanghai',
        roles: 'manager',
      })
      .expect(400);
    expect(bad.text).toMatch(/Invalid schedule at time/);

    const operator = await signIn(fx.app, fx.users.operator);
    await operator.agent
      .post(`/schedules/${id}/delete`)
      .type('form')
      .send({ _csrf: operator.csrfToken })
      .expect(403);
    const readOnly = await operator.agent.get('/schedules').expect(200);
    expect(readOnly.text).not.toContain(`action="/schedules/${id}/delete"`);

    await agent.post(`/schedules/${id}/delete`).type('form').send({ _csrf: csrfToken }).expect(303);
    await agent.get(`/api/schedules/${id}`).expect(404);
  });
});
