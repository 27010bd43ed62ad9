import { DEFAULT_RULE_PACK } from '../../../../domain/compliance/default-rules';
import { FINDING_KINDS } from '../../../../domain/compliance/rules.types';
import { ZRulePackSchema, type TRulePackInput } from '../../../../domain/compliance/rule-pack.types';
import { scanScript } from '../../../../domain/compliance/scan-script';

const minimalRule = {
  id: 'r1',
  match: 'terms' as const,
  kind: 'absolute_term' as const,
  category: 'absolute_term' as const,
  severity: 'high' as const,
  basis: 'b1',
  terms: ['顶级'],
  description: { zh: '极限词', en: 'absolute term' },
};
const minimalPack = {
  version: 'test@1',
  bases: { b1: { citation: '《广告法》第九条第（三）项', zh: '极限词', en: 'superlatives' } },
  rules: [minimalRule],
};

describe('rule pack format', () => {
  it('the shipped pack is valid JSON data for the schema, unchanged by parsing but for defaults', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_RULE_PACK)) as unknown;
    const parsed = ZRulePackSchema.parse(json);
    expect(parsed.version).toBe(DEFAULT_RULE_PACK.version);
    expect(parsed.rules.map((r) => r.id)).toEqual(DEFAULT_RULE_PACK.rules.map((r) => r.id));
    // The parsed pack (defaults filled in) judges exactly as the literal one.
    const text = '原价599今天只要99，全网最低，不是最便宜的，手慢无，加微信';
    expect(scanScript([{ id: 'a', text }], parsed)).toEqual(
      scanScript([{ id: 'a', text }], DEFAULT_RULE_PACK),
    );
  });

  it('the shipped pack covers every finding kind, and every rule cites a basis in both languages', () => {
    expect(new Set(DEFAULT_RULE_PACK.rules.map((r) => r.kind))).toEqual(new Set(FINDING_KINDS));
    for (const rule of DEFAULT_RULE_PACK.rules) {
      const basis = DEFAULT_RULE_PACK.bases[rule.basis];
      expect(basis?.citation).toMatch(/《.+》|平台规则/);
    }
  });

  it('rejects duplicate rule ids, unknown bases and broken patterns', () => {
    expect(ZRulePackSchema.safeParse(minimalPack).success).toBe(true);
    expect(ZRulePackSchema.safeParse({ ...minimalPack, rules: [minimalRule, minimalRule] }).success).toBe(
      false,
    );
    expect(
      ZRulePackSchema.safeParse({ ...minimalPack, rules: [{ ...minimalRule, basis: 'nope' }] }).success,
    ).toBe(false);
    const badPattern = { ...minimalRule, match: 'pattern', patterns: ['(unclosed'] };
    expect(ZRulePackSchema.safeParse({ ...minimalPack, rules: [badPattern] }).success).toBe(false);
    expect(ZRulePackSchema.safeParse({ ...minimalPack, version: '' }).success).toBe(false);
  });

  it('a new version can add an exception and a term without code changes', () => {
    const v2: TRulePackInput = {
      ...minimalPack,
      version: 'test@2',
      rules: [{ ...minimalRule, terms: ['顶级', '天花板'], exceptions: ['顶级联赛'] }],
    };
    const text = '防晒界天花板，顶级联赛同款，顶级面料';
    expect(scanScript([{ id: 'a', text }], minimalPack).findings.map((f) => f.term)).toEqual([
      '顶级',
      '顶级',
    ]);
    const scan = scanScript([{ id: 'a', text }], ZRulePackSchema.parse(v2));
    expect(scan.packVersion).toBe('test@2');
    expect(scan.findings.map((f) => f.term)).toEqual(['天花板', '顶级']);
  });

  it('protects required-disclaimer text even where negation would not', () => {
    const noNegation: TRulePackInput = { ...DEFAULT_RULE_PACK, version: 'no-negation', negationWindow: 0 };
    const text = '保健食品不是药物，不能代替药物治疗疾病';
    expect(scanScript([{ id: 'a', text }], noNegation).findings).toEqual([]);
    expect(scanScript([{ id: 'a', text: '这个不能治疗疾病' }], noNegation).findings).not.toEqual([]);
  });
});
