import { isDateOnly, localDate } from '../shared/time';
import type { TProduct, TProductDocument, TProductDocumentKind } from '../stream/plan.types';
import { requiredDocumentKinds } from './category-requirements';
import type { TDocumentProblem, TProductCheckResult } from './product-documents.types';

const DOCUMENT_LABELS: Record<TProductDocumentKind, string> = {
  qualityInspection: '质检报告 quality inspection report',
  traceability: '溯源凭证 traceability certificate',
  healthFoodApproval: '保健食品批准证明（蓝帽子）health food approval',
  registration: '注册证 registration certificate',
};

/** Products parsed before categories existed carry none: they are held to what every product needs. */
type TCheckedProduct = Pick<TProduct, 'sku' | 'documents'> & Partial<Pick<TProduct, 'category'>>;

export interface TDocumentCheckOptions {
  /** Expiry dates are local calendar dates; judge them in the stream's time zone. */
  timeZone?: string;
  /** When given, documents already invalid at this instant are reported as expired rather than expiring. */
  checkedAt?: string;
}

function problemFor(
  kind: TProductDocumentKind,
  document: TProductDocument | undefined,
  streamEndDate: string,
  checkedDate: string | undefined,
): TDocumentProblem | undefined {
  const label = DOCUMENT_LABELS[kind];
  if (document === undefined) return { document: kind, kind: 'missing', detail: `${label} is missing` };
  const emptyFields = (['issuer', 'number'] as const).filter((field) => document[field].trim() === '');
  if (emptyFields.length > 0)
    return { document: kind, kind: 'malformed', detail: `${label}: empty ${emptyFields.join(' and ')}` };
  const expiresOn = document.expiresOn.trim();
  if (!isDateOnly(expiresOn))
    return {
      document: kind,
      kind: 'malformed',
      detail: `${label}: expiry "${document.expiresOn}" is not YYYY-MM-DD`,
    };
  // A document is valid through its expiry day, so only a strictly earlier date fails (YYYY-MM-DD compares as text).
  if (checkedDate !== undefined && expiresOn < checkedDate)
    return { document: kind, kind: 'expired', detail: `${label} expired on ${expiresOn}`, expiresOn };
  if (expiresOn < streamEndDate)
    return {
      document: kind,
      kind: 'expires_before_stream_end',
      detail: `${label} expires on ${expiresOn}, before the stream ends (${streamEndDate})`,
      expiresOn,
    };
  return undefined;
}

/**
 * Every product needs a valid quality inspection report and traceability certificate for the whole stream, plus what
 * its category requires (保健食品: the 蓝帽子 approval; 特殊化妆品 and 医疗器械: the registration certificate).
 * Returns one result per product (an empty problem list means the documents are in order).
 */
export function checkProductDocuments(
  products: readonly TCheckedProduct[],
  streamEndIso: string,
  options: TDocumentCheckOptions = {},
): TProductCheckResult[] {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const streamEndDate = localDate(streamEndIso, timeZone);
  const checkedDate = options.checkedAt === undefined ? undefined : localDate(options.checkedAt, timeZone);
  return products.map((product) => ({
    sku: product.sku,
    problems: requiredDocumentKinds(product.category ?? 'other').flatMap((kind) => {
      const problem = problemFor(kind, product.documents[kind], streamEndDate, checkedDate);
      return problem === undefined ? [] : [problem];
    }),
  }));
}
