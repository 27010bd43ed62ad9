import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { anyJson, fromSchema, nastyString, type JsonSchema } from './json-schema-arbitrary';

export type Credentials = 'admin' | 'role' | 'none' | 'bad-token' | 'session' | 'session-without-csrf';

/** One operation of the OpenAPI document, as the fuzz needs it. */
export interface DocumentedRoute {
  method: 'get' | 'post' | 'delete';
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }>;
  bodyType?: 'application/json' | 'application/x-www-form-urlencoded';
  bodySchema?: JsonSchema;
  /** Roles of the route ('public', 'authenticated' or role names). */
  access: string | string[];
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Kept as text so a counterexample reads; `deflated` sends it compressed (as its Content-Encoding says). */
  body?: string;
  deflated?: boolean;
  credentials: Credentials;
}

/** The bytes on the wire. */
export const bodyBytes = (request: FuzzRequest) =>
  request.body === undefined
    ? undefined
    : request.deflated
      ? deflateSync(Buffer.from(request.body, 'utf8'))
      : Buffer.from(request.body, 'utf8');

interface Operation {
  parameters?: DocumentedRoute['parameters'];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  'x-access': string | string[];
}

export function documentedRoutes(document: {
  paths: Record<string, Record<string, Operation>>;
}): DocumentedRoute[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const [bodyType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method as DocumentedRoute['method'],
        path,
        parameters: operation.parameters ?? [],
        ...(bodyType
          ? { bodyType: bodyType as DocumentedRoute['bodyType'], bodySchema: content?.schema }
          : {}),
        access: operation['x-access'],
      };
    }),
  );
}

/** encodeURIComponent throws on a lone surrogate, which UTF-8 cannot carry: send U+FFFD in its place. */
const encode = (value: string) => encodeURIComponent(value.replace(/\p{Cs}/gu, '\ufffd'));

const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

const pathSegment = (schema: JsonSchema | undefined) =>
  fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, false).map((v) => encode(text(v))) },
    { weight: 1, arbitrary: nastyString().map((s) => encode(s)) },
    { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%A4%A', '%00', '..', '%2F', '%ED%A0%80') },
  );

const queryValue = (schema: JsonSchema | undefined, name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, false, name).map((v) => [encode(text(v))]) },
    { weight: 1, arbitrary: nastyString().map((s) => [encode(s)]) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 })
        .map((a) => a.map(encode)),
    },
    { weight: 1, arbitrary: fc.constant(['%zz']) },
  );

/** JSON nested past any limit: the kind of input that overflows a recursive walk. */
const deeplyNested = fc
  .integer({ min: 60, max: 5000 })
  .map((depth) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`);

function jsonBody(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, false).map((v) => JSON.stringify(v)) },
    { weight: 4, arbitrary: fromSchema(schema, true).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: anyJson().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: deeplyNested },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string(),
        fc.constantFrom('{"a":', '[', '', '"\\ud800"', '{"__proto__":{"admin":true}}'),
      ),
    },
  );
}

function formBody(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  return fc
    .oneof(
      fromSchema(schema, false),
      fromSchema(schema, true),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
    )
    .map((value) => {
      const fields = typeof value === 'object' && value !== null ? Object.entries(value) : [['value', value]];
      return fields.map(([k, v]) => `${encode(text(k))}=${encode(text(v))}`).join('&');
    });
}

/** Content-Type and Content-Encoding as clients get them right and wrong. */
const bodyHeaders = (bodyType: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant({ type: bodyType, encoding: undefined as string | undefined }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/xml', bodyType),
        encoding: fc.constantFrom(undefined, 'deflate', 'gzip', 'br', 'x-unknown'),
      }),
    },
  );

/** Requests for one documented route: its parameters, body and credentials, valid and not. */
export function routeRequests(route: DocumentedRoute): fc.Arbitrary<FuzzRequest> {
  const pathParams = route.parameters.filter((p) => p.in === 'path');
  const queryParams = route.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => pathSegment(p.schema)))
    .map((values) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i] ?? ''), route.path),
    );
  const query = fc
    .tuple(...queryParams.map((p) => fc.option(queryValue(p.schema, p.name), { freq: 2 })))
    .map((values) =>
      queryParams.flatMap((p, i) => (values[i] ?? []).map((v) => `${encode(p.name)}=${v}`)).join('&'),
    );
  const idempotencyKey =
    route.method === 'post'
      ? fc.option(
          fc.oneof(
            fc.uuid(),
            fc.constantFrom('fuzz-key-1', 'fuzz-key-2'),
            fc.stringMatching(/^[\x20-\x7e]{0,300}$/),
          ),
          {
            freq: 2,
          },
        )
      : fc.constant(null);
  const body =
    route.bodyType === undefined
      ? fc.constant(undefined)
      : fc
          .tuple(
            route.bodyType === 'application/json' ? jsonBody(route.bodySchema) : formBody(route.bodySchema),
            bodyHeaders(route.bodyType),
            fc.boolean(),
          )
          .map(([raw, headers, compressCorrectly]) => ({
            raw,
            deflated: headers.encoding === 'deflate' && compressCorrectly,
            headers,
          }));
  const credentials = fc.constantFrom<Credentials>(
    'admin',
    'admin',
    'admin',
    'role',
    'none',
    'bad-token',
    'session',
    'session-without-csrf',
  );
  return fc.record({ path, query, idempotencyKey, body, credentials }).map((r) => ({
    method: route.method.toUpperCase(),
    path: r.query === '' ? r.path : `${r.path}?${r.query}`,
    headers: {
      Accept: 'application/json',
      ...(r.idempotencyKey === null ? {} : { 'Idempotency-Key': r.idempotencyKey }),
      ...(r.body === undefined
        ? {}
        : {
            'Content-Type': r.body.headers.type,
            ...(r.body.headers.encoding === undefined ? {} : { 'Content-Encoding': r.body.headers.encoding }),
          }),
    },
    ...(r.body === undefined ? {} : { body: r.body.raw, deflated: r.body.deflated }),
    credentials: r.credentials,
  }));
}
