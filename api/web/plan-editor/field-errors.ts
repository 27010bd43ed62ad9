import type { z } from 'zod';
import type { Translate } from '../i18n';
import { fieldOfPath, text, type TPlanFormValues } from './plan-form';

/** Field name -> what is wrong with it, in the reader's language. */
export type TFieldErrors = Map<string, string>;

type Issue = z.core.$ZodIssue;

/** One zod issue in words: by its code and bounds, never zod's English sentence. */
function issueText(t: Translate, issue: Issue, typed: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return typed === '' ? t('fieldError.required') : t('fieldError.number');
    case 'too_small':
      if (issue.origin === 'string' || (issue.origin === 'array' && Number(issue.minimum) <= 1))
        return t('fieldError.required');
      return t('fieldError.min', { min: String(issue.minimum) });
    case 'too_big':
      return t('fieldError.max', { max: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('fieldError.email') : t('fieldError.format');
    case 'invalid_value':
      return t('fieldError.choice');
    case 'custom':
      if (issue.message.startsWith('Duplicate sku')) return t('fieldError.duplicateSku');
      if (issue.message.startsWith('Unknown sku')) return t('fieldError.unknownSku');
      if (issue.message.startsWith('Duplicate segment')) return t('fieldError.duplicateSegment');
      return t('fieldError.invalid');
    default:
      return t('fieldError.invalid');
  }
}

/** Every issue of the plan next to the field it belongs to (the first per field: one thing to fix at a time). */
export function fieldErrors(t: Translate, issues: readonly Issue[], form: TPlanFormValues): TFieldErrors {
  const out: TFieldErrors = new Map();
  for (const issue of issues) {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : part));
    const field = fieldOfPath(path, form);
    if (!out.has(field)) out.set(field, issueText(t, issue, text(form, field)));
  }
  return out;
}

/**
 * Script lines that pitch a SKU the lineup does not have, read from the form's own rows. The plan schema checks this
 * too, but zod runs a plan's cross-checks only once every field parses: the planner should see it in the same round.
 */
export function lineupIssues(input: Record<string, unknown>): Issue[] {
  const products = Array.isArray(input.products) ? (input.products as { sku?: unknown }[]) : [];
  const script = Array.isArray(input.script) ? (input.script as { productSku?: unknown }[]) : [];
  const skus = new Set(products.map((product) => product.sku));
  return script.flatMap((segment, index) =>
    typeof segment.productSku === 'string' && !skus.has(segment.productSku)
      ? [
          {
            code: 'custom' as const,
            path: ['script', index, 'productSku'],
            message: `Unknown sku ${segment.productSku}`,
            input: segment.productSku,
          },
        ]
      : [],
  );
}
