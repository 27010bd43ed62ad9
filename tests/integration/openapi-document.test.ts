import request from 'supertest';
import { CAMPAIGN_ACTIONS } from '../../domain/campaign/actions';
import { STREAM_ACTIONS } from '../../domain/stream/actions';
import { createApiFixture, type ApiFixture } from './helpers/api';

jest.setTimeout(60_000);

type Schema = Record<string, unknown>;
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };

/**
 * Request bodies whose inner part is another system's format, passed through as it is: Temporal's history events
 * (the replay route reads them with Temporal's own historyFromJSON).
 */
const FOREIGN_FORMATS = [
  'post /api/audit/replay application/json/properties/histories/items/properties/history',
];

/** Where a schema says nothing about what may be sent: `{}`, or any extra member (`additionalProperties`). */
function unconstrained(schema: unknown, at: string): string[] {
  if (FOREIGN_FORMATS.some((prefix) => at.startsWith(prefix))) return [];
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Schema;
  if (Object.keys(node).length === 0) return [at];
  const found: string[] = [];
  if (node.additionalProperties !== undefined && node.additionalProperties !== false)
    found.push(`${at}/additionalProperties`);
  for (const [name, inner] of Object.entries((node.properties ?? {}) as Record<string, unknown>))
    found.push(...unconstrained(inner, `${at}/properties/${name}`));
  if (node.items !== undefined) found.push(...unconstrained(node.items, `${at}/items`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    ((node[key] ?? []) as unknown[]).forEach((inner, index) =>
      found.push(...unconstrained(inner, `${at}/${key}/${index}`)),
    );
  return found;
}

const propertiesOf = (schema: unknown) => Object.keys(((schema as Schema).properties ?? {}) as Schema);

describe('the OpenAPI document', () => {
  let f: ApiFixture;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    f = await createApiFixture();
    paths = (await request(f.app).get('/openapi.json').expect(200)).body.paths;
  });
  afterAll(async () => f?.close());

  const body = (path: string) => paths[path]!.post!.requestBody!.content['application/json']!.schema;

  it('describes every field of every request body, from the schema the route or the domain parses it with', () => {
    const gaps = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.requestBody?.content ?? {}).flatMap(([type, { schema }]) =>
          unconstrained(schema, `${method} ${path} ${type}`),
        ),
      ),
    );
    expect(gaps).toEqual([]);
  });

  it('describes a campaign plan as fully as a stream plan, its streams written out or named by template', () => {
    const campaign = body('/api/campaigns');
    expect(propertiesOf(campaign)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'owner',
        'timeZone',
        'goals',
        'budget',
        'windows',
        'streams',
        'recurring',
      ]),
    );
    expect(propertiesOf((campaign.properties as Record<string, Schema>).windows)).toEqual([
      'preheatStart',
      'burstStart',
      'burstEnd',
      'tailEnd',
    ]);
    const entry = ((campaign.properties as Record<string, Schema>).streams!.items as Schema)
      .anyOf as Schema[];
    // A stream written out carries a stream plan, the very one POST /api/streams documents.
    const written = entry.find((option) => propertiesOf(option).includes('plan'))!;
    expect(propertiesOf((written.properties as Record<string, Schema>).plan)).toEqual(
      expect.arrayContaining(propertiesOf(body('/api/streams')).filter((field) => field !== 'id')),
    );
    expect(entry.map(propertiesOf)).toContainEqual(expect.arrayContaining(['key', 'templateId', 'start']));
    // A template's plan is documented per kind, the campaign's being the same plan.
    const templates = body('/api/templates').oneOf as Schema[];
    const byKind = Object.fromEntries(
      templates.map((option) => {
        const { kind, plan } = option.properties as Record<string, Schema>;
        return [kind!.const as string, propertiesOf(plan)];
      }),
    );
    expect(byKind).toEqual({
      stream: expect.arrayContaining(['title', 'scheduledStart', 'products', 'script']),
      campaign: expect.arrayContaining(['name', 'windows', 'streams', 'recurring']),
    });
  });

  it.each([
    ['stream', STREAM_ACTIONS],
    ['campaign', CAMPAIGN_ACTIONS],
  ] as const)(
    'serves one %s action route per registry entry, its body the fields of the entry, and changes the kind by no other route',
    (kind, registry) => {
      const actions = `/api/${kind}s/{id}/actions/`;
      const served = Object.keys(paths).filter((path) => path.startsWith(actions));
      expect(served.map((path) => path.slice(actions.length)).sort()).toEqual(
        registry.map((def) => def.name).sort(),
      );
      for (const def of registry) {
        expect(Object.keys(paths[actions + def.name]!)).toEqual(['post']);
        const fields = def.input.kind === 'object' ? Object.keys(def.input.shape) : [];
        expect({ action: def.name, fields: propertiesOf(body(actions + def.name)) }).toEqual({
          action: def.name,
          fields,
        });
      }
      // Besides its actions, a workflow of this kind is only created (a clone is a new campaign), never changed.
      const others = Object.entries(paths)
        .filter(([path]) => path.startsWith(`/api/${kind}s/{id}`) && !path.startsWith(actions))
        .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
        .filter((route) => !route.startsWith('get '));
      expect(others).toEqual(kind === 'campaign' ? ['post /api/campaigns/{id}/clone'] : []);
    },
  );
});
