import path from 'node:path';

/** The subset of a plan the bench reads back (to sign the checklist and decide the products). */
export interface SamplePlan {
  products: Array<{ sku: string }>;
  checklist: Array<{ id: string }>;
  plannedDurationMinutes: number;
  [field: string]: unknown;
}

export type TimingOverrides = Record<string, number | number[]>;

export type BuildSamplePlan = (options: {
  scheduledStart: string;
  owner?: string;
  timing?: TimingOverrides;
}) => SamplePlan;

/**
 * The target's own sample plan (domain/stream/sample-plan.ts), loaded from the checkout under test rather than copied
 * here: "the sample plan" of each version is the one that version ships, and the plan is sent through the public API
 * as JSON, so nothing else of the target's code runs in the bench.
 */
export function loadSamplePlanBuilder(target: string): BuildSamplePlan {
  const file = path.join(target, 'domain/stream/sample-plan.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module lives in another checkout
  const module = require(file) as { buildSamplePlan?: unknown };
  if (typeof module.buildSamplePlan !== 'function')
    throw new Error(`${file} exports no buildSamplePlan({ scheduledStart, owner, timing })`);
  return module.buildSamplePlan as BuildSamplePlan;
}

/** ISO instant with an explicit offset, as plans require, `seconds` from now. */
export function isoInSeconds(seconds: number): string {
  return new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000)
    .toISOString()
    .replace('.000Z', '+00:00');
}
