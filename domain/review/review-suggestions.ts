import type { TKpiName, TKpiResult, TReviewSuggestion, TSeriesFacts } from './review.types';

/*
 * Thresholds, in attainment %. Interaction and followers below 80 % are worth a concrete change; conversion below 70 % is
 * "far below" (a 10-20 % miss on conversion is ordinary variance between streams); a peak at twice the average or more
 * means traffic arrived but did not stay.
 */
const LOW_INTERACTION_PCT = 80;
const LOW_FOLLOWERS_PCT = 80;
const FAR_BELOW_CONVERSION_PCT = 70;
const GMV_SHORT_PCT = 90;
const PEAK_TO_AVERAGE_RATIO = 2;

type TKpiLookup = (kpi: TKpiName) => TKpiResult | undefined;

const atMinute = (minute: number | undefined, zh: (m: number) => string, en: (m: number) => string) =>
  minute === undefined ? { zh: '', en: '' } : { zh: zh(minute), en: en(minute) };

/** Rule-based improvement suggestions for the review; each names a concrete action, not just the symptom. */
export function suggestImprovements(kpi: TKpiLookup, facts: TSeriesFacts): TReviewSuggestion[] {
  const out: TReviewSuggestion[] = [];
  const pct = (name: TKpiName) => kpi(name)?.attainmentPct;
  const below = (name: TKpiName, threshold: number) => {
    const value = pct(name);
    return value !== undefined && value < threshold;
  };

  if (below('interactions', LOW_INTERACTION_PCT)) {
    const when = atMinute(
      facts.steepestViewerDropMinute,
      (m) => `，在第 ${m} 分钟（观众流失最多处）`,
      (m) => ` at minute ${m}, where viewers dropped the most`,
    );
    out.push({
      id: 'boost_interaction',
      text: {
        'zh-CN': `互动不足（达成 ${pct('interactions')!.toFixed(0)}%）：讲解可能过于专业，下一场${when.zh}加入真人试穿/试用演示并发放福袋，由副播引导评论。`,
        en: `Interaction was low (${pct('interactions')!.toFixed(0)}% of target): the pitch may have been too technical. Next time add a live try-on and a lucky bag${when.en}, and have the co-host prompt comments.`,
      },
    });
  }

  if (below('conversion_rate', FAR_BELOW_CONVERSION_PCT)) {
    out.push({
      id: 'fix_conversion',
      text: {
        'zh-CN': `转化率远低于目标（达成 ${pct('conversion_rate')!.toFixed(0)}%）：收紧产品讲解（价格、卖点、库存紧迫感），并安排限时秒杀促单。`,
        en: `Conversion was far below target (${pct('conversion_rate')!.toFixed(0)}%): tighten the product pitch (price, key benefit, limited stock) and add a flash sale to close.`,
      },
    });
  }

  const peak = kpi('peak_concurrent')?.actual;
  const average = kpi('avg_viewers')?.actual;
  if (peak !== undefined && average !== undefined && average > 0 && peak >= PEAK_TO_AVERAGE_RATIO * average) {
    const when = atMinute(
      facts.peakViewersMinute,
      (m) => `（峰值出现在第 ${m} 分钟）`,
      (m) => ` (the peak came at minute ${m})`,
    );
    out.push({
      id: 'retain_peak_traffic',
      text: {
        'zh-CN': `峰值是平均在线的 ${(peak / average).toFixed(1)} 倍，流量来了没留住${when.zh}：在峰值时段安排主推款讲解和福袋，用分段福利留人。`,
        en: `Peak viewers were ${(peak / average).toFixed(1)}x the average: traffic came but did not stay${when.en}. Schedule the hero product and a lucky bag for the peak, and stagger perks to keep viewers.`,
      },
    });
  }

  if (below('new_followers', LOW_FOLLOWERS_PCT)) {
    out.push({
      id: 'grow_followers',
      text: {
        'zh-CN': `涨粉不足（达成 ${pct('new_followers')!.toFixed(0)}%）：设置"关注领福袋"，并由主播每 15 分钟提醒一次关注。`,
        en: `New followers were short (${pct('new_followers')!.toFixed(0)}%): add a follow-to-claim lucky bag and remind viewers to follow every 15 minutes.`,
      },
    });
  }

  // GMV short: tell traffic problems apart from order-value problems, since the fixes differ.
  if (below('gmv', GMV_SHORT_PCT)) {
    const conversionOk = (pct('conversion_rate') ?? 0) >= 100;
    const viewersShort = below('avg_viewers', 100);
    if (conversionOk && viewersShort) {
      out.push({
        id: 'bring_traffic',
        text: {
          'zh-CN': '转化达标但 GMV 不足，瓶颈在流量：加强预热（短视频、海报、社群），考虑投放付费流量。',
          en: 'Conversion met target but GMV fell short, so traffic was the bottleneck: strengthen the preheat (short video, poster, community posts) and consider paid traffic.',
        },
      });
    }
    if ((pct('orders') ?? 0) >= 100) {
      out.push({
        id: 'raise_order_value',
        text: {
          'zh-CN': '订单数达标但 GMV 不足，客单价偏低：增加组合装、满减或高客单价主推款。',
          en: 'Orders met target but GMV fell short, so order value was low: add bundles, spend-more discounts or a higher-priced hero product.',
        },
      });
    }
  }
  return out;
}
