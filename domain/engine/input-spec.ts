import { DomainError } from '../shared/errors';
import { isIsoInstant } from '../shared/time';

/**
 * A small, dependency-free description of an action's input. One spec gives three things: the parser the workflow's
 * Update validators run (no schema library in the workflow sandbox: every cached workflow would evaluate its own
 * copy), the zod schema the HTTP edge and the OpenAPI document are built from (api/http/input-spec-zod.ts), and the
 * fields of the web form (api/web/forms). Write an action's input once, here, and nowhere else.
 */
export type TInputSpec =
  | TTextSpec
  | TNumberSpec
  | TBoolSpec
  | TEnumSpec<string>
  | TInstantSpec
  | TListSpec<TInputSpec>
  | TObjectSpec<TShape>
  | TOptionalSpec<TInputSpec>
  | TDefaultSpec<TInputSpec>;

export type TShape = Readonly<Record<string, TInputSpec>>;

export interface TTextSpec {
  readonly kind: 'text';
  readonly min: number;
  readonly max: number;
  /** A paragraph rather than a line (forms show a text area). */
  readonly multiline: boolean;
}
export interface TNumberSpec {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}
export interface TBoolSpec {
  readonly kind: 'bool';
}
export interface TEnumSpec<V extends string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
}
/** An ISO 8601 instant with an offset (2026-12-01T20:00:00+08:00). */
export interface TInstantSpec {
  readonly kind: 'instant';
}
export interface TListSpec<S extends TInputSpec> {
  readonly kind: 'list';
  readonly of: S;
  readonly min: number;
  readonly max: number;
}
export interface TObjectSpec<Sh extends TShape> {
  readonly kind: 'object';
  readonly shape: Sh;
}
export interface TOptionalSpec<S extends TInputSpec> {
  readonly kind: 'optional';
  readonly inner: S;
}
export interface TDefaultSpec<S extends TInputSpec> {
  readonly kind: 'default';
  readonly inner: S;
  /** `unknown` so the union of all specs stays a finite type for the compiler. */
  readonly value: unknown;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<Sh extends TShape> = {
  [K in keyof Sh]: Sh[K] extends TOptionalSpec<TInputSpec> ? K : never;
}[keyof Sh];

/** The parsed value a spec produces (defaults applied). */
export type TInferSpec<S> = S extends TTextSpec | TInstantSpec
  ? string
  : S extends TNumberSpec
    ? number
    : S extends TBoolSpec
      ? boolean
      : S extends TEnumSpec<infer V>
        ? V
        : S extends TListSpec<infer I>
          ? TInferSpec<I>[]
          : S extends TObjectSpec<infer Sh>
            ? Simplify<
                { [K in Exclude<keyof Sh, OptionalKeys<Sh>>]: TInferSpec<Sh[K]> } & {
                  [K in OptionalKeys<Sh>]?: TInferSpec<Sh[K]>;
                }
              >
            : S extends TOptionalSpec<infer I>
              ? TInferSpec<I> | undefined
              : S extends TDefaultSpec<infer I>
                ? TInferSpec<I>
                : never;

export const spec = {
  text: (options: { min?: number; max: number; multiline?: boolean }): TTextSpec => ({
    kind: 'text',
    min: options.min ?? 1,
    max: options.max,
    multiline: options.multiline ?? false,
  }),
  int: (min: number, max: number): TNumberSpec => ({ kind: 'number', min, max, integer: true }),
  number: (min: number, max: number): TNumberSpec => ({ kind: 'number', min, max, integer: false }),
  bool: (): TBoolSpec => ({ kind: 'bool' }),
  oneOf: <const V extends string>(values: readonly V[]): TEnumSpec<V> => ({ kind: 'enum', values }),
  instant: (): TInstantSpec => ({ kind: 'instant' }),
  list: <S extends TInputSpec>(of: S, options: { min?: number; max: number }): TListSpec<S> => ({
    kind: 'list',
    of,
    min: options.min ?? 0,
    max: options.max,
  }),
  object: <const Sh extends TShape>(shape: Sh): TObjectSpec<Sh> => ({ kind: 'object', shape }),
  optional: <S extends TInputSpec>(inner: S): TOptionalSpec<S> => ({ kind: 'optional', inner }),
  /** `value` must itself pass `inner` (a unit test checks every default of every registry). */
  withDefault: <S extends TInputSpec>(inner: S, value: unknown): TDefaultSpec<S> => ({
    kind: 'default',
    inner,
    value,
  }),
};

export interface TInputIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/**
 * How a broken number bound is worded. The action validators, the HTTP edge (api/http/input-spec-zod.ts) and the zod
 * schemas that share a bound with an action (a plan's script) say the same words.
 */
export const BOUND_WORDS = {
  atLeast: (min: number): string => `At least ${min}`,
  atMost: (max: number): string => `At most ${max}`,
};

const MISSING = Symbol('missing');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a database, a mail and a page can hold: no unpaired surrogate, no NUL. */
export function isStorableText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !text.includes('\u0000');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function parseNode(s: TInputSpec, value: unknown, path: (string | number)[], issues: TInputIssue[]): unknown {
  const issue = (code: string, message: string) => {
    issues.push({ path, message, code });
    return MISSING;
  };
  switch (s.kind) {
    case 'optional':
      return value === undefined ? undefined : parseNode(s.inner, value, path, issues);
    case 'default':
      return value === undefined ? s.value : parseNode(s.inner, value, path, issues);
    case 'text': {
      if (typeof value !== 'string') return issue('invalid_type', `Expected text, got ${typeName(value)}`);
      const text = value.trim();
      // An unpaired surrogate or a NUL is not text: it cannot be stored, mailed or shown.
      if (!isStorableText(text))
        return issue('invalid_string', 'Contains an unpaired surrogate or a NUL character');
      if (text.length < s.min)
        return issue('too_small', s.min === 1 ? 'Required' : `At least ${s.min} characters`);
      if (text.length > s.max) return issue('too_big', `At most ${s.max} characters`);
      return text;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return issue('invalid_type', `Expected a number, got ${typeName(value)}`);
      if (s.integer && !Number.isInteger(value)) return issue('invalid_type', 'Expected a whole number');
      if (value < s.min) return issue('too_small', BOUND_WORDS.atLeast(s.min));
      if (value > s.max) return issue('too_big', BOUND_WORDS.atMost(s.max));
      return value;
    }
    case 'bool':
      return typeof value === 'boolean' ? value : issue('invalid_type', `Expected true or false`);
    case 'enum':
      return typeof value === 'string' && s.values.includes(value)
        ? value
        : issue('invalid_value', `Expected one of ${s.values.join(', ')}`);
    case 'instant':
      return typeof value === 'string' && isIsoInstant(value.trim())
        ? value.trim()
        : issue(
            'invalid_format',
            'Expected an ISO 8601 date-time with offset, e.g. 2026-12-01T20:00:00+08:00',
          );
    case 'list': {
      if (!Array.isArray(value)) return issue('invalid_type', `Expected a list, got ${typeName(value)}`);
      if (value.length < s.min) return issue('too_small', `At least ${s.min} item(s)`);
      if (value.length > s.max) return issue('too_big', `At most ${s.max} item(s)`);
      return value.map((item, index) => parseNode(s.of, item, [...path, index], issues));
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return issue('invalid_type', `Expected an object, got ${typeName(value)}`);
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(s.shape)) {
        const parsed = parseNode(field, record[key], [...path, key], issues);
        if (parsed !== undefined && parsed !== MISSING) out[key] = parsed;
      }
      return out;
    }
  }
}

/** Parses `value` with `s`; unknown object keys are dropped. Returns the value and every issue found. */
export function checkInputSpec<S extends TInputSpec>(
  s: S,
  value: unknown,
): { ok: true; value: TInferSpec<S> } | { ok: false; issues: TInputIssue[] } {
  const issues: TInputIssue[] = [];
  const parsed = parseNode(s, value, [], issues);
  return issues.length === 0 ? { ok: true, value: parsed as TInferSpec<S> } : { ok: false, issues };
}

/** Throws INVALID_INPUT with the issues (the shape every 400 carries), naming the first problem's field. */
export function parseInputSpec<S extends TInputSpec>(s: S, value: unknown, what: string): TInferSpec<S> {
  return parseAnySpec(s, value, what) as TInferSpec<S>;
}

/** parseInputSpec for callers that hold a spec of unknown shape (registries). */
export function parseAnySpec(s: TInputSpec, value: unknown, what: string): unknown {
  const issues: TInputIssue[] = [];
  const parsed = parseNode(s, value, [], issues);
  if (issues.length === 0) return parsed;
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw new DomainError('INVALID_INPUT', `Invalid ${what}${where}: ${first?.message ?? 'invalid'}`, {
    issues,
  });
}
