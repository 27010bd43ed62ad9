import request from 'supertest';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TStreamPlan } from '../../domain/stream/plan.types';
import type { TStreamState } from '../../domain/stream/state.types';
import { bearer, createApiFixture, type ApiFixture } from './helpers/api';
import { FAST_TIMING, isoIn } from './helpers/streams';

jest.setTimeout(180_000);

const nextYear = `${new Date().getUTCFullYear() + 1}-12-31`;

/** A 保健食品 (health food) stream whose 质检报告 has expired: the lineup's documents can be replaced before the live. */
function healthFoodPlan(f: ApiFixture): TStreamPlan {
  const sample = buildSamplePlan({
    scheduledStart: isoIn(900),
    owner: f.users.operator.email,
    // Preheat begins as soon as the gates pass (its lead is longer than the wait for the start).
    timing: { ...FAST_TIMING, preheatLeadSeconds: 3600 },
  });
  const doc = (number: string, expiresOn: string) => ({
    issuer: '浙江省食品药品检验研究院',
    number,
    expiresOn,
  });
  return {
    ...sample,
    title: '秋冬养护专场',
    team: {
      ...sample.team,
      reviewer: [{ id: f.users.reviewer.email, name: '王审', email: f.users.reviewer.email }],
      manager: [{ id: f.users.manager.email, name: '刘经理', email: f.users.manager.email }],
    },
    products: [
      {
        sku: 'BH-01',
        name: '蛋白粉 400g',
        category: 'health_food',
        price: 199,
        stock: 500,
        onReject: 'block',
        documents: {
          qualityInspection: doc('QI-2023-0091', '2024-06-30'),
          traceability: doc('TR-8812', nextYear),
          healthFoodApproval: doc('国食健注G20190123', nextYear),
        },
      },
    ],
    script: [
      {
        id: 'open',
        kind: 'opening_hook',
        text: '欢迎来到直播间，今晚聊聊秋冬怎么吃得更健康。',
        plannedMinutes: 5,
      },
      {
        id: 'pitch',
        kind: 'product_pitch',
        productSku: 'BH-01',
        // An approved 保健食品 may state its function; the required statement is spoken.
        text: '这款蛋白粉是蓝帽子保健食品，有助于增强免疫力。本品不能代替药物，请按说明食用。',
        plannedMinutes: 20,
      },
    ],
    interactions: [],
    checklist: sample.checklist,
  };
}

