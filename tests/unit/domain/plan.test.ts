import { isDomainError } from '../../../domain/shared/errors';
import { parseStreamPlan } from '../../../domain/stream/parse-plan';
import type { TStreamPlanInput } from '../../../domain/stream/plan.types';
import { buildSamplePlan, SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import { expectDomainError, START } from './stream-fixtures';

const minimal = (): TStreamPlanInput => ({
  title: '测试直播',
  platforms: ['douyin'],
  scheduledStart: START,
  plannedDurationMinutes: 60,
  owner: 'planner@example.com',
});

describe('parseStreamPlan', () => {
  it('fills defaults: Shanghai time zone, timing policy in seconds, standard checklist, empty roster', () => {
    const plan = parseStreamPlan(minimal());
    expect(plan.timeZone).toBe('Asia/Shanghai');
    expect(plan.timing.preheatLeadSeconds).toBe(24 * 3600);
    expect(plan.timing.checklistReminderOffsetsSeconds).toEqual([86_400, 3_600, 900]);
    expect(plan.checklist.map((item) => item.id)).toEqual(['equipment', 'network', 'backup-plan']);
    expect(plan.team.host).toEqual([]);
  });

  it('merges partial timing overrides with the defaults (short timings for tests)', () => {
    const plan = parseStreamPlan({ ...minimal(), timing: { approvalSlaSeconds: 90 } });
    expect(plan.timing.approvalSlaSeconds).toBe(90);
    expect(plan.timing.tailDurationSeconds).toBe(86_400);
  });

  it.each([
    ['no offset', '2026-12-01T20:00:00'],
    ['not a calendar day', '2026-02-30T20:00:00+08:00'],
    ['hour 24', '2026-12-01T24:00:00+08:00'],
    ['date only', '2026-12-01'],
  ])('rejects a scheduled start with %s', (_label, scheduledStart) => {
    try {
      parseStreamPlan({ ...minimal(), scheduledStart });
      throw new Error('expected a failure');
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('INVALID_INPUT');
      expect(JSON.stringify((error as { details?: unknown }).details)).toContain('scheduledStart');
    }
  });

  it('accepts Z and fractional seconds as offsets', () => {
    expect(parseStreamPlan({ ...minimal(), scheduledStart: '2026-12-01T12:00:00.250Z' }).scheduledStart).toBe(
      '2026-12-01T12:00:00.250Z',
    );
  });

  it('rejects an unknown time zone, an unknown sku in the script, duplicate skus', () => {
    expectDomainError(() => parseStreamPlan({ ...minimal(), timeZone: 'Asia/Atlantis' }), 'INVALID_INPUT');
    expectDomainError(
      () =>
        parseStreamPlan({
          ...minimal(),
          script: [{ id: 's1', kind: 'product_pitch', productSku: 'NOPE', text: 'x', plannedMinutes: 5 }],
        }),
      'INVALID_INPUT',
    );
    const product = { sku: 'A', name: 'a', price: 1, stock: 1 };
    expectDomainError(() => parseStreamPlan({ ...minimal(), products: [product, product] }), 'INVALID_INPUT');
  });

  it('parses lenient documents so the product gate can report them, not plan intake', () => {
    const plan = parseStreamPlan({
      ...minimal(),
      products: [
        {
          sku: 'A',
          name: 'a',
          price: 1,
          stock: 1,
          documents: { qualityInspection: { issuer: '', number: '', expiresOn: 'soon' } },
        },
      ],
    });
    expect(plan.products[0]?.documents.qualityInspection?.expiresOn).toBe('soon');
    expect(plan.products[0]?.onReject).toBe('drop');
  });
});

describe('buildSamplePlan', () => {
  it('is a valid plan relative to the given start, with documents valid a year later', () => {
    const plan = buildSamplePlan({
      scheduledStart: '2027-03-10T19:30:00+08:00',
      timing: { preheatLeadSeconds: 10 },
    });
    expect(plan.scheduledStart).toBe('2027-03-10T19:30:00+08:00');
    expect(plan.timing.preheatLeadSeconds).toBe(10);
    expect(plan.products.map((p) => p.sku)).toEqual([SAMPLE_PRODUCT_SKU]);
    expect(plan.products[0]?.documents.traceability?.expiresOn).toBe('2028-03-09');
    expect(plan.script.map((s) => s.kind)).toEqual(['opening_hook', 'product_pitch', 'qa', 'closing_push']);
  });
});
