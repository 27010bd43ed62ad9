import { z } from 'zod';
import { PRODUCT_DOCUMENT_KINDS } from '../stream/plan.types';

export const DOCUMENT_PROBLEM_KINDS = [
  'missing',
  'malformed',
  'expired',
  'expires_before_stream_end',
] as const;

export const ZDocumentProblemSchema = z.object({
  document: z.enum(PRODUCT_DOCUMENT_KINDS),
  kind: z.enum(DOCUMENT_PROBLEM_KINDS),
  /** Human-readable reason, shown to the reviewer and kept as evidence with the decision. */
  detail: z.string(),
  expiresOn: z.string().optional(),
});
export type TDocumentProblem = z.infer<typeof ZDocumentProblemSchema>;

export const ZProductCheckResultSchema = z.object({
  sku: z.string(),
  problems: z.array(ZDocumentProblemSchema),
});
export type TProductCheckResult = z.infer<typeof ZProductCheckResultSchema>;
