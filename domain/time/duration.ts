import { z } from 'zod';

const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  天: 86_400_000,
  h: 3_600_000,
  小时: 3_600_000,
  m: 60_000,
  min: 60_000,
  分钟: 60_000,
  分: 60_000,
  s: 1_000,
  秒: 1_000,
};

// Longest unit first so that "min" is not read as "m" followed by junk, and "分钟" not as "分".
const UNIT_PATTERN = Object.keys(UNIT_MS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const TOKEN = new RegExp(`(\\d+)\\s*(${UNIT_PATTERN})`, 'gy');

/**
 * Parses form durations: '2h', '90m', '45s', '1h30m', '1d', and the Chinese forms operators type ('2小时', '30分钟').
 * Whole numbers only (1.5h is ambiguous to many users; they write 1h30m). Returns milliseconds, or null if the text is
 * not a duration - forms show their own message.
 */
export function parseDuration(text: string): number | null {
  const compact = text.trim().toLowerCase();
  if (compact === '') return null;
  TOKEN.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = TOKEN.exec(compact); match; match = TOKEN.exec(compact)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    consumed = TOKEN.lastIndex;
    // Allow spaces between tokens ("1h 30m") without letting anything else through.
    while (compact[consumed] === ' ') consumed += 1;
    TOKEN.lastIndex = consumed;
  }
  return consumed === compact.length && Number.isSafeInteger(total) ? total : null;
}

/** Canonical short form, the inverse of parseDuration for whole seconds: 5400000 -> '1h30m'. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`formatDuration: not a non-negative duration: ${ms}`);
  let rest = Math.floor(ms / 1000);
  const out: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) out.push(`${count}${unit}`);
    rest -= count * size;
  }
  if (rest > 0 || out.length === 0) out.push(`${rest}s`);
  return out.join('');
}

/** Form field: a duration string in, milliseconds out. */
export const ZDurationSchema = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: "expected a duration such as '2h', '90m', '45s' or '1h30m'" });
    return z.NEVER;
  }
  return ms;
});
