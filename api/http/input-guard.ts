import type { RequestHandler } from 'express';
import { AppError } from './api-error';
import './locals';

/** Deeper than any schema of ours goes; deep enough nesting overflows the stack of whatever walks it recursively. */
export const MAX_INPUT_DEPTH = 64;

/** With the u flag a surrogate pair is one code point; only an unpaired half is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

export interface InputIssue {
  in: 'body' | 'query';
  path: Array<string | number>;
  message: string;
  code: string;
}

/**
 * The first value no route can take, or undefined: nesting deeper than MAX_INPUT_DEPTH, a string (or key) with an
 * unpaired UTF-16 surrogate (`"\ud800"`: the database cannot encode it) or a NUL (SQLite text ends there). Walks
 * iteratively, so the check itself survives any depth JSON.parse produced.
 */
export function findUnsafeInput(value: unknown, where: InputIssue['in']): InputIssue | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  const issue = (path: InputIssue['path'], message: string, code: string) => ({
    in: where,
    path,
    message,
    code,
  });
  const badText = (text: string, path: InputIssue['path']) => {
    if (LONE_SURROGATE.test(text))
      return issue(
        path,
        'contains an unpaired UTF-16 surrogate (e.g. \\ud800): send valid Unicode text',
        'invalid_unicode',
      );
    if (text.includes('\u0000'))
      return issue(path, 'contains a NUL character (\\u0000): remove it', 'invalid_character');
    return undefined;
  };
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      const bad = badText(current, path);
      if (bad) return bad;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_INPUT_DEPTH)
      return issue(
        path.slice(0, 3),
        `is nested deeper than ${MAX_INPUT_DEPTH} levels: flatten it`,
        'too_deep',
      );
    const entries: Array<[string | number, unknown]> = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    for (const [key, item] of entries) {
      if (typeof key === 'string') {
        const bad = badText(key, [...path, key]);
        if (bad) return { ...bad, message: `has a key that ${bad.message}` };
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * Wraps a body parser so that its error waits until the caller is known: the auth middleware runs first, and the
 * audit row of the refused request names who sent it. The error is answered by `rejectBadInput` (or the route).
 */
export function deferInputErrors(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    // Read once: a second parser would read the finished stream again (a compressed body fails the second time).
    if (req.body !== undefined || res.locals.inputError !== undefined) return next();
    void parser(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) res.locals.inputError ??= error;
      next();
    });
  };
}

/** After the parsers: input no database, serializer or template can take becomes a deferred 400 naming the field. */
export const checkInput: RequestHandler = (req, res, next) => {
  if (res.locals.inputError === undefined) {
    const issue = findUnsafeInput(req.body, 'body') ?? findUnsafeInput(req.query, 'query');
    if (issue) {
      const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      res.locals.inputError = new AppError('INVALID_INPUT', `Invalid ${issue.in}${at}: ${issue.message}`, [
        issue,
      ]);
    }
  }
  next();
};

/** Answers the deferred input error, if there is one. */
export const rejectBadInput: RequestHandler = (_req, res, next) => {
  next(res.locals.inputError);
};
