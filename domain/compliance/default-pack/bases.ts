import type { TFindingBasis } from '../rules.types';

/**
 * The legal bases the default pack cites. Each was checked against the statute's text (public copies found with the
 * project's search tool, 2025 crawl); where only the content or only the number could be confirmed, the comment says
 * so and the citation does not claim more than was seen.
 */
export const DEFAULT_BASES = {
  // 《广告法》第九条: "广告不得有下列情形：…（二）使用或者变相使用国家机关、国家机关工作人员的名义或者形象；（三）使用
  // '国家级'、'最高级'、'最佳'等用语" (text confirmed in several copies, incl. a 2015 enforcement case citing 9(3)).
  'ad-law-9-3': {
    citation: '《广告法》第九条第（三）项',
    zh: '广告不得使用"国家级"、"最高级"、"最佳"等用语（绝对化用语）。',
    en: 'Advertising Law Art. 9(3): advertisements may not use "state-level", "highest-grade", "best" or similar terms.',
  },
  'ad-law-9-2': {
    citation: '《广告法》第九条第（二）项',
    zh: '广告不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象。',
    en: 'Advertising Law Art. 9(2): no use, direct or implied, of the name or image of state organs or their staff.',
  },
  // 第十六条 (confirmed): 医疗、药品、医疗器械广告不得含有（一）表示功效、安全性的断言或者保证；（二）说明治愈率或者
  // 有效率；（三）与其他药品、医疗器械的功效和安全性或者其他医疗机构比较；（四）利用广告代言人作推荐、证明; and
  // personal-use device ads must state "请仔细阅读产品说明书或者在医务人员的指导下购买和使用".
  'ad-law-16': {
    citation: '《广告法》第十六条',
    zh: '医疗器械广告不得含有功效、安全性的断言或者保证，不得说明治愈率或者有效率，不得与其他药品、医疗器械比较，不得利用广告代言人作推荐、证明。',
    en: 'Advertising Law Art. 16: medical device ads may not assert or guarantee efficacy or safety, state cure or success rates, compare with other drugs or devices, or use endorsers.',
  },
  'ad-law-16-notice': {
    citation: '《广告法》第十六条第三款',
    zh: '推荐给个人自用的医疗器械的广告，应当显著标明"请仔细阅读产品说明书或者在医务人员的指导下购买和使用"。',
    en: 'Advertising Law Art. 16 para. 3: ads for personal-use medical devices must state "read the instructions carefully, or buy and use under the guidance of medical staff".',
  },
  // 第十七条 (confirmed): 除医疗、药品、医疗器械广告外，禁止其他任何广告涉及疾病治疗功能，并不得使用医疗用语或者易使
  // 推销的商品与药品、医疗器械相混淆的用语。
  'ad-law-17': {
    citation: '《广告法》第十七条',
    zh: '除医疗、药品、医疗器械广告外，禁止其他任何广告涉及疾病治疗功能，不得使用医疗用语或者易与药品、医疗器械相混淆的用语。',
    en: 'Advertising Law Art. 17: only medical, drug and medical-device ads may refer to treating disease or use medical terms.',
  },
  // 第十八条 (confirmed): 保健食品广告不得含有（一）表示功效、安全性的断言或者保证；（二）涉及疾病预防、治疗功能；
  // （三）声称或者暗示广告商品为保障健康所必需；（四）与药品、其他保健食品进行比较；（五）利用广告代言人作推荐、证明；
  // 保健食品广告应当显著标明"本品不能代替药物"。
  'ad-law-18-guarantee': {
    citation: '《广告法》第十八条第一款第（一）项',
    zh: '保健食品广告不得含有表示功效、安全性的断言或者保证。',
    en: 'Advertising Law Art. 18(1)(i): health food ads may not assert or guarantee efficacy or safety.',
  },
  'ad-law-18-disease': {
    citation: '《广告法》第十八条第一款第（二）项、第（四）项',
    zh: '保健食品广告不得涉及疾病预防、治疗功能，不得与药品、其他保健食品进行比较。',
    en: 'Advertising Law Art. 18(1)(ii) and (iv): health food ads may not claim to prevent or treat disease, or compare with drugs.',
  },
  'ad-law-18-endorser': {
    citation: '《广告法》第十八条第一款第（五）项',
    zh: '保健食品广告不得利用广告代言人作推荐、证明。',
    en: 'Advertising Law Art. 18(1)(v): health food ads may not use endorsers to recommend or vouch for the product.',
  },
  // 《食品安全法》第七十八条 (confirmed): 保健食品的标签、说明书…并声明"本品不能代替药物"; 第七十九条 (confirmed):
  // 保健食品广告除应当符合本法第七十三条第一款的规定外，还应当声明"本品不能代替药物".
  'health-food-disclaimer': {
    citation: '《广告法》第十八条第二款；《食品安全法》第七十八条、第七十九条',
    zh: '保健食品广告应当显著标明"本品不能代替药物"；保健食品的标签、说明书和广告都应当声明"本品不能代替药物"。',
    en: 'Advertising Law Art. 18 para. 2; Food Safety Law Arts. 78-79: health food labels and ads must state "this product cannot replace medicine".',
  },
  // 第二十八条 (confirmed): 广告以虚假或者引人误解的内容欺骗、误导消费者的，构成虚假广告…（二）商品的性能、功能、
  // 产地、用途、质量、规格、成分、价格、生产者、有效期限、销售状况、曾获荣誉等信息…以及与商品或者服务有关的允诺等信息
  // 与实际情况不符，对购买行为有实质性影响的；（三）使用虚构、伪造或者无法验证的科研成果、统计资料、调查结果、文摘、
  // 引用语等信息作证明材料的；（四）虚构使用商品或者接受服务的效果的.
  'ad-law-28-facts': {
    citation: '《广告法》第二十八条第二款第（二）项',
    zh: '商品的性能、功能、产地、成分、价格、销售状况等信息以及有关允诺与实际情况不符、对购买行为有实质性影响的，构成虚假广告。',
    en: 'Advertising Law Art. 28 para. 2(ii): claims about function, origin, ingredients, price, sales status or promises that do not match the facts are false advertising.',
  },
  'ad-law-28-proof': {
    citation: '《广告法》第二十八条第二款第（三）项',
    zh: '使用虚构、伪造或者无法验证的科研成果、统计资料、调查结果、引用语等信息作证明材料的，构成虚假广告。',
    en: 'Advertising Law Art. 28 para. 2(iii): invented or unverifiable research, statistics or quotations used as proof make an ad false.',
  },
  'ad-law-28-effect': {
    citation: '《广告法》第二十八条第二款第（二）项、第（四）项',
    zh: '与商品有关的允诺与实际情况不符，或者虚构使用商品的效果的，构成虚假广告。',
    en: 'Advertising Law Art. 28 para. 2(ii) and (iv): promises that do not hold, or invented effects of using the product, are false advertising.',
  },
  // 《食品安全法》第七十三条 (confirmed): 食品广告的内容应当真实合法，不得含有虚假内容，不得涉及疾病预防、治疗功能。
  'food-law-73': {
    citation: '《食品安全法》第七十三条；《广告法》第十七条',
    zh: '食品广告不得含有虚假内容，不得涉及疾病预防、治疗功能；非医疗类广告不得涉及疾病治疗功能。',
    en: 'Food Safety Law Art. 73; Advertising Law Art. 17: food ads may not claim to prevent or treat disease.',
  },
  // 《食品安全法实施条例》第三十八条第一款: "对保健食品之外的其他食品，不得声称具有保健功能" — wording confirmed in one
  // (poorly transcribed) public copy only; kept because the rule is well known, flagged in the project report.
  'food-regulation-38': {
    citation: '《食品安全法实施条例》第三十八条',
    zh: '对保健食品之外的其他食品，不得声称具有保健功能。',
    en: 'Food Safety Law Implementing Regulations Art. 38: foods other than approved health foods may not claim health functions.',
  },
  // 《化妆品监督管理条例》: "用于染发、烫发、祛斑美白、防晒、防脱发的化妆品以及宣称新功效的化妆品为特殊化妆品…国家对
  // 特殊化妆品实行注册管理" — content confirmed, article number not seen in a numbered copy, so none is cited.
  'cosmetics-special-use': {
    citation: '《化妆品监督管理条例》（特殊化妆品注册管理）；《广告法》第二十八条第二款第（二）项',
    zh: '染发、烫发、祛斑美白、防晒、防脱发功效属于特殊化妆品，须经注册；普通化妆品宣称这些功效与实际情况不符。',
    en: 'Cosmetics Supervision Regulations (special-use cosmetics need registration); Advertising Law Art. 28: an ordinary cosmetic may not claim hair dye, perm, whitening/spot removal, sun protection or anti-hair-loss effects.',
  },
  // 《明码标价和禁止价格欺诈规定》(市场监管总局令第56号) 第十六条 (confirmed in a numbered copy): 进行价格比较的，标明的
  // 被比较价格信息应当真实准确；未标明被比较价格的详细信息的，被比较价格应当不高于该经营者在同一经营场所进行价格比较前
  // 七日内的最低成交价格… 第十九条: the list of seven forms of price fraud (通过虚假折价、减价或者价格比较等方式销售商品；
  // 使用欺骗性、误导性的语言…标示价格以及其他价格信息 …) — content confirmed in several copies and in SAMR's summary; the
  // article number is the commonly cited one but was not seen printed beside the list. Flagged in the project report.
  'price-comparison': {
    citation: '《明码标价和禁止价格欺诈规定》第十六条、第十九条',
    zh: '被比较价格（原价、吊牌价、划线价）应当真实准确，未标明详细信息的不得高于比较前七日内的最低成交价格；不得通过虚假的价格比较销售商品。',
    en: 'Price Marking and Price Fraud Provisions Arts. 16 and 19: a compared ("was") price must be true and, unless detailed, no higher than the lowest price of the previous 7 days; sham price comparisons are price fraud.',
  },
  // 《网络直播营销管理办法（试行）》第十八条 (confirmed): 直播间运营者、直播营销人员…不得有下列行为：…（二）发布虚假或者
  // 引人误解的信息，欺骗、误导用户；…（四）虚构或者篡改交易、关注度、浏览量、点赞量等数据流量造假. (Its 第十九条, also
  // confirmed, is why the Advertising Law articles above bind a live stream: content that is a commercial ad carries the
  // duties of advertisers and endorsers.)
  'urgency-stock': {
    citation: '《广告法》第二十八条第二款第（二）项；《网络直播营销管理办法（试行）》第十八条第（二）项',
    zh: '销售状况（库存、销量）信息与实际情况不符的构成虚假广告；直播营销人员不得发布虚假或者引人误解的信息。',
    en: 'Advertising Law Art. 28 para. 2(ii); Live-Stream Marketing Measures Art. 18(ii): untrue stock or sales claims are false advertising and misleading live content.',
  },
  'urgency-price': {
    citation: '《明码标价和禁止价格欺诈规定》第十九条；《网络直播营销管理办法（试行）》第十八条第（二）项',
    zh: '不得使用欺骗性、误导性的语言标示价格信息（如虚称下播恢复原价、明天涨价）；直播营销人员不得发布虚假或者引人误解的信息。',
    en: 'Price Fraud Provisions Art. 19; Live-Stream Marketing Measures Art. 18(ii): no misleading price deadlines ("back to the original price after the stream").',
  },
  // 《商标法》第十四条第五款 (2013 revision; confirmed in several copies): 生产、经营者不得将"驰名商标"字样用于商品、
  // 商品包装或者容器上，或者用于广告宣传、展览以及其他商业活动中。
  'trademark-law-14-5': {
    citation: '《商标法》第十四条第五款',
    zh: '生产、经营者不得将"驰名商标"字样用于广告宣传。',
    en: 'Trademark Law Art. 14 para. 5: "well-known trademark" may not be used in advertising.',
  },
  // No statute article on off-platform diversion was found (the live-stream Measures' Art. 18 does not list it); the
  // basis is the platforms' own rules, said as such rather than pinned to an article that does not say it.
  'platform-diversion': {
    citation: '平台规则（站外导流、私下交易）',
    zh: '各直播平台规则禁止引导用户添加私人联系方式、扫码进群或到站外交易；站外交易也失去平台的消费者保障。',
    en: 'Platform rules (not a statute): live platforms forbid steering viewers to private contacts, groups or off-platform deals.',
  },
} satisfies Record<string, TFindingBasis>;
