import request from 'supertest';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { campaignPlanInput } from './helpers/campaigns';
import { uniqueId } from './helpers/harness';

jest.setTimeout(120_000);

/**
 * "This id exists" is one refusal, whatever is being created: 409 ALREADY_EXISTS (not ALREADY_DECIDED, which says a
 * decision was taken, nor a code of its own per kind).
 */
describe('creating with an id that exists', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture();
  });
  afterAll(async () => f?.close());

  it('is 409 ALREADY_EXISTS for a campaign (new, cloned, from a template), a schedule and a user', async () => {
    const { manager, admin } = f.users;
    const post = (path: string, body: object, as = manager) =>
      request(f.app).post(path).set(bearer(as)).send(body);
    const plan = campaignPlanInput({
      preheatIn: 3600,
      burstIn: 7200,
      burstEndIn: 9000,
      tailEndIn: 10_800,
      streams: [],
    });
    const campaignId = (await post('/api/campaigns', plan).expect(201)).body.id as string;
    const template = (await post('/api/templates/from-campaign', { campaignId }).expect(201)).body
      .id as string;
    const scheduleId = uniqueId('daily');
    const schedule = { kind: 'report', id: scheduleId, cadence: 'daily', recipients: { roles: ['auditor'] } };
    await post('/api/schedules', schedule).expect(201);
    const user = { email: `${uniqueId('twice')}@example.com`, name: 'twice', roles: ['operator'] };
    await post('/api/users', user, admin).expect(201);

    const again = {
      campaign: await post('/api/campaigns', { ...plan, id: campaignId }),
      clone: await post(`/api/campaigns/${campaignId}/clone`, { startOn: '2031-06-01', id: campaignId }),
      'campaign from a template': await post(`/api/templates/${template}/campaigns`, {
        date: '2031-06-01',
        id: campaignId,
      }),
      schedule: await post('/api/schedules', schedule),
      user: await post('/api/users', { ...user, email: user.email.toUpperCase() }, admin),
    };
    expect(
      Object.fromEntries(
        Object.entries(again).map(([what, res]) => [what, [res.status, res.body.error?.code]]),
      ),
    ).toEqual({
      campaign: [409, 'ALREADY_EXISTS'],
      clone: [409, 'ALREADY_EXISTS'],
      'campaign from a template': [409, 'ALREADY_EXISTS'],
      schedule: [409, 'ALREADY_EXISTS'],
      user: [409, 'ALREADY_EXISTS'],
    });

    await request(f.app).delete(`/api/schedules/${scheduleId}`).set(bearer(manager)).expect(200);
    await post(`/api/campaigns/${campaignId}/actions/cancel`, { reason: 'test over' }).expect(200);
  });
});
