import { ZProductSchema } from '../../../../domain/stream/plan.types';

describe('product category on the plan', () => {
  const product = { sku: 'A', name: '鱼油', price: 99, stock: 10 };

  it('parses plans written before categories as `other`', () => {
    expect(ZProductSchema.parse(product).category).toBe('other');
  });

  it('accepts the known categories with their documents and a reference price, and nothing else', () => {
    const parsed = ZProductSchema.parse({
      ...product,
      category: 'health_food',
      referencePrice: 129,
      documents: {
        healthFoodApproval: {
          issuer: '国家市场监督管理总局',
          number: '国食健注G20200001',
          expiresOn: '2030-01-01',
        },
      },
    });
    expect(parsed).toMatchObject({ category: 'health_food', referencePrice: 129 });
    expect(parsed.documents.healthFoodApproval?.number).toBe('国食健注G20200001');
    expect(ZProductSchema.safeParse({ ...product, category: 'toys' }).success).toBe(false);
  });
});
