/**
 * Folds one code point for matching: NFKC turns full-width １００％ or Ｖ into 100% and v (a common way to dodge
 * filters), then case-folds. A code point whose fold is not a single code point is kept as is, so offsets in the
 * folded text are offsets in the original text.
 */
function foldCodePointSlow(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return Array.from(folded).length === 1 ? folded : char.toLowerCase();
}

const folds = new Map<string, string>();

/**
 * Most of a script is CJK ideographs, which NFKC leaves alone (U+4E00-U+9FFF), and the rest repeats, so folds are
 * memoised: normalising every code point separately was the largest cost of a scan.
 */
function foldCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = foldCodePointSlow(char);
    // Bounded: an adversarial text full of distinct rare characters must not grow the memo without end.
    if (folds.size < 4096) folds.set(char, folded);
  }
  return folded;
}

/** A text as folded code points, plus the folded string and a map from its UTF-16 indices back to code points. */
export interface TFoldedText {
  chars: readonly string[];
  text: string;
  /** utf16ToCodePoint[i] is the code point index of UTF-16 index i (and of text.length: chars.length). */
  utf16ToCodePoint: readonly number[];
}

export function foldChars(text: string): string[] {
  return Array.from(text, foldCodePoint);
}

export function foldText(text: string): TFoldedText {
  const chars = foldChars(text);
  const utf16ToCodePoint: number[] = [];
  chars.forEach((char, index) => {
    for (let unit = 0; unit < char.length; unit += 1) utf16ToCodePoint.push(index);
  });
  utf16ToCodePoint.push(chars.length);
  return { chars, text: chars.join(''), utf16ToCodePoint };
}

/** Every occurrence of each folded needle in the folded text, as code point spans. */
export function textSpans(
  folded: TFoldedText,
  needles: readonly string[],
): Array<{ offset: number; length: number }> {
  const spans: Array<{ offset: number; length: number }> = [];
  for (const needle of needles) {
    if (needle.length === 0) continue;
    for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
      const start = folded.utf16ToCodePoint[at] ?? 0;
      const end = folded.utf16ToCodePoint[at + needle.length] ?? folded.chars.length;
      spans.push({ offset: start, length: end - start });
    }
  }
  return spans;
}

/** Every match of a global regex over the folded text, as code point spans. */
export function patternSpans(folded: TFoldedText, regex: RegExp): Array<{ offset: number; length: number }> {
  const spans: Array<{ offset: number; length: number }> = [];
  regex.lastIndex = 0;
  for (const match of folded.text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    const start = folded.utf16ToCodePoint[match.index] ?? 0;
    const end = folded.utf16ToCodePoint[match.index + match[0].length] ?? folded.chars.length;
    spans.push({ offset: start, length: end - start });
  }
  return spans;
}

/**
 * Every (start, pattern) match: where `any` (the alternation of the patterns) matches, each sticky pattern is tried at
 * that start, then the search resumes one code point later, so overlapping matches of different patterns are all seen.
 */
export function patternsSpans(
  folded: TFoldedText,
  any: RegExp,
  sticky: readonly RegExp[],
): Array<{ offset: number; length: number }> {
  const spans: Array<{ offset: number; length: number }> = [];
  any.lastIndex = 0;
  for (let match = any.exec(folded.text); match !== null; match = any.exec(folded.text)) {
    const at = match.index;
    for (const regex of sticky) {
      regex.lastIndex = at;
      const hit = regex.exec(folded.text);
      if (hit === null || hit[0].length === 0) continue;
      const start = folded.utf16ToCodePoint[at] ?? 0;
      const end = folded.utf16ToCodePoint[at + hit[0].length] ?? folded.chars.length;
      spans.push({ offset: start, length: end - start });
    }
    const codePoint = folded.text.codePointAt(at) ?? 0;
    any.lastIndex = at + (codePoint > 0xffff ? 2 : 1);
  }
  return spans;
}

/** Clause punctuation: a negation cue or a price never reaches across it. */
const CLAUSE_BREAKS = new Set([
  '，',
  '。',
  '！',
  '？',
  '；',
  '：',
  '、',
  ',',
  '!',
  '?',
  ';',
  ':',
  '\n',
  '～',
  '~',
]);

export function isClauseBreak(char: string | undefined): boolean {
  return char !== undefined && CLAUSE_BREAKS.has(char);
}

/** Letters and digits only (for comparing disclaimers said with different punctuation). */
export function lettersOnly(text: string): string {
  return foldChars(text)
    .filter((char) => /[\p{L}\p{N}]/u.test(char))
    .join('');
}
