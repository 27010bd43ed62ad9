import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [key: string]: unknown;
};

/** Strings that broke or could break a layer below the schema: encodings, the database, templates, URLs. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\ud800',
  'a\udc00b',
  'nul\u0000byte',
  '%zz',
  '%E0%A4%A',
  '../../etc/passwd',
  '/.//evil.example',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '9007199254740991',
  '-1',
  '1e309',
  'NaN',
  '😀'.repeat(40),
  '名'.repeat(201),
  'x'.repeat(5000),
  'line\r\nbreak',
  '\u202e\u200b',
];

export const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e-7,
  59,
  86_400,
  1e12 + 1,
  2 ** 31,
  9007199254740991,
  1e308,
  -1e308,
];

export const nastyString = () =>
  fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }));

/** Any JSON value, now and then a hostile one. */
export const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: nastyString() },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  );

/** Instants that the schemas only know as strings (ISO with offset): valid now and then, so inputs get past them. */
const isoInstant = () =>
  fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString());
const looksLikeInstant = (name: string | undefined) =>
  name !== undefined && /(start|^from$|^to$|at$|^ts$|expires)/i.test(name);

function stringArbitrary(schema: JsonSchema, name: string | undefined): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  if (schema.format === 'email')
    return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 254));
  if (schema.format === 'date-time' || looksLikeInstant(name))
    return fc.oneof(isoInstant(), fc.string({ minLength, maxLength }));
  if (schema.pattern !== undefined) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain strings, mostly refused.
    }
  }
  return fc.string({ minLength, maxLength });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low =
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : schema.minimum;
  const high =
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : schema.maximum;
  const min = Math.max(low ?? -1e6, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(high ?? 1e6, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

/**
 * Values for a JSON schema as zod writes them (OpenAPI 3.1): mostly valid, so requests get past validation into the
 * handlers. `mutate` replaces leaves by hostile values now and then, so they also probe what sits behind the schema.
 */
export function fromSchema(
  schema: JsonSchema | undefined,
  mutate: boolean,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const leaf = (arbitrary: fc.Arbitrary<unknown>) =>
    mutate ? fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: anyJson() }) : arbitrary;
  if (schema === undefined || depth > 6) return anyJson();
  if (schema.const !== undefined) return leaf(fc.constant(schema.const));
  if (schema.enum !== undefined) return leaf(fc.constantFrom(...schema.enum));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, mutate, name, depth + 1)));
  if (schema.allOf) {
    // zod writes an intersection of objects as allOf: one object with every part's properties.
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      Object.assign(merged.properties!, part.properties ?? {});
      merged.required!.push(...(part.required ?? []));
    }
    return fromSchema(merged, mutate, name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return leaf(stringArbitrary(schema, name));
    case 'integer':
    case 'number':
      return leaf(numberArbitrary(schema, type === 'integer'));
    case 'boolean':
      return leaf(fc.boolean());
    case 'null':
      return leaf(fc.constant(null));
    case 'array':
      return fc.array(fromSchema(schema.items, mutate, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties))
        record[key] = fromSchema(property, mutate, key, depth + 1);
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      const object = fc.record(record, { requiredKeys });
      if (!mutate) return object;
      // Unknown keys, and now and then a required one missing.
      return fc.oneof(
        { weight: 5, arbitrary: object },
        {
          weight: 1,
          arbitrary: fc
            .tuple(object, fc.dictionary(nastyString(), anyJson(), { maxKeys: 3 }))
            .map(([o, extra]) => ({
              ...extra,
              ...o,
            })),
        },
        { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), anyJson(), { maxKeys: 4 }) },
      );
    }
    default:
      return anyJson();
  }
}
