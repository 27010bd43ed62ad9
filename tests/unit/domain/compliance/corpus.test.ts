import { DEFAULT_RULE_PACK } from '../../../../domain/compliance/default-rules';
import { PRODUCT_CATEGORIES } from '../../../../domain/compliance/product-categories';
import { FINDING_KINDS } from '../../../../domain/compliance/rules.types';
import { CORPUS_FILES, loadCorpus, scoreLines, tallyLines } from '../../../../scripts/compliance-corpus';

const lines = CORPUS_FILES.flatMap((file) => loadCorpus(file));

describe('labelled compliance corpus', () => {
  it('has at least 300 distinct lines, ordinary speech and violations in every product category', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(new Set(lines.map((line) => `${line.category}:${line.text}`)).size).toBe(lines.length);
    for (const category of PRODUCT_CATEGORIES) {
      const ofCategory = lines.filter((line) => line.category === category);
      expect({ category, ordinary: ofCategory.some((l) => l.expected.length === 0) }).toEqual({
        category,
        ordinary: true,
      });
      expect({ category, violations: ofCategory.some((l) => l.expected.length > 0) }).toEqual({
        category,
        violations: true,
      });
    }
  });

  it('labels every line-level kind at least three times', () => {
    for (const kind of FINDING_KINDS.filter((k) => k !== 'missing_disclaimer')) {
      const labelled = lines.filter((line) => line.expected.includes(kind)).length;
      expect({ kind, enough: labelled >= 3 }).toEqual({ kind, enough: true });
    }
  });

  it('the shipped pack meets the goal on it: recall >= 95%, false positives <= 3% of ordinary lines', () => {
    const tally = tallyLines(scoreLines(lines, DEFAULT_RULE_PACK));
    expect(tally.hit / tally.expected).toBeGreaterThanOrEqual(0.95);
    expect(tally.flaggedOrdinary / tally.ordinary).toBeLessThanOrEqual(0.03);
  });
});
