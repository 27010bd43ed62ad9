/**
 * Folds one code point for matching: NFKC turns full-width １００％ or Ｖ into 100% and v (a common way to dodge
 * filters), then case-folds. A code point whose fold is not a single code point is kept as is, so offsets in the
 * folded text are offsets in the original text.
 */
function foldCodePoint(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return Array.from(folded).length === 1 ? folded : char.toLowerCase();
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

/** Every start (code point index) of needle in haystack. */
export function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    let index = 0;
    while (index < needle.length && haystack[start + index] === needle[index]) index += 1;
    if (index === needle.length) found.push(start);
  }
  return found;
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
