import { escapeHtml } from '../notify/escape-html';
import { formatLocalClock } from '../time/format-zoned';

export interface TChartSeries {
  label: string;
  /** x: epoch ms when options.timeZone is set (labels show local HH:MM), otherwise any number. */
  points: ReadonlyArray<{ x: number; y: number }>;
  color?: string;
}

export interface TSeriesSvgOptions {
  width?: number;
  height?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Read x as epoch ms and label ticks with the local clock time in this zone (the stream's zone). */
  timeZone?: string;
  /** Shown instead of the plot when there is nothing to draw. */
  emptyText?: string;
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];
const MARGIN = { top: 36, right: 16, bottom: 48, left: 64 };
const TICKS = 5;
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A "nice" tick step (1, 2 or 5 times a power of ten) covering the range in about `count` steps. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const factor = [1, 2, 5, 10].find((f) => f * magnitude >= raw) ?? 10;
  return factor * magnitude;
}

// Colors come from callers; only accept plain CSS color tokens so nothing can break out of the attribute.
const safeColor = (color: string | undefined, index: number): string =>
  color && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/.test(color)
    ? color
    : (PALETTE[index % PALETTE.length] ?? '#000');

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Inline SVG line chart for the review report: pure string building, every caller-provided text escaped. */
export function renderSeriesSvg(series: readonly TChartSeries[], options: TSeriesSvgOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const title = options.title ?? '';
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="sans-serif" font-size="11">`;
  const parts: string[] = [open, `<title>${escapeHtml(title)}</title>`];
  if (title)
    parts.push(
      `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeHtml(title)}</text>`,
    );

  const cleaned = series.map((s) => ({
    ...s,
    points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x),
  }));
  const all = cleaned.flatMap((s) => s.points);
  if (all.length === 0) {
    const text = escapeHtml(options.emptyText ?? 'No data');
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">${text}</text></svg>`);
    return parts.join('');
  }

  const plot = { x0: MARGIN.left, y0: MARGIN.top, x1: width - MARGIN.right, y1: height - MARGIN.bottom };
  const xMin = Math.min(...all.map((p) => p.x));
  const xMax = Math.max(...all.map((p) => p.x));
  // The y axis starts at zero for non-negative data: a chart that starts at 900 makes 950 -> 1000 look like doubling.
  const dataMin = Math.min(...all.map((p) => p.y));
  const dataMax = Math.max(...all.map((p) => p.y));
  const step = niceStep(Math.max(dataMax - Math.min(0, dataMin), Math.abs(dataMax) || 1), TICKS);
  const yMin = Math.floor(Math.min(0, dataMin) / step) * step;
  const yMax = Math.max(Math.ceil(dataMax / step) * step, yMin + step);
  const sx = (x: number) =>
    xMax === xMin ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((x - xMin) / (xMax - xMin)) * (plot.x1 - plot.x0);
  const sy = (y: number) => plot.y1 - ((y - yMin) / (yMax - yMin)) * (plot.y1 - plot.y0);

  parts.push(
    `<line x1="${plot.x0}" y1="${plot.y1}" x2="${plot.x1}" y2="${plot.y1}" stroke="#333"/>`,
    `<line x1="${plot.x0}" y1="${plot.y0}" x2="${plot.x0}" y2="${plot.y1}" stroke="#333"/>`,
  );
  for (let y = yMin; y <= yMax + step / 2; y += step) {
    parts.push(
      `<line x1="${plot.x0}" y1="${num(sy(y))}" x2="${plot.x1}" y2="${num(sy(y))}" stroke="#e5e7eb"/>`,
      `<text x="${plot.x0 - 6}" y="${num(sy(y) + 4)}" text-anchor="end">${escapeHtml(compact.format(y))}</text>`,
    );
  }
  const xTicks =
    xMax === xMin ? [xMin] : Array.from({ length: TICKS + 1 }, (_, i) => xMin + ((xMax - xMin) * i) / TICKS);
  for (const x of xTicks) {
    const label = options.timeZone ? formatLocalClock(x, options.timeZone) : compact.format(x);
    parts.push(
      `<text x="${num(sx(x))}" y="${plot.y1 + 16}" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  }
  if (options.xLabel) {
    parts.push(
      `<text x="${(plot.x0 + plot.x1) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    );
  }
  if (options.yLabel) {
    const cy = (plot.y0 + plot.y1) / 2;
    parts.push(
      `<text x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">${escapeHtml(options.yLabel)}</text>`,
    );
  }

  cleaned.forEach((s, i) => {
    const color = safeColor(s.color, i);
    if (s.points.length > 0) {
      const coords = s.points.map((p) => `${num(sx(p.x))},${num(sy(p.y))}`).join(' ');
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${coords}"/>`);
    }
    const ly = plot.y0 + 4 + i * 14;
    parts.push(
      `<rect x="${plot.x1 - 120}" y="${ly - 8}" width="10" height="10" fill="${color}"/>`,
      `<text x="${plot.x1 - 105}" y="${ly + 1}">${escapeHtml(s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
