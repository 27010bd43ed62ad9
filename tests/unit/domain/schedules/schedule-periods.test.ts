import { periodBefore, previousPeriod } from '../../../../domain/schedules/report-period';
import {
  fireTimes,
  occurrenceForFire,
  occurrenceStreamId,
  type TWeeklyRule,
} from '../../../../domain/schedules/weekly-rule';
import { renderNotification } from '../../../../domain/notify';
import { periodChangePct, rollupKpis } from '../../../../domain/review/period-rollup';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('previousPeriod', () => {
  it('daily at 09:00 Shanghai covers the whole previous local day', () => {
    expect(previousPeriod('daily', at('2027-03-10T01:00:00Z'), SH)).toEqual({
      cadence: 'daily',
      startIso: '2027-03-08T16:00:00.000Z',
      endIso: '2027-03-09T16:00:00.000Z',
      key: 'daily-2027-03-09',
    });
  });

  it('weekly on Monday covers Monday to Sunday of the week before', () => {
    // Monday 2027-03-08 09:00 Shanghai
    expect(previousPeriod('weekly', at('2027-03-08T01:00:00Z'), SH)).toMatchObject({
      startIso: '2027-02-28T16:00:00.000Z', // Monday 2027-03-01 00:00 +08
      endIso: '2027-03-07T16:00:00.000Z',
      key: 'weekly-2027-03-01',
    });
  });

  it('monthly on the 1st covers the month before, across a year end', () => {
    expect(previousPeriod('monthly', at('2027-01-01T01:00:00Z'), SH)).toMatchObject({
      startIso: '2026-11-30T16:00:00.000Z',
      endIso: '2026-12-31T16:00:00.000Z',
      key: 'monthly-2026-12',
    });
  });

  it('a DST day in New York is 23 hours long, and the period is read from the scheduled time, not now', () => {
    const period = previousPeriod('daily', at('2024-03-11T13:00:00Z'), NY); // 09:00 EDT on March 11th
    expect(period.key).toBe('daily-2024-03-10');
    expect((Date.parse(period.endIso) - Date.parse(period.startIso)) / 3_600_000).toBe(23);
    expect(period.startIso).toBe('2024-03-10T05:00:00.000Z');
  });

  it('a run late by a day (catch-up) still covers the period of its scheduled time', () => {
    const scheduled = previousPeriod('daily', at('2027-03-10T01:00:00Z'), SH);
    expect(scheduled.key).toBe('daily-2027-03-09');
    expect(previousPeriod('daily', at('2027-03-11T01:00:00Z'), SH).key).toBe('daily-2027-03-10');
  });

  it('periodBefore steps back one period', () => {
    const week = previousPeriod('weekly', at('2027-03-08T01:00:00Z'), SH);
    expect(periodBefore(week, SH).key).toBe('weekly-2027-02-22');
    const march = previousPeriod('monthly', at('2027-04-01T01:00:00Z'), SH);
    expect(periodBefore(march, SH).key).toBe('monthly-2027-02');
  });
});

describe('weekly rule', () => {
  const brandDay: TWeeklyRule = { daysOfWeek: ['wednesday'], time: '20:00', timeZone: SH, leadHours: 48 };

  it('fires the lead ahead of each occurrence on the wall clock', () => {
    expect(fireTimes(brandDay)).toEqual([{ weekday: 'monday', hour: 20, minute: 0 }]);
    expect(
      fireTimes({ daysOfWeek: ['monday', 'friday'], time: '09:30', timeZone: SH, leadHours: 12 }),
    ).toEqual([
      { weekday: 'thursday', hour: 21, minute: 30 },
      { weekday: 'sunday', hour: 21, minute: 30 },
    ]);
  });

  it('a fire is for the occurrence lead hours later', () => {
    // Monday 2027-03-08 20:00 Shanghai -> Wednesday 2027-03-10 20:00
    expect(new Date(occurrenceForFire(at('2027-03-08T12:00:00Z'), brandDay)).toISOString()).toBe(
      '2027-03-10T12:00:00.000Z',
    );
  });

  it('a fire on the other side of a DST change still finds its occurrence (New York, 2024-03-10)', () => {
    const rule: TWeeklyRule = { daysOfWeek: ['monday'], time: '20:00', timeZone: NY, leadHours: 48 };
    // Saturday 2024-03-09 20:00 EST fires for Monday 2024-03-11 20:00 EDT (47 real hours later).
    expect(new Date(occurrenceForFire(at('2024-03-10T01:00:00Z'), rule)).toISOString()).toBe(
      '2024-03-12T00:00:00.000Z',
    );
  });

  it('a manual trigger is for the next occurrence after it', () => {
    // Tuesday 2027-03-09 10:00 Shanghai: this week's Wednesday.
    expect(new Date(occurrenceForFire(at('2027-03-09T02:00:00Z'), brandDay)).toISOString()).toBe(
      '2027-03-10T12:00:00.000Z',
    );
    // Wednesday 21:00, after the live: next week's.
    expect(new Date(occurrenceForFire(at('2027-03-10T13:00:00Z'), brandDay)).toISOString()).toBe(
      '2027-03-17T12:00:00.000Z',
    );
  });

  it('names one stream per occurrence, in local time', () => {
    expect(occurrenceStreamId('brand-day', at('2027-03-10T12:00:00Z'), SH)).toBe('brand-day.2027-03-10-2000');
  });
});

describe('rollupKpis', () => {
  it('sums counters, takes the highest peak and averages rates over the streams that have them', () => {
    const rolled = rollupKpis([
      { gmv: 1000, orders: 10, peak_concurrent: 300, conversion_rate: 0.02, avg_viewers: 100 },
      { gmv: 500, orders: 5, peak_concurrent: 900, conversion_rate: 0.04 },
      {},
    ]);
    expect(rolled).toEqual({
      gmv: 1500,
      orders: 15,
      peak_concurrent: 900,
      conversion_rate: 0.03,
      avg_viewers: 100,
    });
  });

  it('compares with the period before only when both exist', () => {
    expect(periodChangePct(120, 100)).toBe(120);
    expect(periodChangePct(120, undefined)).toBeUndefined();
    expect(periodChangePct(120, 0)).toBeUndefined();
  });
});

describe('periodic report mail', () => {
  it('names the local dates of the period and leads with its numbers', () => {
    const week = previousPeriod('weekly', at('2027-03-08T01:00:00Z'), SH);
    const mail = renderNotification('periodic_report', 'zh-CN', {
      cadence: 'weekly',
      scheduleName: '品牌周报',
      timeZone: SH,
      periodStart: Date.parse(week.startIso),
      periodEnd: Date.parse(week.endIso),
      streams: 2,
      kpis: { gmv: 1500, orders: 15 },
      reportUrl: 'http://localhost:3000/reports/x',
    });
    expect(mail.subject).toBe('【周报】2027-03-01 – 2027-03-07 直播数据：2 场，GMV 1,500');
    expect(mail.text).toContain('订单数: 15');
  });
});
