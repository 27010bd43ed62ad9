import { parseCampaignPlan, zonedInstant } from '../../../domain/campaign/plan.schema';
import { expandRecurring } from '../../../domain/campaign/plan-rules';
import { isDomainError } from '../../../domain/shared/errors';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';

const streamPlan = (start: string, minutes = 60) => ({
  ...buildSamplePlan({ scheduledStart: start, owner: 'planner@example.com' }),
  plannedDurationMinutes: minutes,
});

/** 618 in Shanghai: preheat from June 1st, burst 16th–18th, tail to the 20th. */
function plan(overrides: Record<string, unknown> = {}) {
  return {
    name: '618 年中大促',
    owner: 'planner@example.com',
    goals: { gmv: 5_000_000, newFollowers: 100_000 },
    budget: 800_000,
    windows: {
      preheatStart: '2027-06-01T10:00',
      burstStart: '2027-06-16T00:00',
      burstEnd: '2027-06-18T23:59',
      tailEnd: '2027-06-20T23:59',
    },
    streams: [
      { key: 'beauty', room: 'A', plan: streamPlan('2027-06-16T20:00:00+08:00') },
      { key: 'home', room: 'A', plan: streamPlan('2027-06-17T20:00:00+08:00') },
    ],
    ...overrides,
  };
}

/** The issues of a refused plan: each names its field. */
function refusal(input: unknown): Array<{ path: (string | number)[]; message: string }> {
  try {
    parseCampaignPlan(input);
  } catch (error) {
    if (isDomainError(error) && error.code === 'INVALID_INPUT')
      return (error.details as { issues: Array<{ path: (string | number)[]; message: string }> }).issues;
    throw error;
  }
  throw new Error('the plan was accepted');
}

