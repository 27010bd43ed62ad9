/**
 * Reads a price as hosts write it into scripts: 599, 29.9, 1.2万, 三百九十八, 一千二 (1200), 四千九 (4900),
 * 二十九块九 (29.9), 两百九 (290). Works on folded code points; returns the value and how many code points it used.
 */

const DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export interface TSpokenNumber {
  value: number;
  length: number;
}

function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isNumberStart(char: string | undefined): boolean {
  return char !== undefined && (isAsciiDigit(char) || char in DIGITS || char === '十' || char === '零');
}

function readArabic(chars: readonly string[], at: number): TSpokenNumber | undefined {
  let end = at;
  while (isAsciiDigit(chars[end]) || (chars[end] === '.' && isAsciiDigit(chars[end + 1]))) end += 1;
  if (end === at) return undefined;
  let value = Number(chars.slice(at, end).join(''));
  if (chars[end] === '万' || chars[end] === 'w') {
    value *= 10_000;
    end += 1;
  } else if (chars[end] === 'k' || chars[end] === '千') {
    value *= 1000;
    end += 1;
  }
  return { value, length: end - at };
}

/**
 * Reads digit-unit pairs (三百九十八). A digit straight after a digit ends the number (九十九两盒 is 99, then 两盒),
 * and a lone trailing digit after a unit counts one unit lower, as people say it (一千二 = 1200, 三百九 = 390).
 */
function readChinese(chars: readonly string[], at: number): TSpokenNumber | undefined {
  let index = at;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit: number | undefined;
  while (index < chars.length) {
    const char = chars[index] as string;
    if (char === '零' || char === '〇') {
      // 三百零五: the zero only says the next digit is ones.
      if (digit !== undefined) break;
      lastUnit = lastUnit === undefined ? undefined : 10;
    } else if (char in DIGITS) {
      if (digit !== undefined) break;
      digit = DIGITS[char];
    } else if (char in UNITS) {
      const unit = UNITS[char] as number;
      if (lastUnit !== undefined && unit >= lastUnit && digit === undefined) break;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else if (char === '万') {
      if (digit === undefined && section === 0) break;
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
      lastUnit = 10_000;
    } else break;
    index += 1;
  }
  if (index === at) return undefined;
  if (digit !== undefined)
    section += lastUnit !== undefined && lastUnit > 1 ? (digit * lastUnit) / 10 : digit;
  let value = total + section;
  // 二十九块九 / 二十九元九: the digit after the currency word is tenths of a yuan.
  const currency = chars[index];
  const tenth = chars[index + 1];
  const tenthIsLast = !/[十百千万]/u.test(chars[index + 2] ?? '');
  if ((currency === '块' || currency === '元') && tenth !== undefined && tenth in DIGITS && tenthIsLast) {
    value += (DIGITS[tenth] as number) / 10;
    index += 2;
  }
  return { value, length: index - at };
}

export function readSpokenNumber(chars: readonly string[], at: number): TSpokenNumber | undefined {
  return isAsciiDigit(chars[at]) ? readArabic(chars, at) : readChinese(chars, at);
}
