import type { TLocalizedText } from '../metrics/metric-rules.types';

export const words = (zh: string, en: string): TLocalizedText => ({ 'zh-CN': zh, en });

/**
 * What every kind calls the phases they share, so a phase has one name on every page, in every message and report
 * (a stream's tail and its campaign's tail are both 延续期). Each kind adds its own phases (domain/<kind>/phase-words.ts).
 */
export const SHARED_PHASE_WORDS = {
  preheat: words('预热期', 'preheat'),
  tail: words('延续期', 'tail'),
  review: words('复盘', 'review'),
  completed: words('已完成', 'completed'),
  blocked: words('已阻断', 'blocked'),
  cancelled: words('已取消', 'cancelled'),
} as const;

/** A kind's phase words as catalogue entries of the web UI (`<prefix>.<phase>`), typed by the kind's phases. */
export function phaseCatalogue<const Prefix extends string, Phase extends string>(
  prefix: Prefix,
  phaseWords: Record<Phase, TLocalizedText>,
): Record<`${Prefix}.${Phase}`, { zh: string; en: string }> {
  return Object.fromEntries(
    Object.entries<TLocalizedText>(phaseWords).map(([phase, text]) => [
      `${prefix}.${phase}`,
      { zh: text['zh-CN'], en: text.en },
    ]),
  ) as Record<`${Prefix}.${Phase}`, { zh: string; en: string }>;
}