describe('compliance depth on the real worker: categories, document replacement, rule packs', () => {
  let ready: Promise<ApiFixture> | undefined;
  const fixture = () => (ready ??= createApiFixture());
  afterAll(async () => (await ready)?.close());

  async function detail(f: ApiFixture, id: string) {
    return (await request(f.app).get(`/api/streams/${id}`).set(bearer(f.users.reviewer)).expect(200)).body;
  }
  async function until(
    f: ApiFixture,
    id: string,
    ok: (d: { state: TStreamState }) => boolean,
  ): Promise<{ state: TStreamState }> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const d = await detail(f, id);
      if (ok(d)) return d;
      if (Date.now() > deadline) throw new Error(`timed out in ${d.state.phase}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('takes a health-food stream with an expired 质检报告 through a replaced document to approval', async () => {
    const f = await fixture();
    const { operator, reviewer } = f.users;
    const created = await request(f.app)
      .post('/api/streams')
      .set(bearer(operator))
      .send(healthFoodPlan(f))
      .expect(201);
    const id = created.body.id as string;
    const action = (user: typeof reviewer, name: string, body: object) =>
      request(f.app).post(`/api/streams/${id}/actions/${name}`).set(bearer(user)).send(body);

    const checked = await until(
      f,
      id,
      (d) =>
        d.state.products['BH-01']?.problems !== undefined &&
        d.state.script.revisions[0]?.findings !== undefined,
    );
    // The category's rules: its function claim and the spoken statement pass; the pack that judged it is recorded.
    const r1 = checked.state.script.revisions[0]!;
    expect(r1.findings).toEqual([]);
    expect(r1.packVersion).toMatch(/\S/);
    expect(checked.state.products['BH-01']!.problems).toEqual([
      expect.objectContaining({ document: 'qualityInspection', kind: 'expired' }),
    ]);
    const refused = await action(reviewer, 'decide-product', { sku: 'BH-01', decision: 'approved' });
    expect(refused.status).toBe(409);

    // The owner's operator replaces the report; the product is checked again and goes back to the reviewer.
    const bad = await action(operator, 'replace-document', {
      sku: 'BH-01',
      document: 'qualityInspection',
      issuer: '浙江省食品药品检验研究院',
      number: 'QI-2026-5530',
      expiresOn: 'next year',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toEqual(['expiresOn']);
    const replaced = await action(operator, 'replace-document', {
      sku: 'BH-01',
      document: 'qualityInspection',
      issuer: '浙江省食品药品检验研究院',
      number: 'QI-2026-5530',
      expiresOn: nextYear,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.events[0]).toMatchObject({ type: 'DocumentReplaced' });
    await until(f, id, (d) => d.state.products['BH-01']?.problems?.length === 0);
    expect((await action(reviewer, 'decide-product', { sku: 'BH-01', decision: 'approved' })).status).toBe(
      200,
    );
    expect((await action(reviewer, 'decide-script', { revision: 1, decision: 'approved' })).status).toBe(200);
    const preheat = await until(f, id, (d) => d.state.phase === 'preheat');
    expect(preheat.state.plan.products[0]!.documents.qualityInspection!.number).toBe('QI-2026-5530');
    // The decision's timeline entry names the rule pack the reviewer judged against.
    const decided = preheat.state.timeline.entries.find((e) => e.type === 'ScriptDecided')!;
    expect(decided.summary).toContain(`(rules ${r1.packVersion})`);
    await action(f.users.manager, 'cancel', { reason: 'test finished' }).expect(200);
  });

  it('flags what an ordinary food may not say, and a health food without its required statement', async () => {
    const f = await fixture();
    const plan = healthFoodPlan(f);
    const food = {
      ...plan,
      products: [
        ...plan.products,
        { ...plan.products[0]!, sku: 'FD-02', name: '燕麦片', category: 'food' as const },
      ],
      script: [
        {
          id: 'oats',
          kind: 'product_pitch' as const,
          productSku: 'FD-02',
          text: '燕麦片增强免疫力，比吃药还管用！',
          plannedMinutes: 5,
        },
        {
          id: 'powder',
          kind: 'product_pitch' as const,
          productSku: 'BH-01',
          text: '蛋白粉有助于增强免疫力。',
          plannedMinutes: 5,
        },
      ],
    };
    const id = (
      await request(f.app).post('/api/streams').set(bearer(f.users.operator)).send(food).expect(201)
    ).body.id;
    const scanned = await until(f, id, (d) => d.state.script.revisions[0]?.findings !== undefined);
    const findings = scanned.state.script.revisions[0]!.findings!;
    const oats = findings.filter((x) => x.segmentId === 'oats');
    expect(oats.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['health_function_claim', 'medical_claim']),
    );
    expect(oats.every((x) => x.basis?.citation.includes('《'))).toBe(true);
    expect(findings.filter((x) => x.segmentId === 'powder')).toEqual([]); // approved health food: allowed
    const missing = findings.find((x) => x.segmentId === null);
    expect(missing).toMatchObject({
      kind: 'missing_disclaimer',
      term: expect.stringContaining('本品不能代替药物'),
    });
    await request(f.app)
      .post(`/api/streams/${id}/actions/cancel`)
      .set(bearer(f.users.manager))
      .send({ reason: 'done' })
      .expect(200);
  });

  it('lets an admin publish a new rule pack version that judges the next scans; never an edit in place', async () => {
    const f = await fixture();
    const current = (
      await request(f.app).get('/api/compliance/packs/current').set(bearer(f.users.reviewer)).expect(200)
    ).body;
    const version = `test-${Date.now()}`;
    const body = {
      version,
      basedOn: current.version,
      note: 'a brand asked us not to say it',
      changes: [{ ruleId: 'ad-law-9-3-superlative', addTerms: ['宇宙级好用'] }],
    };
    await request(f.app).post('/api/compliance/packs').set(bearer(f.users.manager)).send(body).expect(403);
    await request(f.app)
      .post('/api/compliance/packs')
      .set(bearer(f.users.admin))
      .send({ ...body, changes: [{ ruleId: 'nope', addTerms: ['x'] }] })
      .expect(404);
    const published = await request(f.app)
      .post('/api/compliance/packs')
      .set(bearer(f.users.admin))
      .send(body)
      .expect(201);
    expect(published.body.version).toBe(version);
    // The same version again, or an edit made against the old one: refused (409).
    await request(f.app).post('/api/compliance/packs').set(bearer(f.users.admin)).send(body).expect(409);
    const list = (await request(f.app).get('/api/compliance/packs').set(bearer(f.users.auditor)).expect(200))
      .body.packs;
    expect(list[0]).toMatchObject({ version, basedOn: current.version, createdBy: f.users.admin.email });

    const plan = healthFoodPlan(f);
    const streamPlan = {
      ...plan,
      script: [{ ...plan.script[1]!, text: `${plan.script[1]!.text}这款宇宙级好用。` }],
    };
    const id = (
      await request(f.app).post('/api/streams').set(bearer(f.users.operator)).send(streamPlan).expect(201)
    ).body.id;
    const scanned = await until(f, id, (d) => d.state.script.revisions[0]?.findings !== undefined);
    expect(scanned.state.script.revisions[0]!.packVersion).toBe(version);
    expect(scanned.state.script.revisions[0]!.findings!.map((x) => x.term)).toContain('宇宙级好用');
    await request(f.app)
      .post(`/api/streams/${id}/actions/cancel`)
      .set(bearer(f.users.manager))
      .send({ reason: 'done' })
      .expect(200);
  });
});
