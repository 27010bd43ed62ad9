import { DEFAULT_RULE_PACK } from '../../../../domain/compliance/default-rules';
import { scanScript, type TScanProduct } from '../../../../domain/compliance/scan-script';
import { kindsOf, scanLine } from './scan-helpers';

const priceFindings = (text: string, referencePrice?: number) =>
  scanLine(text, 'food', referencePrice === undefined ? {} : { referencePrice }).filter(
    (f) => f.kind === 'reference_price',
  );

describe('reference price claims (原价 N ... 只要 M)', () => {
  it('flags a was-price followed by a lower price when the product documents no reference price', () => {
    const [finding] = priceFindings('原价599今天只要99，直接拍两份');
    expect(finding).toMatchObject({
      term: '原价599今天只要99',
      offset: 0,
      ruleId: 'price-reference-comparison',
    });
    expect(finding?.basis.citation).toContain('《明码标价和禁止价格欺诈规定》第十六条');
  });

  it('is backed by a documented reference price at least as high as the claim, and not by a lower one', () => {
    expect(priceFindings('原价599今天只要99', 599)).toEqual([]);
    expect(priceFindings('原价599今天只要99', 650)).toEqual([]);
    expect(priceFindings('原价599今天只要99', 399)).toHaveLength(1);
  });

  it('reads prices as hosts write them', () => {
    for (const line of [
      '吊牌价899，到手价199',
      '专柜价一百九十九，今天直播间九十九两盒',
      '超市卖六十八一袋，直播间到手价只要二十九块九',
      '官网价四千九，直播间只要三千五',
      '官网卖五千九百九十九，直播间到手四千九百九十九',
      '原价一千二，今天只要四百九',
      '原价三百零五，今天两百九',
    ])
      expect(priceFindings(line)).toHaveLength(1);
  });

  it('does not flag a was-price without a lower price, or a count after an offer word', () => {
    for (const line of [
      '原价是89，今天也是89，只是多送一包',
      '吊牌价是四百九十九，今天就是这个价，送围巾',
      '第一件原价，第二件半价',
      '原价199，今天第二件半价',
      '原价的话我们就不说了，今天直播间就是六十九',
    ])
      expect(priceFindings(line)).toEqual([]);
  });

  it('judges a segment naming no product as unbacked if any product on sale lacks the reference', () => {
    const closing = [{ id: 'close', text: '原价599今天只要99' }];
    const scan = (products: TScanProduct[]) =>
      kindsOf(scanScript(closing, DEFAULT_RULE_PACK, { products }).findings);
    const backed: TScanProduct = { sku: 'A', category: 'food', referencePrice: 600 };
    expect(scan([backed, { sku: 'B', category: 'apparel', referencePrice: 700 }])).toEqual([]);
    expect(scan([backed, { sku: 'B', category: 'apparel' }])).toEqual(['reference_price']);
  });
});
