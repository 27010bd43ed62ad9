import request from 'supertest';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import { bearer, createApiFixture, signIn, type ApiFixture } from './helpers/api';
import { FAST_TIMING, isoIn } from './helpers/streams';

jest.setTimeout(120_000);

/** The probe's value: the raw string is a path, its normalisation (`//evil.example/phish`) is another site. */
const PHISH = '/.//evil.example/phish';

const leavesSite = (location: string | undefined) =>
  location === undefined || !location.startsWith('/') || location.startsWith('//') || location.includes('\\');

describe('redirects after sign-in and after web actions stay on this site', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({ passwords: true });
  });
  afterAll(() => fixture?.close());

  it('GET /login?next= of a signed-in person', async () => {
    const { agent } = await signIn(fixture.app, fixture.users.operator);
    const response = await agent.get(`/login?next=${encodeURIComponent(PHISH)}`).expect(303);
    expect(leavesSite(response.headers.location)).toBe(false);
    expect(response.headers.location).toBe('/');
  });

  it("POST /login's next", async () => {
    const { operator } = fixture.users;
    const agent = request.agent(fixture.app);
    const { csrfToken } = (await agent.get('/api/session')).body as { csrfToken: string };
    const response = await agent
      .post('/login')
      .type('form')
      .send({ email: operator.email, password: operator.password, _csrf: csrfToken, next: PHISH })
      .expect(303);
    expect(response.headers.location).toBe('/');

    // A refused sign-in carries `next` back to the form: it must not carry the phishing path either.
    const refused = await request
      .agent(fixture.app)
      .post('/login')
      .set('Cookie', `liveops_csrf=${'a'.repeat(43)}`)
      .type('form')
      .send({ email: operator.email, password: 'wrong', _csrf: 'a'.repeat(43), next: PHISH })
      .expect(303);
    expect(refused.headers.location).toBe('/login?error=1');
  });

  it("a web action form's returnTo", async () => {
    const { operator, manager } = fixture.users;
    const plan = buildSamplePlan({ scheduledStart: isoIn(3600), owner: operator.email, timing: FAST_TIMING });
    const created = await request(fixture.app)
      .post('/api/streams')
      .set(bearer(operator))
      .send({ ...plan, team: { ...plan.team, manager: [{ id: manager.email, name: '刘经理' }] } })
      .expect(201);
    const id = created.body.state.streamId as string;
    const { agent, csrfToken } = await signIn(fixture.app, manager);
    const response = await agent
      .post(`/streams/${id}/actions/cancel`)
      .type('form')
      .send({ _csrf: csrfToken, reason: 'open redirect probe', returnTo: PHISH })
      .expect(303);
    expect(leavesSite(response.headers.location)).toBe(false);
    expect(response.headers.location).toBe(`/streams/${id}?done=cancel`);
  });
});
