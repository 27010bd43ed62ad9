import { formatDuration, parseDuration, ZDurationSchema } from '../../../domain/time';

describe('parseDuration', () => {
  it.each([
    ['2h', 7_200_000],
    ['90m', 5_400_000],
    ['45s', 45_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1d', 86_400_000],
    ['15min', 900_000],
    [' 2H ', 7_200_000],
    ['2小时', 7_200_000],
    ['30分钟', 1_800_000],
    ['1小时30分', 5_400_000],
  ])('%s -> %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '2', 'h', '1.5h', '-2h', '2 hours', '2h!', '2x', '1h30'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('is the inverse of parseDuration on whole seconds', () => {
    for (const ms of [0, 45_000, 5_400_000, 86_400_000 + 61_000]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
    expect(formatDuration(5_400_000)).toBe('1h30m');
  });
});

describe('ZDurationSchema', () => {
  it('turns form input into milliseconds and explains failures', () => {
    expect(ZDurationSchema.parse('90m')).toBe(5_400_000);
    const failed = ZDurationSchema.safeParse('soon');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/duration/);
  });
});
