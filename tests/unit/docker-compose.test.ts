import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_SCHEMA, parseConfig } from '../../runtime/config';

// No Docker engine runs on our machines, so the compose file is checked statically against the config schema.
interface Service {
  build?: unknown;
  image?: string;
  depends_on?: string[] | Record<string, unknown>;
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
}
const compose = parse(fs.readFileSync(path.join(__dirname, '../../docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const services = compose.services;
const liveopsServices = Object.entries(services).filter(([, s]) => s.build !== undefined);

function containerPorts(service: Service): string[] {
  return [...(service.ports ?? []).map((p) => p.split(':').pop()!), ...(service.expose ?? [])];
}

describe('docker-compose.yml', () => {
  it('builds a worker and an API from the Dockerfile', () => {
    expect(liveopsServices.map(([name]) => name).sort()).toEqual(['liveops-api', 'liveops-worker']);
    expect(fs.existsSync(path.join(__dirname, '../../Dockerfile'))).toBe(true);
  });

  it.each(liveopsServices)(
    '%s sets only variables the config schema accepts, with valid values',
    (_name, service) => {
      const env = service.environment ?? {};
      const known = Object.keys(ENV_SCHEMA.shape);
      expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
      const config = parseConfig(env);
      expect(config.temporal.address).toBeDefined();
    },
  );

  it.each(liveopsServices)(
    '%s reaches Temporal and the database through services that exist',
    (_name, service) => {
      const env = service.environment ?? {};
      const [temporalHost, temporalPort] = env.TEMPORAL_ADDRESS!.split(':');
      expect(services[temporalHost!]).toBeDefined();
      expect(containerPorts(services[temporalHost!]!)).toContain(temporalPort);
      const dbUrl = new URL(env.DATABASE_URL!);
      expect(services[dbUrl.hostname]).toBeDefined();
      expect(containerPorts(services[dbUrl.hostname]!)).toContain(dbUrl.port);
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      expect(deps).toEqual(expect.arrayContaining([temporalHost, dbUrl.hostname]));
    },
  );

  it('has consistent dependencies, host ports and named volumes', () => {
    const hostPorts: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dep of deps)
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
      for (const port of service.ports ?? []) hostPorts.push(port.split(':')[0]!);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(compose.volumes).toHaveProperty(source);
      }
    }
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    const api = services['liveops-api']!;
    expect(api.ports).toContain(`${api.environment!.PORT}:${api.environment!.PORT}`);
    expect(api.environment!.HOST).toBe('0.0.0.0');
  });
});
