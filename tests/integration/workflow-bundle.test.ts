import fs from 'node:fs';
import { requireTestEnv } from '../setup/test-env';

/**
 * The workflow bundle the worker runs (built once per test run, as the worker builds it): every cached workflow
 * evaluates its own copy of the modules in it, so it must hold workflow code, plain domain code and the Temporal SDK
 * only. A schema library in it costs ~1.8 MB per cached stream (npm run bench measures the memory).
 */
describe('the workflow bundle', () => {
  const code = fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8');
  const modules = [...code.matchAll(/"\.\/(node_modules\/[^"]+|[a-z][^"]*\.ts)"/g)].map((m) => m[1]!);

  it('contains no schema library, no database client and nothing of the API or activities', () => {
    expect(modules.length).toBeGreaterThan(40);
    const packages = [
      ...new Set(modules.filter((m) => m.startsWith('node_modules/')).map((m) => m.split('/')[1])),
    ];
    expect(packages.sort()).toEqual(expect.arrayContaining(['@temporalio']));
    expect(packages).not.toContain('zod');
    expect(modules.filter((m) => /^(api|activities|runtime)\//.test(m))).toEqual([]);
    expect(modules.filter((m) => m.endsWith('.schema.ts'))).toEqual([]);
  });
});
