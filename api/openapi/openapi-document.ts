import { z } from 'zod';
import type { RouteSpec } from '../http/route';

type JsonSchema = Record<string, unknown>;

/** Request schemas describe what may be sent (io: input); transforms and refinements are not representable. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const described = jsonSchema(field, 'input');
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(typeof described.description === 'string' ? { description: described.description } : {}),
      schema: described,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function accessText(spec: RouteSpec): string {
  if (spec.access === 'public') return 'Access: anyone.';
  if (spec.access === 'authenticated') return 'Access: any signed-in user or API token.';
  return `Access: role ${spec.access.roles.join(' or ')} (admin passes every role check).`;
}

/** OpenAPI 3.1 from the same zod schemas the routes validate with. */
export function buildOpenApiDocument(specs: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [spec.success.status]: {
        description: spec.success.description,
        content: Object.fromEntries(
          (spec.success.contentTypes ?? ['application/json']).map((type) => [
            type,
            type === 'application/json' && spec.success.schema
              ? { schema: jsonSchema(spec.success.schema, 'output') }
              : {},
          ]),
        ),
      },
      400: errorResponse('Invalid input (zod issues in error.details)'),
    };
    if (spec.access !== 'public') {
      responses[401] = errorResponse('Not signed in, or an invalid API token');
      responses[403] = errorResponse(
        'Role not allowed, or CSRF token missing on a cookie-authenticated request',
      );
    }
    for (const [status, description] of Object.entries(spec.refusals ?? {}))
      if (description) responses[status] = errorResponse(description);
    if (spec.method === 'post' && spec.access !== 'public') {
      responses[409] ??= errorResponse('IDEMPOTENCY_IN_PROGRESS');
      responses[422] = errorResponse(
        'IDEMPOTENCY_CONFLICT: the Idempotency-Key was used for another request',
      );
    }
    const idempotencyHeader =
      spec.method === 'post' && spec.access !== 'public'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Same key and body again: the stored response is replayed, nothing runs twice',
              schema: { type: 'string', maxLength: 255 },
            },
          ]
        : [];
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      description: [spec.description, accessText(spec)].filter(Boolean).join('\n\n'),
      'x-access':
        spec.access === 'public' || spec.access === 'authenticated' ? spec.access : spec.access.roles,
      parameters: [
        ...parameters(spec.params, 'path'),
        ...parameters(spec.query, 'query'),
        ...idempotencyHeader,
      ],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: {
                [spec.bodyType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json']: {
                  schema: jsonSchema(spec.body, 'input'),
                },
              },
            },
          }
        : {}),
      responses,
      security: spec.access === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'liveops API',
      version,
      description:
        'Live-stream operations (直播运营) on Temporal. Errors: { "error": { "code", "message", "details" } }. ' +
        'Integrations send `Authorization: Bearer <API token>`; browsers use the session cookie from POST /login and ' +
        'send the CSRF token (`_csrf` field or `X-CSRF-Token` header) with every state-changing request.',
    },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token (lo_...), created by an admin',
        },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'liveops_session' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
