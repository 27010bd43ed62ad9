import type { z } from 'zod';
import { DomainError } from './errors';

/**
 * Parses with a zod schema and turns failures into INVALID_INPUT with the zod issues attached; `at` is where the input
 * sits inside what the caller sent (issue paths start there).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  at: readonly (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [...at, ...issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : part))],
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw new DomainError('INVALID_INPUT', `Invalid ${what}${where}: ${first?.message ?? 'unknown error'}`, {
    issues,
  });
}
