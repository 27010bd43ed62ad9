import { AppError } from './api-error';
import { MAX_INPUT_DEPTH } from './input-guard';

/**
 * JSON with object keys in code-point order at every level, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` spell the
 * same request. Array order is kept: it is meaning, not spelling. Refuses nesting past MAX_INPUT_DEPTH instead of
 * overflowing the stack.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_INPUT_DEPTH)
    throw new AppError('INVALID_INPUT', `Invalid body: nested deeper than ${MAX_INPUT_DEPTH} levels`, [
      { in: 'body', path: [], code: 'too_deep', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` },
    ]);
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null, depth + 1)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
