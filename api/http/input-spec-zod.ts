import { z } from 'zod';
import { BOUND_WORDS, isStorableText, type TInputSpec } from '../../domain/engine/input-spec';
import { isIsoInstant } from '../../domain/shared/time';

/**
 * The zod schema of a domain input spec, for the HTTP edge and the OpenAPI document. The workflow parses the same spec
 * with its own small parser (domain/engine/input-spec.ts), so the edge and the Update validators accept the same input.
 */
export function specToZod(spec: TInputSpec): z.ZodType {
  switch (spec.kind) {
    case 'text':
      return z
        .string()
        .trim()
        .min(spec.min, spec.min === 1 ? 'Required' : `At least ${spec.min} characters`)
        .max(spec.max, `At most ${spec.max} characters`)
        .refine(isStorableText, 'Contains an unpaired surrogate or a NUL character');
    case 'number': {
      const base = spec.integer ? z.number().int() : z.number();
      return base.min(spec.min, BOUND_WORDS.atLeast(spec.min)).max(spec.max, BOUND_WORDS.atMost(spec.max));
    }
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(spec.values as [string, ...string[]]);
    case 'instant':
      return z.string().trim().refine(isIsoInstant, {
        message: 'Expected an ISO 8601 date-time with offset, e.g. 2026-12-01T20:00:00+08:00',
      });
    case 'list':
      return z.array(specToZod(spec.of)).min(spec.min).max(spec.max);
    case 'object':
      return z.object(
        Object.fromEntries(Object.entries(spec.shape).map(([key, field]) => [key, specToZod(field)])),
      );
    case 'optional':
      return specToZod(spec.inner).optional();
    case 'default':
      return specToZod(spec.inner).default(spec.value as never);
  }
}
