import {
  DEFAULT_FAN_PREVIEW_POLICY,
  fanPreviewSchedule,
  ZFanPreviewPolicySchema,
} from '../../../domain/notify';
import type { TFanPreviewSchedule } from '../../../domain/notify';

const policy = ZFanPreviewPolicySchema.parse({});
const at = (iso: string): number => Date.parse(iso);
const summary = (s: TFanPreviewSchedule) => ({
  sends: s.sends.map((x) => [x.purpose, new Date(x.sendAtMs).toISOString()]),
  skipped: s.skipped.map((x) => x.purpose),
});

describe('fanPreviewSchedule', () => {
  it('schedules core fans 24 h and 1 h before, active fans 1 h before and casual fans in the digest on the day', () => {
    // Live 20:00 Shanghai (12:00Z) on Double 11.
    expect(summary(fanPreviewSchedule(at('2024-11-11T12:00:00Z'), 'Asia/Shanghai', policy))).toEqual({
      sends: [
        ['fan_preview.core.t-1440m', '2024-11-10T12:00:00.000Z'],
        ['fan_preview.casual.digest', '2024-11-11T02:00:00.000Z'], // 10:00 local
        ['fan_preview.active.t-60m', '2024-11-11T11:00:00.000Z'],
        ['fan_preview.core.t-60m', '2024-11-11T11:00:00.000Z'],
      ],
      skipped: [],
    });
  });

  it('pushes sends out of quiet hours and skips those that would then land after the start', () => {
    // Live 08:30 Shanghai: the 07:30 reminders move to 08:00; the 10:00 digest is after the start.
    const early = fanPreviewSchedule(at('2024-11-11T00:30:00Z'), 'Asia/Shanghai', policy);
    expect(summary(early)).toEqual({
      sends: [
        ['fan_preview.core.t-1440m', '2024-11-10T00:30:00.000Z'],
        ['fan_preview.active.t-60m', '2024-11-11T00:00:00.000Z'],
        ['fan_preview.core.t-60m', '2024-11-11T00:00:00.000Z'],
      ],
      skipped: ['fan_preview.casual.digest'],
    });
    expect(early.sends[1]?.plannedAtMs).toBe(at('2024-11-10T23:30:00Z'));

    // Live 07:30: 08:00 is already past the start, so the 1 h reminders are skipped rather than sent late.
    expect(
      summary(fanPreviewSchedule(at('2024-11-10T23:30:00Z'), 'Asia/Shanghai', policy)).skipped.sort(),
    ).toEqual(['fan_preview.active.t-60m', 'fan_preview.casual.digest', 'fan_preview.core.t-60m']);
  });

  it('counts 24 h as elapsed time across a DST change, and places the digest by the local clock', () => {
    // Live 2024-03-10 20:00 EDT (00:00Z on the 11th); 24 h earlier is 19:00 EST on the 9th.
    const s = fanPreviewSchedule(at('2024-03-11T00:00:00Z'), 'America/New_York', policy);
    expect(s.sends.find((x) => x.purpose === 'fan_preview.core.t-1440m')?.sendAtMs).toBe(
      at('2024-03-10T00:00:00Z'),
    );
    // 10:00 EDT on the day of the change is 14:00Z (it would be 15:00Z under EST).
    expect(s.sends.find((x) => x.tier === 'casual')?.sendAtMs).toBe(at('2024-03-10T14:00:00Z'));
  });

  it('honours a configured digest time and lead times', () => {
    const custom = ZFanPreviewPolicySchema.parse({
      casualDigestLocalTime: '09:15',
      coreLeadMinutes: [120],
      activeLeadMinutes: [],
    });
    expect(summary(fanPreviewSchedule(at('2024-11-11T12:00:00Z'), 'Asia/Shanghai', custom)).sends).toEqual([
      ['fan_preview.casual.digest', '2024-11-11T01:15:00.000Z'],
      ['fan_preview.core.t-120m', '2024-11-11T10:00:00.000Z'],
    ]);
  });
});

describe("the workflow's plain default fan policy", () => {
  it("equals the schema's defaults, so the two cannot drift apart", () => {
    expect(DEFAULT_FAN_PREVIEW_POLICY).toEqual(ZFanPreviewPolicySchema.parse({}));
  });
});
