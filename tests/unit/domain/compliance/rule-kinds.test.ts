import { kinds, scanLine } from './scan-helpers';

/** Each kind: lines that make the claim, and ordinary speech that looks close and must stay clean. */
describe('rule kinds', () => {
  it('absolute terms (广告法第九条第三项), not ordinal or time words', () => {
    for (const line of [
      '这是全网最低价',
      '行业第一的降噪效果',
      '国家级非遗工艺',
      '顶级面料',
      '唯一一款支持卫星通话的手机',
      '这是全球首款折叠屏笔记本',
      '这是我吃过最好吃的牛肉酱',
    ])
      expect(kinds(line)).toEqual(['absolute_term']);
    for (const line of [
      '欢迎第一次来直播间的宝宝',
      '第一步先洁面',
      '最近天气冷',
      '最后一个链接是围巾',
      '最好冷藏保存',
      '最好吃完再买',
      '满减最高减五十',
      '100%纯棉，贴身穿',
      '配料表第一位是生牛乳',
    ])
      expect(scanLine(line)).toEqual([]);
  });

  it('false urgency and scarcity, not a scheduled countdown or the last item of the show', () => {
    for (const line of [
      '仅剩最后10单',
      '手慢无啊家人们',
      '下播马上恢复原价',
      '错过今天再等一年',
      '只剩最后五十箱了',
    ])
      expect(kinds(line)).toEqual(['false_urgency']);
    for (const line of [
      '福袋最后三分钟开奖',
      '最后一个链接上的是坚果礼盒',
      '这次的福利价到今晚十二点结束',
      '最后一件事，记得点关注',
    ])
      expect(scanLine(line)).toEqual([]);
  });

  it('guarantees of effect or safety, not service promises', () => {
    for (const line of ['无效退款', '零风险尝鲜', '无任何副作用', '保证一周见效', '吃了保证不长胖'])
      expect(kinds(line, 'food')).toContain('guarantee');
    for (const line of ['保证正品，假一赔三', '七天无理由退换', '保修两年，全国联保', '不满意可以退货'])
      expect(scanLine(line, 'food')).toEqual([]);
  });

  it('authority and endorsement, not advice to see a doctor', () => {
    for (const line of [
      '医生都推荐孕妇吃的核桃',
      '央视推荐过的老品牌',
      '院士团队研发的配方',
      '三甲医院皮肤科同款',
      '央视都报道过的黑科技',
    ])
      expect(kinds(line, 'food')).toEqual(['authority_endorsement']);
    for (const line of ['有慢性病的朋友请先咨询医生再决定要不要吃', '身体不舒服一定要去医院', '孕妇请遵医嘱'])
      expect(scanLine(line, 'food')).toEqual([]);
  });

  it('misleading origin, not a plain statement of where it comes from', () => {
    for (const line of ['纯天然无污染的山货', '祖传秘方熬制的酱料', '零添加，孩子放心吃'])
      expect(kinds(line, 'food')).toEqual(['misleading_origin']);
    for (const line of ['新疆阿克苏的冰糖心苹果，产地直发', '配料表就是牛肉、盐和香辛料'])
      expect(scanLine(line, 'food')).toEqual([]);
  });

  it('medical claims, including drug comparisons', () => {
    for (const line of [
      '专治胃病',
      '每天一杯比吃药还管用',
      '药到病除',
      '高血压患者吃了可以停药',
      '湿疹皮炎都能用',
    ])
      expect(kinds(line, 'food')).toEqual(['medical_claim']);
  });

  it('off-platform diversion, not in-platform customer service', () => {
    for (const line of ['想要批发价的加微信私聊', '扫码进群，群里更便宜', '加V领取试吃装', '去某宝搜同款'])
      expect(kinds(line)).toEqual(['off_platform']);
    for (const line of ['有问题可以在平台上私信客服', '加入粉丝团领券', '链接在下方小黄车'])
      expect(scanLine(line)).toEqual([]);
  });

  it('reference prices (covered in price-comparison.test.ts) and everything at once, each with its own basis', () => {
    const findings = scanLine('原价599今天只要99，全网最低，手慢无，加微信送赠品', 'food');
    expect(findings.map((f) => f.kind)).toEqual([
      'reference_price',
      'absolute_term',
      'false_urgency',
      'off_platform',
    ]);
    expect(new Set(findings.map((f) => f.basis.citation)).size).toBe(4);
    for (const finding of findings) {
      expect(finding.basis.zh.length).toBeGreaterThan(0);
      expect(finding.basis.en.length).toBeGreaterThan(0);
    }
  });
});

describe('negation and the disclaimer itself', () => {
  it('a denied claim is no claim', () => {
    for (const line of [
      '这款不是最便宜的，但是每一颗都是现挑的',
      '我们不敢说最好，但是用过的都回购了',
      '本品是普通食品，不是药，不能治病哈',
      '大家不要私下加微信转账，认准小黄车',
      '我们不承诺无效退款，效果因人而异',
    ])
      expect(scanLine(line, 'food')).toEqual([]);
  });

  it('negation reaches only within its clause', () => {
    expect(kinds('不是我吹，这是全网最低价')).toEqual(['absolute_term']);
    expect(kinds('别家不是这个价，我们家全网最低')).toEqual(['absolute_term']);
  });

  it('a claim that itself starts with a negative word stays a claim', () => {
    expect(kinds('没有任何副作用，放心吃', 'health_food')).toEqual(['guarantee']);
  });

  it('the required disclaimer is not a medical claim, however it is punctuated', () => {
    for (const line of [
      '本品不能代替药物治疗疾病',
      '保健食品不是药物，不能代替药物治疗疾病',
      '请注意：本品不能代替药物。',
    ])
      expect(scanLine(line, 'health_food')).toEqual([]);
    expect(kinds('吃了它可以代替药物', 'health_food')).toEqual(['medical_claim']);
  });

  it('the medical device notice does not read as a medical-staff endorsement', () => {
    expect(scanLine('请仔细阅读产品说明书或者在医务人员的指导下购买和使用', 'medical_device')).toEqual([]);
  });
});
