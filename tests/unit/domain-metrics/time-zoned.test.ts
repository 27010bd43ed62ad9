import {
  formatZonedDateTime,
  isWithinQuietHours,
  nextAllowedSendTime,
  startOfLocalDay,
  zonedParts,
  zonedTimeToEpoch,
  ZTimeZoneSchema,
} from '../../../domain/time';

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';
const QUIET = { start: '23:00', end: '08:00' };
const at = (iso: string): number => Date.parse(iso);

describe('zonedParts', () => {
  it('reads Shanghai wall time (+08:00, no DST)', () => {
    expect(zonedParts(at('2024-06-18T15:30:45Z'), SH)).toEqual({
      year: 2024,
      month: 6,
      day: 18,
      hour: 23,
      minute: 30,
      second: 45,
      weekday: 2,
      offsetMinutes: 480,
    });
  });

  it('reports the New York offset on both sides of the 2024-03-10 spring-forward', () => {
    // 06:59Z = 01:59 EST; 07:00Z = 03:00 EDT (02:xx does not exist that day).
    expect(zonedParts(at('2024-03-10T06:59:00Z'), NY)).toMatchObject({
      hour: 1,
      minute: 59,
      offsetMinutes: -300,
    });
    expect(zonedParts(at('2024-03-10T07:00:00Z'), NY)).toMatchObject({
      hour: 3,
      minute: 0,
      offsetMinutes: -240,
    });
  });

  it('prints midnight as hour 0, not 24', () => {
    expect(zonedParts(at('2024-01-01T16:00:00Z'), SH)).toMatchObject({ day: 2, hour: 0 });
  });
});

describe('zonedTimeToEpoch', () => {
  it('round-trips an ordinary wall time', () => {
    expect(zonedTimeToEpoch({ year: 2024, month: 11, day: 11, hour: 20, minute: 0 }, SH)).toBe(
      at('2024-11-11T12:00:00Z'),
    );
  });

  it('moves a wall time inside the spring-forward gap forward by the gap', () => {
    expect(zonedTimeToEpoch({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, NY)).toBe(
      at('2024-03-10T07:30:00Z'),
    );
  });

  it('picks the earlier or later instant of a repeated fall-back wall time', () => {
    const local = { year: 2024, month: 11, day: 3, hour: 1, minute: 30 };
    expect(zonedTimeToEpoch(local, NY, 'earlier')).toBe(at('2024-11-03T05:30:00Z'));
    expect(zonedTimeToEpoch(local, NY, 'later')).toBe(at('2024-11-03T06:30:00Z'));
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight in Shanghai', () => {
    // 23:30 local on 06-18 belongs to the day that began at 06-17T16:00Z.
    expect(startOfLocalDay(at('2024-06-18T15:30:00Z'), SH)).toBe(at('2024-06-17T16:00:00Z'));
    expect(startOfLocalDay(at('2024-06-18T16:30:00Z'), SH)).toBe(at('2024-06-18T16:00:00Z'));
  });

  it('uses the offset in force at midnight on a DST-change day (23-hour day)', () => {
    // Midnight of 2024-03-10 in New York is still EST (-05:00).
    expect(startOfLocalDay(at('2024-03-10T20:00:00Z'), NY)).toBe(at('2024-03-10T05:00:00Z'));
  });
});

describe('quiet hours', () => {
  it('covers a window that wraps past midnight, end exclusive', () => {
    expect(isWithinQuietHours(at('2024-06-18T15:00:00Z'), SH, QUIET)).toBe(true); // 23:00 local
    expect(isWithinQuietHours(at('2024-06-18T14:59:00Z'), SH, QUIET)).toBe(false); // 22:59
    expect(isWithinQuietHours(at('2024-06-18T23:59:59Z'), SH, QUIET)).toBe(true); // 07:59:59
    expect(isWithinQuietHours(at('2024-06-19T00:00:00Z'), SH, QUIET)).toBe(false); // 08:00
  });

  it('covers a same-day window and treats start === end as no quiet hours', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(isWithinQuietHours(at('2024-06-18T05:00:00Z'), SH, lunch)).toBe(true); // 13:00
    expect(isWithinQuietHours(at('2024-06-18T06:00:00Z'), SH, lunch)).toBe(false); // 14:00
    expect(isWithinQuietHours(at('2024-06-18T05:00:00Z'), SH, { start: '09:00', end: '09:00' })).toBe(false);
  });

  it('returns the instant unchanged outside quiet hours', () => {
    expect(nextAllowedSendTime(at('2024-06-18T06:00:00Z'), SH, QUIET)).toBe(at('2024-06-18T06:00:00Z'));
  });

  it('pushes a late-evening send to 08:00 the next local day, and an early-morning one to 08:00 the same day', () => {
    expect(nextAllowedSendTime(at('2024-06-18T15:30:00Z'), SH, QUIET)).toBe(at('2024-06-19T00:00:00Z'));
    expect(nextAllowedSendTime(at('2024-06-18T19:00:00Z'), SH, QUIET)).toBe(at('2024-06-19T00:00:00Z'));
  });

  it('lands on 08:00 local time across the New York spring-forward night', () => {
    // 23:30 EST on 2024-03-09; quiet hours end at 08:00 EDT (12:00Z), not 08:00 EST (13:00Z).
    expect(nextAllowedSendTime(at('2024-03-10T04:30:00Z'), NY, QUIET)).toBe(at('2024-03-10T12:00:00Z'));
  });

  it('lands on 08:00 local time across the New York fall-back night', () => {
    // 23:30 EDT on 2024-11-02; 08:00 EST on 2024-11-03 is 13:00Z.
    expect(nextAllowedSendTime(at('2024-11-03T03:30:00Z'), NY, QUIET)).toBe(at('2024-11-03T13:00:00Z'));
  });

  it('does not go back in time when quiet hours end inside the repeated fall-back hour', () => {
    const early = { start: '00:00', end: '01:30' };
    // 01:15 EST, the second pass through 01:xx; the first 01:30 (EDT, 05:30Z) is already in the past.
    const secondPass = at('2024-11-03T06:15:00Z');
    expect(nextAllowedSendTime(secondPass, NY, early)).toBe(at('2024-11-03T06:30:00Z'));
  });

  it('returns an instant outside quiet hours and not before the input, hour by hour over a DST year', () => {
    for (
      let t = at('2024-01-01T00:00:00Z');
      t < at('2025-01-01T00:00:00Z');
      t += 3_600_000 * 7 + 60_000 * 13
    ) {
      const next = nextAllowedSendTime(t, NY, QUIET);
      expect(next).toBeGreaterThanOrEqual(t);
      expect(isWithinQuietHours(next, NY, QUIET)).toBe(false);
      // And it is the *first* such instant: a minute earlier is either before the input or still quiet.
      if (next > t) expect(isWithinQuietHours(next - 60_000, NY, QUIET)).toBe(true);
    }
  });
});

describe('time zone schema and formatting', () => {
  it('rejects zones Intl does not know', () => {
    expect(ZTimeZoneSchema.safeParse('Asia/Shanghai').success).toBe(true);
    expect(ZTimeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('formats in the stream zone and names the zone and offset', () => {
    const text = formatZonedDateTime(at('2024-11-11T12:00:00Z'), SH, 'en');
    expect(text).toContain('20:00');
    expect(text).toContain('Asia/Shanghai, UTC+8');
    expect(formatZonedDateTime(at('2024-07-04T00:30:00Z'), NY, 'zh-CN')).toContain('20:30');
  });
});
