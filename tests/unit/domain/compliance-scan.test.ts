import { DEFAULT_RULE_PACK } from '../../../domain/compliance/default-rules';
import type { TRulePackInput } from '../../../domain/compliance/rule-pack.types';
import { scanScript } from '../../../domain/compliance/scan-script';
import { SAMPLE_BANNED_TERM } from '../../../domain/stream/sample-plan';
import { scanLine, termsOf } from './compliance/scan-helpers';
import { plan } from './stream-fixtures';

const terms = (text: string) => termsOf(scanLine(text));

describe('scanScript', () => {
  it('finds exactly the one banned term of the sample script, with its basis, and records the pack version', () => {
    const scan = scanScript(plan.script, DEFAULT_RULE_PACK, { products: plan.products });
    expect(scan.packVersion).toBe(DEFAULT_RULE_PACK.version);
    expect(scan.findings).toEqual([
      expect.objectContaining({
        id: 'close:10:ad-law-9-3-superlative',
        segmentId: 'close',
        offset: 10,
        length: 5,
        term: SAMPLE_BANNED_TERM,
        ruleId: 'ad-law-9-3-superlative',
        kind: 'absolute_term',
        category: 'absolute_term',
        severity: 'high',
        basis: expect.objectContaining({ citation: '《广告法》第九条第（三）项' }),
        suggestion: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }),
      }),
    ]);
  });

  it('keeps ids stable across rescans and when other segments change', () => {
    const segments = [
      { id: 'a', text: '家人们晚上好' },
      { id: 'b', text: '今天全网最低价，手慢无' },
    ];
    const first = scanScript(segments, DEFAULT_RULE_PACK).findings.map((f) => f.id);
    expect(first).toEqual(['b:2:ad-law-9-3-superlative', 'b:8:urgency-scarcity']);
    expect(scanScript(segments, DEFAULT_RULE_PACK).findings.map((f) => f.id)).toEqual(first);
    const editedOther = [{ id: 'a', text: '家人们晚上好，欢迎新来的宝宝，先点关注' }, segments[1]!];
    expect(scanScript(editedOther, DEFAULT_RULE_PACK).findings.map((f) => f.id)).toEqual(first);
  });

  it('counts offsets in characters: CJK is one each, and an emoji is one, not two UTF-16 units', () => {
    const text = '今天🎉全网最低价';
    const [finding] = scanLine(text);
    expect(finding).toMatchObject({ offset: 3, length: 5, term: '全网最低价' });
    expect(text.indexOf('全网')).toBe(4); // what a UTF-16 offset would have said
    expect(Array.from(text).slice(3, 8).join('')).toBe('全网最低价');
  });

  it('counts pattern matches in characters too, after an emoji', () => {
    const [finding] = scanLine('🔥🔥仅剩最后10单');
    expect(finding).toMatchObject({ offset: 2, length: 7, term: '仅剩最后10单' });
  });

  it('reports the longest overlapping match of a kind once', () => {
    expect(terms('全网最低')).toEqual(['全网最低']);
    expect(terms('史上最低价')).toEqual(['史上最低']);
    expect(terms('这是最好的')).toEqual(['最好']);
    expect(terms('最')).toEqual(['最']);
  });

  it('reports one phrase twice when it breaks two kinds of rule', () => {
    const findings = scanLine('百分之百不过敏', 'cosmetics');
    expect(findings.map((f) => [f.kind, f.term])).toEqual([
      ['absolute_term', '百分之百'],
      ['guarantee', '百分之百不过敏'],
    ]);
  });

  it('keeps separate hits in one segment, in text order', () => {
    const findings = scanLine('第一名的面霜，能治愈湿疹，私聊我');
    expect(findings.map((f) => [f.term, f.category, f.offset])).toEqual([
      ['第一', 'absolute_term', 0],
      ['能治', 'medical_claim', 7],
      ['私聊', 'platform_rule', 13],
    ]);
  });

  it('ignores terms inside exception phrases but still finds real hits next to them', () => {
    expect(scanLine('最后一天，第一步先洗脸')).toEqual([]);
    expect(terms('最后一天，最好的价格')).toEqual(['最好']);
  });

  it('catches full-width and upper-case evasions, reporting the text as written', () => {
    expect(terms('今天１００％有效')).toContain('１００％有效');
    expect(terms('加VX领券')).toEqual(['加VX']);
    expect(terms('销量NO.1')).toEqual(['NO.1']);
  });

  it('judges a script by the pack it is given', () => {
    const pack: TRulePackInput = {
      version: 'brand@3',
      bases: { brand: { citation: '品牌规范', zh: '不提竞品', en: 'no competitor names' } },
      rules: [
        {
          id: 'competitor',
          match: 'terms',
          kind: 'absolute_term',
          category: 'platform_rule',
          severity: 'low',
          basis: 'brand',
          terms: ['竞品'],
          description: { zh: '竞品', en: 'competitor' },
        },
      ],
    };
    const scan = scanScript([{ id: 'a', text: '全网最低，比竞品好' }], pack);
    expect(scan.packVersion).toBe('brand@3');
    expect(scan.findings.map((f) => [f.id, f.basis.citation])).toEqual([['a:6:competitor', '品牌规范']]);
  });

  it('refuses a pack that cites a basis it does not define', () => {
    const pack = {
      ...DEFAULT_RULE_PACK,
      bases: {},
      version: 'broken',
    };
    expect(() => scanScript([{ id: 'a', text: '你好' }], pack)).toThrow(/unknown basis/);
  });
});
