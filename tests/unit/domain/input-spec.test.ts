import { checkInputSpec, parseInputSpec, spec } from '../../../domain/engine/input-spec';
import { DEFAULT_METRIC_RULE_POLICY, ZMetricRulePolicySchema } from '../../../domain/metrics';
import { expectDomainError } from './stream-fixtures';

const shape = spec.object({
  reason: spec.text({ max: 10 }),
  minutes: spec.int(1, 720),
  ratio: spec.optional(spec.number(0, 1)),
  kind: spec.oneOf(['a', 'b']),
  at: spec.optional(spec.instant()),
  tags: spec.withDefault(spec.list(spec.text({ max: 5 }), { max: 2 }), []),
});

describe('input specs (the workflow-side parser of action inputs)', () => {
  it('parses, trims text, applies defaults and drops unknown keys', () => {
    expect(parseInputSpec(shape, { reason: '  why ', minutes: 30, kind: 'a', extra: 1 }, 'x')).toEqual({
      reason: 'why',
      minutes: 30,
      kind: 'a',
      tags: [],
    });
  });

  it('refuses what a database, a mail or a page could not hold, naming the field', () => {
    const bad = (input: object) => checkInputSpec(shape, { reason: 'ok', minutes: 1, kind: 'a', ...input });
    expect(bad({ reason: '\ud800' })).toMatchObject({ ok: false, issues: [{ path: ['reason'] }] });
    expect(bad({ reason: 'a\u0000b' })).toMatchObject({ ok: false });
    expect(bad({ reason: 'x'.repeat(11) })).toMatchObject({ ok: false, issues: [{ code: 'too_big' }] });
    expect(bad({ reason: '   ' })).toMatchObject({ ok: false, issues: [{ code: 'too_small' }] });
    expect(bad({ minutes: 9007199254740991 })).toMatchObject({ ok: false, issues: [{ path: ['minutes'] }] });
    expect(bad({ minutes: 1.5 })).toMatchObject({ ok: false });
    expect(bad({ minutes: Number.NaN })).toMatchObject({ ok: false });
    expect(bad({ ratio: 2 })).toMatchObject({ ok: false, issues: [{ path: ['ratio'] }] });
    expect(bad({ kind: 'c' })).toMatchObject({ ok: false });
    expect(bad({ at: '2026-12-01T20:00:00' })).toMatchObject({ ok: false, issues: [{ path: ['at'] }] });
    expect(bad({ tags: ['a', 'b', 'c'] })).toMatchObject({ ok: false });
    expect(bad({ tags: ['toolong'] })).toMatchObject({ ok: false, issues: [{ path: ['tags', 0] }] });
    expect(checkInputSpec(shape, null)).toMatchObject({ ok: false });
    expectDomainError(() => parseInputSpec(shape, { minutes: 0 }, 'extension'), 'INVALID_INPUT');
  });

  it('says which field is wrong in the message, with every issue in the details', () => {
    try {
      parseInputSpec(shape, { reason: 'ok', minutes: 0, kind: 'z' }, 'extension');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as Error).message).toBe('Invalid extension at minutes: At least 1');
      expect((error as { details: { issues: unknown[] } }).details.issues).toHaveLength(2);
    }
  });
});

describe('plain defaults the workflow uses without a schema library', () => {
  it('equal the metric rule policy schema defaults', () => {
    expect(DEFAULT_METRIC_RULE_POLICY).toEqual(ZMetricRulePolicySchema.parse({}));
  });
});
