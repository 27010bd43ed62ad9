import { parseInput } from '../shared/parse-input';
import { ZStreamPlanSchema, type TStreamPlan } from './plan.types';

/** Throws DomainError INVALID_INPUT carrying the zod issues, so API and workflow report the same details. */
export function parseStreamPlan(input: unknown): TStreamPlan {
  return parseInput(ZStreamPlanSchema, input, 'stream plan');
}
