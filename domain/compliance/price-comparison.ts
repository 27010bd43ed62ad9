import type { TCompiledPriceRule } from './compile-pack';
import { textSpans, type TFoldedText } from './fold-text';
import { isNumberStart, readSpokenNumber } from './spoken-number';

export interface TPriceClaim {
  offset: number;
  length: number;
  wasPrice: number;
  offeredPrice: number;
}

/** Between 原价 and its number people say 是, 要, 都要, ：, ¥ ... but never a clause break: 原价，第二件半价 has no price. */
const ANCHOR_FILLER = new Set([
  '是',
  '要',
  '都',
  '卖',
  '了',
  '也',
  '就',
  '为',
  '价',
  '才',
  ':',
  '¥',
  '$',
  ' ',
  '原',
]);
const MAX_ANCHOR_FILLER = 4;
/** A number after these is a count or an ordinal (第二件, 买一送一, 满两件), not a price. */
const COUNT_BEFORE = new Set(['第', '买', '送', '拍', '前', '满', '每']);
const COUNT_AFTER = new Set([
  '件',
  '个',
  '盒',
  '袋',
  '瓶',
  '支',
  '罐',
  '套',
  '箱',
  '份',
  '单',
  '次',
  '天',
  '号',
  '点',
  '位',
  '名',
  '台',
  '双',
  '条',
  '只',
  '粒',
  '片',
  '包',
  '斤',
  '克',
  '年',
  '月',
  '周',
  '分',
  '秒',
  '小',
  '人',
]);

function containsAny(chars: readonly string[], from: number, to: number, words: readonly string[]): boolean {
  const slice = chars.slice(Math.max(0, from), Math.max(from, to)).join('');
  return words.some((word) => slice.includes(word));
}

function wasPriceAfter(chars: readonly string[], from: number) {
  let at = from;
  while (at < chars.length && at - from < MAX_ANCHOR_FILLER && ANCHOR_FILLER.has(chars[at] as string))
    at += 1;
  if (!isNumberStart(chars[at])) return undefined;
  const number = readSpokenNumber(chars, at);
  return number === undefined ? undefined : { at, ...number };
}

/**
 * 原价599今天只要99, 吊牌价899，到手价199, 专柜价一百九十九，今天直播间九十九两盒: a compared price followed, within
 * maxGap, by an offered price. The first price said after an offer word decides: lower is a claim, not lower
 * (原价是89，今天也是89) is none.
 */
export function priceClaims(folded: TFoldedText, compiled: TCompiledPriceRule): TPriceClaim[] {
  const { chars } = folded;
  const claims: TPriceClaim[] = [];
  for (const anchor of textSpans(folded, compiled.anchors)) {
    const was = wasPriceAfter(chars, anchor.offset + anchor.length);
    if (was === undefined) continue;
    const afterWas = was.at + was.length;
    for (let at = afterWas; at < chars.length && at - afterWas <= compiled.maxGap; at += 1) {
      if (!isNumberStart(chars[at]) || isNumberStart(chars[at - 1])) continue;
      const offered = readSpokenNumber(chars, at);
      if (offered === undefined) continue;
      const end = at + offered.length;
      if (COUNT_BEFORE.has(chars[at - 1] as string) || COUNT_AFTER.has(chars[end] as string)) {
        at = end - 1;
        continue;
      }
      const introduced =
        containsAny(chars, afterWas, at, compiled.offers) ||
        containsAny(chars, end, end + 3, compiled.offers);
      if (!introduced) {
        at = end - 1;
        continue;
      }
      if (offered.value < was.value)
        claims.push({
          offset: anchor.offset,
          length: end - anchor.offset,
          wasPrice: was.value,
          offeredPrice: offered.value,
        });
      break;
    }
  }
  return claims;
}
