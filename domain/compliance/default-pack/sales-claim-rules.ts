import type { TRuleInput } from '../rule-pack.types';

/** A scripted count: 10单, 两百件, 五十箱 (digits, Chinese numerals, 几). */
const COUNT = '[0-9零一二两三四五六七八九十百千万几]+';
const UNIT = '(件|单|份|台|瓶|盒|套|箱|组|袋|支|罐|双|条|只|张|位|名额|波)';

/**
 * Price and urgency claims. A script is written days before the stream, so a stock count in it (仅剩最后10单) cannot
 * be a live fact: it is flagged for the reviewer to confirm against the real stock plan. A was-price claim needs a
 * documented reference price on the product (the scanner checks it).
 */
export const PRICE_AND_URGENCY_RULES: TRuleInput[] = [
  {
    id: 'price-reference-comparison',
    match: 'price_comparison',
    kind: 'reference_price',
    category: 'price_claim',
    severity: 'high',
    basis: 'price-comparison',
    suggestion: {
      zh: '只说直播间价格；要对比，就用能证明的被比较价格（前七日最低成交价或标明的厂商建议零售价），并在商品资料里登记参考价。',
      en: 'Say only the live price; to compare, use a provable reference (lowest price of the last 7 days, or a labelled list price) and record it on the product.',
    },
    anchors: [
      '原价',
      '吊牌价',
      '划线价',
      '专柜价',
      '专柜卖',
      '市场价',
      '日常价',
      '官网价',
      '官网卖',
      '门店价',
      '门店卖',
      '建议零售价',
      '零售价',
      '平时价',
      '平时卖',
      '超市卖',
      '超市价',
      '外面卖',
      '别家卖',
      '实体店卖',
      '线下卖',
      '门市价',
    ],
    offers: [
      '只要',
      '只需',
      '仅需',
      '仅要',
      '到手',
      '今天',
      '今晚',
      '直播间',
      '现在',
      '秒杀',
      '福利价',
      '活动价',
      '才',
      '直降',
    ],
    description: {
      zh: '《明码标价和禁止价格欺诈规定》第十六、十九条：被比较价格须真实且有据，否则属于虚假价格比较。',
      en: 'Price Fraud Provisions Arts. 16 and 19: a "was" price must be true and documented.',
    },
  },
  {
    id: 'urgency-scarcity',
    match: 'pattern',
    kind: 'false_urgency',
    category: 'misleading_claim',
    severity: 'medium',
    basis: 'urgency-stock',
    suggestion: {
      zh: '按真实备货说，例如"本场备货两百件，以页面库存为准"，不要预先写死"仅剩""最后几单"。',
      en: 'State the real stock plan ("200 units for this stream, see the live stock count") instead of a scripted "last 10 left".',
    },
    patterns: [
      `(仅剩|只剩|就剩|还剩|剩下|仅有|只有)(最后)?${COUNT}${UNIT}`,
      `最后${COUNT}(件(?!事)|单|份|台|瓶|盒|套|箱|组|袋|支|罐|双|条|只|张|名额|波)`,
      `最后${COUNT}个(?=了|啦|[,。!?]|$)`,
      '最后(的)?机会',
      '手慢无',
      '手慢就没',
      '(抢|拍|卖)完[^,。!?]{0,4}(就)?没(了|有了)',
      '库存告急',
      '马上(就)?(要)?抢光',
    ],
    description: {
      zh: '《广告法》第二十八条、《网络直播营销管理办法》第十八条：库存、销量等销售状况须真实，不得制造虚假稀缺。',
      en: 'Advertising Law Art. 28; Live-Stream Measures Art. 18: stock and sales claims must be true; no invented scarcity.',
    },
  },
  {
    id: 'urgency-price-deadline',
    match: 'pattern',
    kind: 'false_urgency',
    category: 'price_claim',
    severity: 'medium',
    basis: 'urgency-price',
    suggestion: {
      zh: '写明真实的活动期限，例如"本场福利价到今晚十二点"，不要说"下播恢复原价""错过再等一年"。',
      en: 'State the real promotion period ("this price until midnight") instead of "back to the original price after the stream".',
    },
    patterns: [
      '恢复原价',
      '(明天|明日|下播|过了今天|今晚过后)[^,。!?]{0,3}(就|马上)?(要)?(涨价|恢复)',
      '马上涨价',
      '再等一年',
      '等明年',
      '错过(今天|今晚|这次|这一波|这场|本场)[^,。!?]{0,4}(没有了|就没了|再也没有|不会再有)',
      '再也没有这个价',
      '(今天|现在)不买[^,。!?]{0,6}(涨价|亏)',
    ],
    description: {
      zh: '《明码标价和禁止价格欺诈规定》第十九条：不得用误导性的语言标示价格信息，如虚称将要涨价、恢复原价。',
      en: 'Price Fraud Provisions Art. 19: no misleading price deadlines such as a pretended price rise.',
    },
  },
];
