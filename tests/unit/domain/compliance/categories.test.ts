import { DEFAULT_RULE_PACK } from '../../../../domain/compliance/default-rules';
import {
  scanScript,
  type TScannableSegment,
  type TScanProduct,
} from '../../../../domain/compliance/scan-script';
import { kinds, scanLine } from './scan-helpers';

const HEALTH_FOOD: TScanProduct = { sku: 'HF', category: 'health_food' };
const SNACK: TScanProduct = { sku: 'SN', category: 'food' };
const scan = (segments: TScannableSegment[], products: TScanProduct[]) =>
  scanScript(segments, DEFAULT_RULE_PACK, { products }).findings;

describe('category awareness', () => {
  it('增强免疫力 is a finding for an ordinary food, not for an approved 保健食品', () => {
    expect(kinds('这款黑芝麻丸能增强免疫力', 'food')).toEqual(['health_function_claim']);
    expect(scanLine('这款蛋白粉的保健功能是增强免疫力', 'health_food')).toEqual([]);
  });

  it('美白淡斑 is a finding for an ordinary cosmetic, not for a registered special-use one', () => {
    expect(kinds('普通面霜却能美白淡斑', 'cosmetics')).toEqual(['special_cosmetic_claim']);
    expect(scanLine('美白淡斑是它注册的功效', 'special_cosmetics')).toEqual([]);
  });

  it('a medical device may state its indication, but no product may assert a cure', () => {
    expect(scanLine('这款理疗仪用于治疗颈肩部肌肉劳损', 'medical_device')).toEqual([]);
    expect(kinds('这款理疗仪用于治疗颈肩部肌肉劳损', 'food')).toEqual(['medical_claim']);
    expect(kinds('用了这个理疗仪，颈椎病一次就根治', 'medical_device')).toEqual(['medical_claim']);
    expect(kinds('治愈率高达百分之九十八', 'medical_device')).toContain('medical_claim');
  });

  it('"everyone can take it" is a safety assertion for a 保健食品, serving advice for a snack', () => {
    expect(kinds('老人小孩都能吃，孕妇也没问题', 'health_food')).toEqual(['guarantee']);
    expect(scanLine('老人小孩都能吃，软糯不粘牙', 'food')).toEqual([]);
  });

  it('cites the article that applies to the product pitched', () => {
    const citation = (text: string, category: Parameters<typeof scanLine>[1]) =>
      scanLine(text, category).map((f) => f.basis.citation);
    expect(citation('专治胃病', 'health_food')).toEqual([expect.stringContaining('第十八条')]);
    expect(citation('专治胃病', 'food')).toEqual([expect.stringContaining('《食品安全法》第七十三条')]);
    expect(citation('专治胃病', 'apparel')).toEqual(['《广告法》第十七条']);
    expect(citation('专治风湿', 'medical_device')).toEqual(['《广告法》第十六条']);
    expect(citation('医生推荐', 'health_food')).toEqual([
      expect.stringContaining('第十八条第一款第（五）项'),
    ]);
    expect(citation('医生推荐', 'electronics')).toEqual([expect.stringContaining('第二十八条')]);
    expect(scanLine('增强免疫力', 'food')[0]?.productCategory).toBe('food');
  });
});

describe('segments and the lineup', () => {
  it('judges a segment by the product it names', () => {
    const findings = scan(
      [
        { id: 'hf', text: '增强免疫力，本品不能代替药物', productSku: 'HF' },
        { id: 'sn', text: '增强免疫力', productSku: 'SN' },
      ],
      [HEALTH_FOOD, SNACK],
    );
    expect(findings.map((f) => f.id)).toEqual(['sn:0:food-health-function-claim']);
  });

  it('judges a segment that names no product against every product on sale (the strictest reading)', () => {
    const opening = { id: 'open', text: '今晚的产品都能增强免疫力' };
    const both = scan(
      [opening, { id: 'hf', text: '本品不能代替药物', productSku: 'HF' }],
      [HEALTH_FOOD, SNACK],
    );
    expect(both.map((f) => [f.id, f.productCategory])).toEqual([
      ['open:7:food-health-function-claim', 'food'],
    ]);
    const onlyHealthFood = scan(
      [opening, { id: 'hf', text: '本品不能代替药物', productSku: 'HF' }],
      [HEALTH_FOOD],
    );
    expect(onlyHealthFood).toEqual([]);
  });

  it('judges as `other` when the lineup is unknown (the old call without products)', () => {
    const findings = scanScript([{ id: 'a', text: '增强免疫力，全网最低' }], DEFAULT_RULE_PACK).findings;
    expect(findings.map((f) => [f.kind, f.productCategory])).toEqual([
      ['health_function_claim', 'other'],
      ['absolute_term', 'other'],
    ]);
  });
});

describe('script-level rules', () => {
  it('a 保健食品 pitch without 本品不能代替药物 gets a script-level finding', () => {
    const findings = scan([{ id: 'a', text: '这款鱼油每天两粒', productSku: 'HF' }], [HEALTH_FOOD]);
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'script:HF:health-food-disclaimer',
        segmentId: null,
        offset: 0,
        length: 0,
        term: '本品不能代替药物',
        kind: 'missing_disclaimer',
        basis: expect.objectContaining({
          citation: expect.stringContaining('《食品安全法》第七十八条、第七十九条'),
        }),
      }),
    ]);
  });

  it('the disclaimer may be said in the product pitch or in a segment about no product, in any punctuation', () => {
    const pitch = { id: 'a', text: '这款鱼油每天两粒', productSku: 'HF' };
    expect(scan([pitch, { id: 'b', text: '本品，不能代替药物！', productSku: 'HF' }], [HEALTH_FOOD])).toEqual(
      [],
    );
    expect(
      scan([pitch, { id: 'close', text: '保健食品不是药物，不能代替药物治疗疾病' }], [HEALTH_FOOD, SNACK]),
    ).toEqual([]);
  });

  it('each 保健食品 pitched needs it; one said only for another product does not count', () => {
    const other: TScanProduct = { sku: 'HF2', category: 'health_food' };
    const findings = scan(
      [
        { id: 'a', text: '鱼油，本品不能代替药物', productSku: 'HF' },
        { id: 'b', text: '钙片每天一粒', productSku: 'HF2' },
      ],
      [HEALTH_FOOD, other],
    );
    expect(findings.map((f) => f.id)).toEqual(['script:HF2:health-food-disclaimer']);
  });

  it('asks nothing of a 保健食品 the script never pitches, nor of other categories', () => {
    expect(scan([{ id: 'a', text: '零食很好吃', productSku: 'SN' }], [HEALTH_FOOD, SNACK])).toEqual([]);
    expect(scan([{ id: 'a', text: '零食很好吃' }], [SNACK])).toEqual([]);
  });

  it('a personal-use medical device needs its usage notice', () => {
    const device: TScanProduct = { sku: 'BP', category: 'medical_device' };
    expect(scan([{ id: 'a', text: '电子血压计，测量很方便' }], [device]).map((f) => f.id)).toEqual([
      'script:BP:medical-device-notice',
    ]);
    expect(
      scan([{ id: 'a', text: '请仔细阅读产品说明书或者在医务人员的指导下购买和使用' }], [device]),
    ).toEqual([]);
  });
});
