import { checkProductDocuments } from '../../../domain/compliance/product-documents';
import type { TProduct } from '../../../domain/stream/plan.types';

const doc = (expiresOn: string) => ({ issuer: '质检院', number: 'N-1', expiresOn });
const product = (documents: TProduct['documents']): TProduct => ({
  sku: 'A',
  name: '面霜',
  category: 'other',
  price: 1,
  stock: 1,
  onReject: 'drop',
  documents,
});
const STREAM_END = '2026-12-01T22:00:00+08:00';
const kinds = (p: TProduct, end = STREAM_END, options = {}) =>
  checkProductDocuments([p], end, options)[0]?.problems.map(
    (problem) => `${problem.document}:${problem.kind}`,
  );

describe('checkProductDocuments', () => {
  it('returns no problems for documents valid through the stream', () => {
    expect(
      checkProductDocuments(
        [product({ qualityInspection: doc('2027-01-01'), traceability: doc('2026-12-01') })],
        STREAM_END,
      ),
    ).toEqual([{ sku: 'A', problems: [] }]);
  });

  it('reports missing documents', () => {
    expect(kinds(product({ qualityInspection: doc('2027-01-01') }))).toEqual(['traceability:missing']);
    expect(kinds(product({}))).toEqual(['qualityInspection:missing', 'traceability:missing']);
  });

  it('reports malformed documents: empty issuer or number, or an impossible date', () => {
    const problems = checkProductDocuments(
      [
        product({
          qualityInspection: { issuer: ' ', number: '', expiresOn: '2027-01-01' },
          traceability: doc('2027-02-30'),
        }),
      ],
      STREAM_END,
    )[0]?.problems;
    expect(problems?.map((p) => p.kind)).toEqual(['malformed', 'malformed']);
    expect(problems?.[0]?.detail).toContain('issuer and number');
  });

  it('tells expired documents from ones expiring before the stream ends', () => {
    const p = product({ qualityInspection: doc('2026-11-20'), traceability: doc('2026-11-30') });
    expect(kinds(p, STREAM_END, { checkedAt: '2026-11-25T09:00:00+08:00' })).toEqual([
      'qualityInspection:expired',
      'traceability:expires_before_stream_end',
    ]);
    // Without a check time both are simply not valid for the stream.
    expect(kinds(p)).toEqual([
      'qualityInspection:expires_before_stream_end',
      'traceability:expires_before_stream_end',
    ]);
  });

  it('judges expiry days in the stream time zone (a stream ending 00:30 in Shanghai ends the next day)', () => {
    const p = product({ qualityInspection: doc('2027-01-01'), traceability: doc('2026-12-01') });
    const end = '2026-12-02T00:30:00+08:00';
    expect(kinds(p, end)).toEqual(['traceability:expires_before_stream_end']);
    expect(kinds(p, end, { timeZone: 'UTC' })).toEqual([]);
  });
});

describe('checkProductDocuments by product category', () => {
  const valid = { qualityInspection: doc('2027-01-01'), traceability: doc('2027-01-01') };
  const ofCategory = (category: TProduct['category'], documents: TProduct['documents']): TProduct => ({
    ...product(documents),
    category,
  });

  it('asks a 保健食品 for its 蓝帽子 approval', () => {
    expect(kinds(ofCategory('health_food', valid))).toEqual(['healthFoodApproval:missing']);
    expect(kinds(ofCategory('health_food', { ...valid, healthFoodApproval: doc('2030-01-01') }))).toEqual([]);
  });

  it('asks a 特殊化妆品 and a 医疗器械 for their registration certificate, and judges its expiry too', () => {
    expect(kinds(ofCategory('special_cosmetics', valid))).toEqual(['registration:missing']);
    expect(kinds(ofCategory('medical_device', valid))).toEqual(['registration:missing']);
    expect(kinds(ofCategory('medical_device', { ...valid, registration: doc('2026-11-30') }))).toEqual([
      'registration:expires_before_stream_end',
    ]);
  });

  it('asks ordinary categories only for the two documents every product needs', () => {
    for (const category of ['food', 'cosmetics', 'apparel', 'electronics', 'other'] as const)
      expect(kinds(ofCategory(category, valid))).toEqual([]);
  });

  it('treats a product recorded before categories existed as `other`', () => {
    const { category: _category, ...legacy } = ofCategory('health_food', valid);
    expect(checkProductDocuments([legacy], STREAM_END)).toEqual([{ sku: 'A', problems: [] }]);
  });
});
