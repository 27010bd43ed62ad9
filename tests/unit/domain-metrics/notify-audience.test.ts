import {
  isFanFacing,
  sendTimeOf,
  ZNotificationTemplateIdSchema,
  type TNotificationParamsInput,
} from '../../../domain/notify';

const SH = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const preview = (liveStartAt: number): TNotificationParamsInput['fan_preview'] => ({
  streamTitle: '冬季护肤专场',
  timeZone: SH,
  tier: 'active',
  liveStartAt,
  watchUrl: 'https://liveops.example.com/streams/s1',
});
const alert: TNotificationParamsInput['metric_alert'] = {
  streamTitle: '冬季护肤专场',
  timeZone: SH,
  ruleId: 'conversion_drop',
  severity: 'critical',
  message: { 'zh-CN': '转化率下降 40%', en: 'Conversion down 40%' },
  detectedAt: at('2026-12-02T15:30:00Z'),
  dashboardUrl: 'https://liveops.example.com/streams/s1',
};

describe('who reads which message', () => {
  it('counts only the fan previews as fan-facing; every other message is for the team', () => {
    expect(ZNotificationTemplateIdSchema.options.filter(isFanFacing)).toEqual(['fan_preview']);
  });
});

describe('sendTimeOf', () => {
  it('holds a fan message that falls due at night until quiet hours end, in the stream zone', () => {
    // 23:30 in Shanghai, a stream at 20:00 the next day: the preview waits for 08:00.
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-03T12:00:00Z')), at('2026-12-02T15:30:00Z')),
    ).toEqual({
      kind: 'hold',
      untilMs: at('2026-12-03T00:00:00Z'),
    });
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-03T12:00:00Z')), at('2026-12-03T00:00:00Z')),
    ).toEqual({
      kind: 'now',
    });
  });

  it("uses the request's own window when it names one", () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-03T12:00:00Z')), at('2026-12-03T04:10:00Z'), {
        quietHours: lunch,
      }),
    ).toEqual({ kind: 'hold', untilMs: at('2026-12-03T05:30:00Z') });
  });

  it('drops a fan preview that could only go out at or after the live start', () => {
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-02T23:30:00Z')), at('2026-12-02T15:30:00Z')),
    ).toEqual({
      kind: 'expired',
      untilMs: at('2026-12-03T00:00:00Z'),
    });
    // Late in the day, after the start: noise even outside quiet hours.
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-03T02:00:00Z')), at('2026-12-03T03:00:00Z')),
    ).toEqual({
      kind: 'expired',
      untilMs: at('2026-12-03T03:00:00Z'),
    });
  });

  it('never holds a team message for quiet hours, only for an explicit notBefore', () => {
    expect(sendTimeOf('metric_alert', alert, at('2026-12-02T15:30:00Z'))).toEqual({ kind: 'now' });
    expect(
      sendTimeOf('metric_alert', alert, at('2026-12-02T15:30:00Z'), {
        notBeforeMs: at('2026-12-02T15:45:00Z'),
      }),
    ).toEqual({ kind: 'hold', untilMs: at('2026-12-02T15:45:00Z') });
  });

  it('holds a fan message until both its notBefore and the end of quiet hours have passed', () => {
    expect(
      sendTimeOf('fan_preview', preview(at('2026-12-03T12:00:00Z')), at('2026-12-02T13:00:00Z'), {
        notBeforeMs: at('2026-12-02T15:10:00Z'),
      }),
    ).toEqual({ kind: 'hold', untilMs: at('2026-12-03T00:00:00Z') });
  });
});
