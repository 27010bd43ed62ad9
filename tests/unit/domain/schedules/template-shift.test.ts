import { resolveNewStart } from '../../../../domain/templates/new-start';
import { streamPlanStartingAt } from '../../../../domain/templates/stream-template';
import { wallClockShift } from '../../../../domain/templates/wall-clock-shift';
import { buildSamplePlan } from '../../../../domain/stream/sample-plan';
import { zonedParts } from '../../../../domain/time/zoned-time';

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

const local = (iso: string, zone: string) => {
  const { year, month, day, hour, minute } = zonedParts(Date.parse(iso), zone);
  return { year, month, day, hour, minute };
};

describe('wallClockShift', () => {
  it('lands the anchor exactly on the new start', () => {
    const shift = wallClockShift('2026-12-01T12:00:00Z', '2027-03-10T12:00:00Z', SH);
    expect(shift('2026-12-01T12:00:00Z')).toBe('2027-03-10T12:00:00.000Z');
  });

  it('keeps local times across a spring-forward (New York, winter plan moved into summer)', () => {
    // Template: live Tuesday 2024-03-05 20:00 EST (01:00Z next day), preheat 10:00 EST three days before.
    const shift = wallClockShift('2024-03-06T01:00:00Z', '2024-03-20T00:00:00Z', NY); // new live 20:00 EDT
    const preheat = shift('2024-03-02T15:00:00Z'); // 10:00 EST on March 2nd
    expect(local(preheat, NY)).toEqual({ year: 2024, month: 3, day: 16, hour: 10, minute: 0 });
    // An instant shift (same number of hours) would have put it at 11:00 EDT.
    expect(preheat).toBe('2024-03-16T14:00:00.000Z');
  });

  it('keeps local times across a fall-back (Berlin, summer plan moved into winter)', () => {
    const shift = wallClockShift('2026-10-20T18:00:00Z', '2026-11-03T19:00:00Z', BERLIN); // 20:00 CEST -> 20:00 CET
    // 09:30 CEST on October 18th (07:30Z) moves to 09:30 CET on November 1st (08:30Z, not 07:30Z).
    const moved = shift('2026-10-18T07:30:00Z');
    expect(moved).toBe('2026-11-01T08:30:00.000Z');
    expect(local(moved, BERLIN)).toEqual({
      year: 2026,
      month: 11,
      day: 1,
      hour: 9,
      minute: 30,
    });
  });

  it('moves a time that falls into a spring-forward gap past the gap', () => {
    // 02:30 local, one week before the New York 2024-03-10 gap, moved a week on: 02:30 does not exist, 03:30 EDT.
    const shift = wallClockShift('2024-03-03T07:30:00Z', '2024-03-10T07:30:00Z', NY);
    const moved = shift('2024-03-03T07:30:00Z');
    expect(moved).toBe('2024-03-10T07:30:00.000Z');
    const other = wallClockShift('2024-03-04T01:00:00Z', '2024-03-11T00:00:00Z', NY)('2024-03-03T07:30:00Z');
    expect(local(other, NY)).toEqual({ year: 2024, month: 3, day: 10, hour: 3, minute: 30 });
  });
});

describe('streamPlanStartingAt', () => {
  it('moves the start and leaves the offsets and document expiry dates alone', () => {
    const plan = buildSamplePlan({ scheduledStart: '2026-12-01T20:00:00+08:00' });
    const moved = streamPlanStartingAt(plan, '2027-06-18T20:00:00+08:00');
    expect(moved.scheduledStart).toBe('2027-06-18T12:00:00.000Z');
    expect(moved.timing).toEqual(plan.timing);
    expect(moved.products[0]!.documents).toEqual(plan.products[0]!.documents);
    expect(moved.interactions).toEqual(plan.interactions);
  });
});

describe('resolveNewStart', () => {
  it('keeps the template local time of day on a new date, across DST (New York 20:00 stays 20:00)', () => {
    const winterTemplate = '2024-01-10T01:00:00Z'; // 20:00 EST on January 9th
    const summer = resolveNewStart(winterTemplate, NY, { date: '2024-07-09' });
    expect(summer).toBe('2024-07-10T00:00:00.000Z'); // 20:00 EDT
    expect(local(summer, NY)).toMatchObject({ day: 9, hour: 20, minute: 0 });
  });

  it('reads a local date-time in the template zone', () => {
    expect(resolveNewStart('2026-12-01T12:00:00Z', SH, { localStart: '2027-03-10T20:00' })).toBe(
      '2027-03-10T12:00:00.000Z',
    );
  });

  it('takes an instant as it is', () => {
    expect(resolveNewStart('2026-12-01T12:00:00Z', SH, { start: '2027-03-10T20:00:00+08:00' })).toBe(
      '2027-03-10T12:00:00.000Z',
    );
  });

  it('refuses a local date-time that is no calendar date', () => {
    expect(() => resolveNewStart('2026-12-01T12:00:00Z', SH, { localStart: '2027-02-30T20:00' })).toThrow(
      /YYYY-MM-DDTHH:MM/,
    );
    expect(() => resolveNewStart('2026-12-01T12:00:00Z', SH, { date: '2027-13-01' })).toThrow(/YYYY-MM-DD/);
  });
});
