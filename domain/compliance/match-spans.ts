import type { TCompiledPack, TCompiledSpanRule } from './compile-pack';
import { isClauseBreak, patternSpans, patternsSpans, textSpans, type TFoldedText } from './fold-text';

export interface TSpan {
  offset: number;
  length: number;
}

export interface TRuleHit extends TSpan {
  /** Index into the pack's rules (its order), the last tie-break. */
  order: number;
}

/** True when the hit lies wholly inside one of the spans (an exception phrase, a protected disclaimer). */
export function spanInside(hit: TSpan, spans: readonly TSpan[]): boolean {
  return spans.some(
    (span) => hit.offset >= span.offset && hit.offset + hit.length <= span.offset + span.length,
  );
}

/**
 * True when a negation cue starts earlier in the hit's clause, within the window: 不是最便宜的, 不能治病, 不要私下加微信.
 * The cue may run into the hit (不能治病: the hit 能治 starts inside 不能), but it must start before it, so a claim
 * that itself begins with a cue word (没有任何副作用) stays a claim.
 */
export function isNegated(
  chars: readonly string[],
  offset: number,
  cues: readonly string[],
  window: number,
): boolean {
  if (cues.length === 0 || window === 0) return false;
  let start = offset;
  while (start > 0 && offset - start < window && !isClauseBreak(chars[start - 1])) start -= 1;
  if (start === offset) return false;
  const reach = Math.max(...cues.map((cue) => cue.length)) - 1;
  const around = chars.slice(start, offset + reach).join('');
  const before = chars.slice(start, offset).join('').length; // UTF-16 units, as indexOf counts
  return cues.some((cue) => {
    const at = around.indexOf(cue);
    return at >= 0 && at < before;
  });
}

function exceptionSpans(folded: TFoldedText, compiled: TCompiledSpanRule): TSpan[] {
  return [
    ...textSpans(folded, compiled.exceptionTerms),
    ...compiled.exceptionRegexes.flatMap((regex) => patternSpans(folded, regex)),
  ];
}

/** Raw hits of the terms and pattern rules that apply, before exceptions, protection and negation. */
function rawHits(
  folded: TFoldedText,
  pack: TCompiledPack,
  applies: (slot: number) => boolean,
): Map<number, TSpan[]> {
  const bySlot = new Map<number, TSpan[]>();
  const add = (slot: number, span: TSpan) => {
    const hits = bySlot.get(slot) ?? [];
    hits.push(span);
    bySlot.set(slot, hits);
  };
  const { chars } = folded;
  for (let offset = 0; offset < chars.length; offset += 1) {
    for (const entry of pack.termsByFirstChar.get(chars[offset] as string) ?? []) {
      if (!applies(entry.slot)) continue;
      let index = 1;
      while (index < entry.chars.length && chars[offset + index] === entry.chars[index]) index += 1;
      if (index === entry.chars.length) add(entry.slot, { offset, length: entry.chars.length });
    }
  }
  pack.spanRules.forEach((compiled, slot) => {
    if (compiled.anyPattern === undefined || !applies(slot)) return;
    for (const span of patternsSpans(folded, compiled.anyPattern, compiled.stickyPatterns)) add(slot, span);
  });
  return bySlot;
}

/** Hits of the terms and pattern rules that apply, each one a claim: not an exception, not protected, not negated. */
export function spanRuleHits(
  folded: TFoldedText,
  pack: TCompiledPack,
  protectedSpans: readonly TSpan[],
  applies: (slot: number) => boolean,
): Array<TRuleHit & { slot: number }> {
  const hits: Array<TRuleHit & { slot: number }> = [];
  for (const [slot, spans] of rawHits(folded, pack, applies)) {
    const compiled = pack.spanRules[slot] as TCompiledSpanRule;
    const exceptions = exceptionSpans(folded, compiled);
    for (const span of spans) {
      if (spanInside(span, exceptions) || spanInside(span, protectedSpans)) continue;
      if (compiled.negatable && isNegated(folded.chars, span.offset, pack.negationCues, pack.negationWindow))
        continue;
      hits.push({ ...span, order: compiled.order, slot });
    }
  }
  return hits;
}
