import type { TRuleInput } from '../rule-pack.types';

/**
 * Guarantees, endorsements and origin stories: claims a viewer cannot check and the law asks to be true and provable.
 * The basis depends on the product: a 保健食品 may make no efficacy or safety guarantee and use no endorser at all
 * (《广告法》第十八条), a 医疗器械 likewise (第十六条); for other goods an unprovable promise or endorsement is false
 * advertising (第二十八条).
 */
export const TRUST_CLAIM_RULES: TRuleInput[] = [
  {
    id: 'guarantee-efficacy-safety',
    match: 'pattern',
    kind: 'guarantee',
    category: 'guarantee_claim',
    severity: 'high',
    basis: 'ad-law-28-effect',
    basisByCategory: { health_food: 'ad-law-18-guarantee', medical_device: 'ad-law-16' },
    suggestion: {
      zh: '删掉保证性说法，改为"效果因人而异"，并如实说明退换货政策。',
      en: 'Drop the guarantee; say results vary, and state the actual return policy.',
    },
    patterns: [
      '无效(全额)?(退款|退钱|包退)',
      '不(瘦|白|长高|好用|管用|见效)(全额)?(退款|退钱|包退)',
      '零风险',
      '无风险',
      '稳赚',
      '保本',
      '包过',
      '(无|零|没有)(任何)?(毒)?副作用',
      '无毒副',
      '零刺激',
      '无刺激',
      '零辐射',
      '无辐射',
      '无依赖',
      '不反弹',
      '立竿见影',
      '(一次|当天|马上|立刻|[0-9一二两三四五六七八九十几]+(天|周|个月|次))(就)?见效',
      '(百分百|100%|百分之百)(有效|见效|不过敏)',
      // 保证 + a result; 保证正品 / 保证发货 are service promises and stay.
      '保证(?!正品|发货|售后|品质|质量|新鲜|到货|时效|48|24|七天无理由|7天无理由|假一|退换|送达|物流)',
    ],
    description: {
      zh: '《广告法》第十六、十八、二十八条：不得对功效、安全性作断言或保证；保证性允诺与实际不符的构成虚假广告。',
      en: 'Advertising Law Arts. 16, 18, 28: no assertions or guarantees of efficacy or safety.',
    },
  },
  {
    id: 'guarantee-suitable-for-all',
    match: 'pattern',
    kind: 'guarantee',
    category: 'guarantee_claim',
    severity: 'medium',
    basis: 'ad-law-28-effect',
    basisByCategory: { health_food: 'ad-law-18-guarantee', medical_device: 'ad-law-16' },
    suggestion: {
      zh: '按标签和说明书讲适宜人群与不适宜人群，不要说"老人小孩孕妇都能用"。',
      en: 'Name the suitable and unsuitable groups from the label instead of "everyone, even pregnant women, can use it".',
    },
    // For an ordinary snack 老人小孩都能吃 is just serving advice; for these products it contradicts a label that
    // lists unsuitable groups, which is a safety assertion.
    appliesTo: ['health_food', 'medical_device', 'cosmetics', 'special_cosmetics'],
    patterns: [
      '(老人|老年人|小孩|孩子|儿童|孕妇|宝妈|男女老少|所有人|任何人)[^,。!?]{0,6}(都|也)(能|可以|适合)(吃|用|喝|服用)?',
      '(孕妇|哺乳期)[^,。!?]{0,3}(也)?(没问题|放心)',
      '男女老少(都)?(适用|皆宜)',
    ],
    description: {
      zh: '《广告法》第十六、十八条：不得作安全性保证；扩大适宜人群的说法与标签、说明书不符。',
      en: 'Advertising Law Arts. 16 and 18: claiming everyone can use it is a safety assertion.',
    },
  },
  {
    id: 'authority-endorsement',
    match: 'pattern',
    kind: 'authority_endorsement',
    category: 'misleading_claim',
    severity: 'high',
    basis: 'ad-law-28-proof',
    basisByCategory: { health_food: 'ad-law-18-endorser', medical_device: 'ad-law-16' },
    suggestion: {
      zh: '删掉医生、专家、机构、媒体背书；有真实的检测或认证，就说出机构名称和证书编号。',
      en: 'Remove doctor, expert, institution or media endorsements; cite a real test or certificate by issuer and number instead.',
    },
    patterns: [
      // Not 咨询医生 / 遵医嘱 / 请教医生: sending a viewer to a doctor is responsible advice, not an endorsement.
      '(?<!咨询|请教|遵|问问)(医生|医师|大夫|专家|教授|营养师|药师|皮肤科|医院|三甲|央视|cctv|卫健委|药监局|协会)[^,。!?]{0,6}(推荐|认证|认可|都在用|在用|都在吃|在吃|也在吃|同款|研发|背书|力荐|首推|指定|严选|报道|上过|播过)',
      '院士',
      '央视(上榜|播过|广告)',
    ],
    description: {
      zh: '《广告法》第十六、十八、二十八条：不得利用医生、专家、机构作推荐证明；无法验证的背书构成虚假广告。',
      en: 'Advertising Law Arts. 16, 18, 28: no doctor, expert or institution endorsements; unverifiable ones are false.',
    },
  },
  {
    id: 'state-endorsement',
    match: 'terms',
    kind: 'authority_endorsement',
    category: 'misleading_claim',
    severity: 'high',
    basis: 'ad-law-9-2',
    suggestion: {
      zh: '删掉借国家机关名义的说法（特供、国宴、免检）。',
      en: 'Remove claims that borrow state authority (special supply, state banquet, inspection-exempt).',
    },
    terms: ['特供', '国宴', '国家免检', '免检产品', '政府推荐', '国家推荐'],
    description: {
      zh: '《广告法》第九条第二项：不得使用或者变相使用国家机关、国家机关工作人员的名义。',
      en: 'Advertising Law Art. 9(2): no use of the name of state organs.',
    },
  },
  {
    id: 'well-known-trademark',
    match: 'terms',
    kind: 'authority_endorsement',
    category: 'misleading_claim',
    severity: 'high',
    basis: 'trademark-law-14-5',
    terms: ['驰名商标'],
    description: {
      zh: '《商标法》第十四条第五款：不得将"驰名商标"字样用于广告宣传。',
      en: 'Trademark Law Art. 14(5): "well-known trademark" may not be used in advertising.',
    },
  },
  {
    id: 'misleading-origin',
    match: 'pattern',
    kind: 'misleading_origin',
    category: 'misleading_claim',
    severity: 'medium',
    basis: 'ad-law-28-facts',
    suggestion: {
      zh: '只说能证明的事实：配料表、产地证明、检测报告；"纯天然""祖传秘方""零添加"要有证据，否则删掉。',
      en: 'State provable facts (ingredient list, origin certificate, lab report); drop "all natural", "secret family recipe", "zero additives" without evidence.',
    },
    patterns: [
      '纯天然',
      '(百分百|100%|百分之百)天然',
      '祖传',
      '秘方',
      '古方',
      '宫廷',
      '零添加',
      '0添加',
      '无添加',
      '没有任何添加',
      '不含任何添加',
      '无污染',
      '纯植物',
    ],
    description: {
      zh: '《广告法》第二十八条：产地、成分等信息须真实；"纯天然""祖传秘方""零添加"等说法须有证据。',
      en: 'Advertising Law Art. 28: origin and ingredient claims must be true and provable.',
    },
  },
  {
    id: 'platform-off-site-diversion',
    match: 'pattern',
    kind: 'off_platform',
    category: 'platform_rule',
    severity: 'medium',
    basis: 'platform-diversion',
    suggestion: {
      zh: '引导观众在直播间小黄车下单，有问题在平台内咨询客服。',
      en: 'Send viewers to the in-stream cart and the platform customer service.',
    },
    patterns: [
      '加(我)?(微信|威信|薇信|vx|v信|wx|v(?![a-z])|q(?![a-z])|qq|扣扣)',
      '微信号',
      'vx号',
      '私聊',
      '私下交易',
      '线下交易',
      '二维码',
      '扫码',
      '(进|加)(粉丝)?群',
      '私信(我|发|领|加)',
      '点击外链',
      '外链',
      '(去|到)(某宝|淘宝|某东|京东|拼多多|某多多|某音)',
      '某宝搜',
    ],
    description: {
      zh: '平台规则：禁止引导用户站外交易或添加私人联系方式（导流）。',
      en: 'Platform rule: no diverting viewers off-platform (private contact, external links, offline deals).',
    },
  },
];
