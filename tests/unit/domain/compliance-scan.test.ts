import { DEFAULT_COMPLIANCE_RULES } from '../../../domain/compliance/default-rules';
import { ZComplianceRuleSetSchema, type TComplianceRule } from '../../../domain/compliance/rules.types';
import { scanScript } from '../../../domain/compliance/scan-script';
import { SAMPLE_BANNED_TERM } from '../../../domain/stream/sample-plan';
import { plan } from './stream-fixtures';

const scan = (text: string) => scanScript([{ id: 's1', text }], DEFAULT_COMPLIANCE_RULES);
const terms = (text: string) => scan(text).map((finding) => finding.term);

describe('scanScript', () => {
  it('finds exactly the one banned term of the sample script, with a deterministic id', () => {
    const findings = scanScript(plan.script, DEFAULT_COMPLIANCE_RULES);
    expect(findings).toEqual([
      {
        id: 'close:10:ad-law-9-3-superlative',
        segmentId: 'close',
        offset: 10,
        length: 5,
        term: SAMPLE_BANNED_TERM,
        ruleId: 'ad-law-9-3-superlative',
        category: 'absolute_term',
        severity: 'high',
      },
    ]);
    expect(scanScript(plan.script, DEFAULT_COMPLIANCE_RULES)).toEqual(findings);
  });

  it('counts offsets in characters: CJK is one each, and an emoji is one, not two UTF-16 units', () => {
    const text = '今天🎉全网最低价';
    const [finding] = scan(text);
    expect(finding).toMatchObject({ offset: 3, length: 5, term: '全网最低价' });
    expect(text.indexOf('全网')).toBe(4); // what a UTF-16 offset would have said
    expect(
      Array.from(text)
        .slice(3, 3 + 5)
        .join(''),
    ).toBe('全网最低价');
  });

  it('reports the longest overlapping match once', () => {
    expect(terms('全网最低')).toEqual(['全网最低']);
    expect(terms('史上最低价')).toEqual(['史上最低']);
    expect(terms('这是最好的')).toEqual(['最好']);
    expect(terms('最')).toEqual(['最']);
  });

  it('keeps separate hits in one segment, in text order', () => {
    const findings = scan('第一名的面霜，能治愈湿疹，私信我');
    expect(findings.map((f) => [f.term, f.category, f.offset])).toEqual([
      ['第一', 'absolute_term', 0],
      ['治愈', 'medical_claim', 8],
      ['私信', 'platform_rule', 13],
    ]);
  });

  it('ignores terms inside exception phrases but still finds real hits next to them', () => {
    expect(scan('最后一天，第一步先洗脸')).toEqual([]);
    expect(terms('最后一天，最好的价格')).toEqual(['最好']);
  });

  it('catches full-width and upper-case evasions, reporting the text as written', () => {
    expect(terms('保证１００％有效')).toEqual(['１００％']);
    expect(terms('加VX领券')).toEqual(['加VX']);
    expect(terms('销量NO.1')).toEqual(['NO.1']);
  });

  it('uses the rule set it is given (rules are configuration)', () => {
    const rules: TComplianceRule[] = [
      {
        id: 'brand',
        category: 'platform_rule',
        terms: ['竞品'],
        exceptions: [],
        severity: 'low',
        description: { zh: '竞品', en: 'competitor' },
      },
    ];
    expect(scanScript([{ id: 'a', text: '全网最低，比竞品好' }], rules).map((f) => f.id)).toEqual([
      'a:6:brand',
    ]);
  });

  it('rejects a rule set with duplicate ids', () => {
    const [rule] = DEFAULT_COMPLIANCE_RULES;
    expect(ZComplianceRuleSetSchema.safeParse([rule, rule]).success).toBe(false);
  });
});
