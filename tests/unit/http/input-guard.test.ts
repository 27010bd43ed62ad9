import { AppError } from '../../../api/http/api-error';
import { canonicalJson } from '../../../api/http/canonical-json';
import { findUnsafeInput, MAX_INPUT_DEPTH } from '../../../api/http/input-guard';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
};

describe('findUnsafeInput', () => {
  it('accepts ordinary text, emoji (surrogate pairs) and CJK', () => {
    expect(findUnsafeInput({ title: '冬季护肤 😀', list: ['a', { b: 'c' }] }, 'body')).toBeUndefined();
  });

  it('names an unpaired surrogate, in a value or a key', () => {
    expect(findUnsafeInput({ team: { host: [{ id: 'x\ud800' }] } }, 'body')).toMatchObject({
      path: ['team', 'host', 0, 'id'],
      code: 'invalid_unicode',
    });
    expect(findUnsafeInput({ ['k\udc00']: 1 }, 'query')).toMatchObject({
      in: 'query',
      code: 'invalid_unicode',
    });
  });

  it('names a NUL', () => {
    expect(findUnsafeInput({ points: [{ streamId: 'a\u0000b' }] }, 'body')).toMatchObject({
      path: ['points', 0, 'streamId'],
      code: 'invalid_character',
    });
  });

  it('refuses nesting past the limit without overflowing the stack, however deep', () => {
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH / 2 - 1), 'body')).toBeUndefined();
    expect(findUnsafeInput(nested(100_000), 'body')).toMatchObject({ code: 'too_deep' });
  });
});

describe('canonicalJson', () => {
  it('spells the same JSON the same, whatever the key order; array order is meaning', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('refuses nesting past the limit with a 400, not a RangeError', () => {
    expect(() => canonicalJson(nested(10_000))).toThrow(AppError);
  });
});
