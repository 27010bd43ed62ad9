import type { TComplianceRule, TScriptFinding, TSeverity } from './rules.types';

export interface TScannableSegment {
  id: string;
  text: string;
}

interface Candidate {
  segmentId: string;
  offset: number;
  length: number;
  rule: TComplianceRule;
  ruleIndex: number;
}

const SEVERITY_RANK: Record<TSeverity, number> = { high: 3, medium: 2, low: 1 };

/**
 * Folds one code point for matching: NFKC turns full-width １００％ or Ｖ into 100% and V (a common way to dodge
 * filters), then case-folds. A code point whose fold is not a single code point is kept as is, so offsets in the
 * folded text are offsets in the original text.
 */
function foldCodePoint(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return Array.from(folded).length === 1 ? folded : char.toLowerCase();
}

function fold(text: string): string[] {
  return Array.from(text, foldCodePoint);
}

function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    let index = 0;
    while (index < needle.length && haystack[start + index] === needle[index]) index += 1;
    if (index === needle.length) found.push(start);
  }
  return found;
}

function insideException(
  hit: { offset: number; length: number },
  spans: readonly [number, number][],
): boolean {
  return spans.some(([from, to]) => hit.offset >= from && hit.offset + hit.length <= to);
}

function candidatesIn(
  segment: TScannableSegment,
  chars: readonly string[],
  rules: readonly TComplianceRule[],
): Candidate[] {
  const candidates: Candidate[] = [];
  rules.forEach((rule, ruleIndex) => {
    const exceptionSpans: [number, number][] = [];
    for (const exception of rule.exceptions) {
      const folded = fold(exception);
      for (const at of occurrences(chars, folded)) exceptionSpans.push([at, at + folded.length]);
    }
    for (const term of new Set(rule.terms)) {
      const folded = fold(term);
      for (const offset of occurrences(chars, folded)) {
        const hit = { offset, length: folded.length };
        if (!insideException(hit, exceptionSpans))
          candidates.push({ segmentId: segment.id, ...hit, rule, ruleIndex });
      }
    }
  });
  return candidates;
}

/**
 * Keeps the longest hits and drops any hit overlapping one already kept: 全网最低 is one finding, not three
 * (全网最低, 最低, 最). Ties go to the more severe rule, then the earlier position, then rule order.
 */
function selectNonOverlapping(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.length - a.length ||
      SEVERITY_RANK[b.rule.severity] - SEVERITY_RANK[a.rule.severity] ||
      a.offset - b.offset ||
      a.ruleIndex - b.ruleIndex,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    const overlaps = kept.some(
      (other) =>
        candidate.offset < other.offset + other.length && other.offset < candidate.offset + candidate.length,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept.sort((a, b) => a.offset - b.offset);
}

/** Findings in script order (segment order, then offset). Pure and deterministic: same input, same ids. */
export function scanScript(
  segments: readonly TScannableSegment[],
  rules: readonly TComplianceRule[],
): TScriptFinding[] {
  const findings: TScriptFinding[] = [];
  for (const segment of segments) {
    const original = Array.from(segment.text);
    for (const hit of selectNonOverlapping(candidatesIn(segment, fold(segment.text), rules))) {
      findings.push({
        id: `${segment.id}:${hit.offset}:${hit.rule.id}`,
        segmentId: segment.id,
        offset: hit.offset,
        length: hit.length,
        term: original.slice(hit.offset, hit.offset + hit.length).join(''),
        ruleId: hit.rule.id,
        category: hit.rule.category,
        severity: hit.rule.severity,
      });
    }
  }
  return findings;
}