describe('campaign plan', () => {
  it('reads windows as local times in the campaign zone (default Asia/Shanghai) and stores UTC instants', () => {
    const parsed = parseCampaignPlan(plan());
    expect(parsed.timeZone).toBe('Asia/Shanghai');
    expect(parsed.windows.preheatStart).toBe('2027-06-01T02:00:00.000Z');
    expect(parsed.streams.map((s) => s.origin)).toEqual(['plan', 'plan']);
    // Streams leave out owner and zone: the campaign's are filled in.
    expect(parsed.streams[0]!.plan.timeZone).toBe('Asia/Shanghai');
  });

  it('accepts instants with an offset as they are, and local times in another zone by that zone', () => {
    expect(zonedInstant('2027-06-16T20:00:00+08:00', 'Europe/Berlin')).toBe('2027-06-16T12:00:00.000Z');
    expect(zonedInstant('2027-06-16T20:00', 'Europe/Berlin')).toBe('2027-06-16T18:00:00.000Z');
    expect(zonedInstant('2027-02-30T20:00', 'Asia/Shanghai')).toBeUndefined();
  });

  it.each([
    [
      'windows out of order',
      {
        windows: {
          preheatStart: '2027-06-10T00:00',
          burstStart: '2027-06-05T00:00',
          burstEnd: '2027-06-18T00:00',
          tailEnd: '2027-06-20T00:00',
        },
      },
      ['windows', 'burstStart'],
    ],
    ['a negative goal', { goals: { gmv: -1 } }, ['goals', 'gmv']],
    [
      'a stream outside the burst',
      { streams: [{ key: 'early', room: 'A', plan: streamPlan('2027-06-10T20:00:00+08:00') }] },
      ['streams', 0, 'plan', 'scheduledStart'],
    ],
    [
      'a stream running past the burst end',
      { streams: [{ key: 'late', room: 'A', plan: streamPlan('2027-06-18T23:30:00+08:00') }] },
      ['streams', 0, 'plan', 'scheduledStart'],
    ],
    [
      'two streams overlapping in one room',
      {
        streams: [
          { key: 'a', room: 'A', plan: streamPlan('2027-06-16T20:00:00+08:00', 120) },
          { key: 'b', room: 'A', plan: streamPlan('2027-06-16T21:00:00+08:00') },
        ],
      },
      ['streams', 1, 'room'],
    ],
    [
      'an unreadable window',
      {
        windows: {
          preheatStart: 'soon',
          burstStart: '2027-06-16T00:00',
          burstEnd: '2027-06-18T00:00',
          tailEnd: '2027-06-20T00:00',
        },
      },
      ['windows', 'preheatStart'],
    ],
    [
      'a duplicate stream key',
      {
        streams: [
          { key: 'a', room: 'A', plan: streamPlan('2027-06-16T20:00:00+08:00') },
          { key: 'a', room: 'B', plan: streamPlan('2027-06-16T20:00:00+08:00') },
        ],
      },
      ['streams', 1, 'key'],
    ],
  ])('refuses %s with a 400 naming the field', (_what, overrides, path) => {
    const issues = refusal(plan(overrides));
    expect(issues.map((i) => i.path)).toContainEqual(path);
  });

  it('lets the same slot run in two rooms', () => {
    const parsed = parseCampaignPlan(
      plan({
        streams: [
          { key: 'a', room: 'A', plan: streamPlan('2027-06-16T20:00:00+08:00') },
          { key: 'b', room: 'B', plan: streamPlan('2027-06-16T20:00:00+08:00') },
        ],
      }),
    );
    expect(parsed.streams).toHaveLength(2);
  });

  it('expands "every Wednesday 20:00" into the Wednesdays of the burst, in the zone, with stable keys', () => {
    const parsed = parseCampaignPlan(
      plan({
        windows: {
          preheatStart: '2027-05-20T00:00',
          burstStart: '2027-06-01T00:00',
          burstEnd: '2027-06-30T23:00',
          tailEnd: '2027-07-02T00:00',
        },
        streams: [],
        recurring: [
          {
            key: 'brand-day',
            weekdays: [3],
            time: '20:00',
            plan: { ...streamPlan('2000-01-01T00:00:00Z'), title: '品牌日' },
          },
        ],
      }),
    );
    expect(parsed.streams.map((s) => s.key)).toEqual([
      'brand-day-20270602',
      'brand-day-20270609',
      'brand-day-20270616',
      'brand-day-20270623',
      'brand-day-20270630',
    ]);
    expect(parsed.streams[0]!.plan.scheduledStart).toBe('2027-06-02T12:00:00.000Z');
    expect(parsed.streams.every((s) => s.origin === 'recurring' && s.plan.title === '品牌日')).toBe(true);
    expect(parsed.recurring).toEqual([
      { key: 'brand-day', room: 'main', weekdays: [3], time: '20:00', title: '品牌日' },
    ]);
  });

  it('keeps a recurring slot at 20:00 local across a daylight-saving change', () => {
    const windows = {
      preheatStart: '2027-03-01T00:00:00Z',
      burstStart: '2027-03-20T00:00:00Z',
      burstEnd: '2027-04-05T00:00:00Z',
      tailEnd: '2027-04-06T00:00:00Z',
    };
    const starts = expandRecurring(
      { key: 'w', weekdays: [3], time: '20:00', durationMinutes: 60 },
      windows,
      'Europe/Berlin',
    );
    // 24 March is CET (+01:00), 31 March CEST (+02:00): the same wall clock, an hour apart in UTC.
    expect(starts.map((s) => s.start)).toEqual(['2027-03-24T19:00:00.000Z', '2027-03-31T18:00:00.000Z']);
  });

  it('refuses a recurring rule with no occurrence inside the burst, naming it', () => {
    const issues = refusal(
      plan({
        streams: [],
        windows: {
          preheatStart: '2027-06-01T00:00',
          burstStart: '2027-06-15T00:00',
          burstEnd: '2027-06-15T23:00',
          tailEnd: '2027-06-16T00:00',
        },
        recurring: [{ key: 'sun', weekdays: [7], time: '20:00', plan: streamPlan('2000-01-01T00:00:00Z') }],
      }),
    );
    expect(issues.map((i) => i.path)).toContainEqual(['recurring', 0, 'weekdays']);
  });
});
