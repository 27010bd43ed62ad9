import { niceStep, renderSeriesSvg, toCsv } from '../../../domain/review';

const T0 = Date.parse('2024-11-11T12:00:00Z');

describe('renderSeriesSvg', () => {
  const svg = renderSeriesSvg(
    [
      {
        label: 'viewers <live>',
        points: [0, 1, 2].map((i) => ({ x: T0 + i * 600_000, y: [100, 400, 250][i]! })),
      },
      { label: 'GMV & "orders"', points: [{ x: T0, y: 50 }], color: 'red" onload="alert(1)' },
    ],
    { title: '<script>x</script>', yLabel: '人数', timeZone: 'Asia/Shanghai' },
  );

  it('is one well-formed svg element with a polyline per non-empty series', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
  });

  it('escapes every caller text and refuses unsafe colors', () => {
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('viewers &lt;live&gt;');
    expect(svg).toContain('GMV &amp; &quot;orders&quot;');
    expect(svg).not.toContain('onload');
    expect(svg).toContain('人数');
  });

  it('labels the time axis in the stream zone', () => {
    expect(svg).toContain('>20:00<'); // 12:00Z in Shanghai
    expect(svg).toContain('>20:20<');
  });

  it('maps the maximum to the top of the y axis range and zero to the bottom of the plot', () => {
    const simple = renderSeriesSvg(
      [
        {
          label: 'a',
          points: [
            { x: 0, y: 0 },
            { x: 10, y: 400 },
          ],
        },
      ],
      { width: 200, height: 200 },
    );
    // Plot area: left 64, right 184, top 36, bottom 152; y range 0..400 (nice step 100).
    expect(simple).toContain('points="64,152 184,36"');
  });

  it('renders a placeholder when there is no data', () => {
    const empty = renderSeriesSvg([{ label: 'a', points: [{ x: 1, y: Number.NaN }] }], {
      emptyText: '暂无数据',
    });
    expect(empty).toContain('暂无数据');
    expect(empty).not.toContain('<polyline');
  });
});

describe('niceStep', () => {
  it.each([
    [400, 5, 100],
    [1000, 5, 200],
    [7, 5, 2],
    [0.3, 5, 0.1],
  ])('range %d in %d ticks -> %d', (range, count, step) => {
    expect(niceStep(range, count)).toBeCloseTo(step, 12);
  });
});

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks and uses CRLF', () => {
    expect(
      toCsv([
        ['kpi', 'note'],
        ['gmv', 'a,b'],
        ['orders', 'say "hi"'],
        ['likes', 'line1\nline2'],
        ['x', ' padded'],
      ]),
    ).toBe('kpi,note\r\ngmv,"a,b"\r\norders,"say ""hi"""\r\nlikes,"line1\nline2"\r\nx," padded"\r\n');
  });

  it('renders numbers, booleans and blanks, and guards text that a spreadsheet would run as a formula', () => {
    expect(toCsv([[1.5, -2, true, null, undefined, Number.NaN, '=SUM(A1)', '-1+2', '@cmd']])).toBe(
      "1.5,-2,true,,,,'=SUM(A1),'-1+2,'@cmd\r\n",
    );
    expect(toCsv([['=1']], { guardFormulas: false })).toBe('=1\r\n');
  });

  it('can add a BOM for Excel and returns an empty string for no rows', () => {
    expect(toCsv([['直播']], { bom: true })).toBe('\uFEFF直播\r\n');
    expect(toCsv([])).toBe('');
  });
});
