import { escapeHtml } from '../../domain/notify/escape-html';

/**
 * A report as data, independent of any one report: the stream review (复盘) today; campaign reviews and daily,
 * weekly and monthly summaries later build the same document and reuse the renderer.
 */
export interface ReportDocument {
  lang: 'zh-CN' | 'en';
  title: string;
  subtitle?: string;
  /** Small print under the title: generated at, time zone, data source. */
  meta: string[];
  sections: ReportSection[];
}

export type ReportTone = 'good' | 'bad' | 'neutral';

export type ReportSection =
  | {
      kind: 'kpi-table';
      title: string;
      columns: { name: string; actual: string; target: string; attainment: string; source?: string };
      rows: Array<{ name: string; actual: string; target: string; attainmentPct?: number; source?: string }>;
    }
  | {
      kind: 'chart';
      title: string;
      /** Inline SVG from renderSeriesSvg, which escapes every text it embeds. */ svg: string;
    }
  | { kind: 'list'; title: string; items: string[]; tone: ReportTone; emptyText?: string }
  | { kind: 'paragraph'; title?: string; text: string };

const TONE_COLOR: Record<ReportTone, string> = { good: '#15803d', bad: '#b91c1c', neutral: '#374151' };

function attainmentCell(pct: number | undefined): string {
  if (pct === undefined) return '<td style="padding:4px 8px;text-align:right;color:#6b7280">–</td>';
  const color = pct >= 100 ? TONE_COLOR.good : TONE_COLOR.bad;
  return `<td style="padding:4px 8px;text-align:right;color:${color};font-weight:600">${pct.toFixed(0)}%</td>`;
}

function renderSection(section: ReportSection): string {
  switch (section.kind) {
    case 'kpi-table': {
      const head = [
        section.columns.name,
        section.columns.actual,
        section.columns.target,
        section.columns.attainment,
        ...(section.columns.source === undefined ? [] : [section.columns.source]),
      ]
        .map(
          (c, i) =>
            `<th style="padding:4px 8px;text-align:${i === 0 ? 'left' : 'right'};border-bottom:1px solid #d1d5db">${escapeHtml(c)}</th>`,
        )
        .join('');
      const rows = section.rows
        .map(
          (r) =>
            `<tr><td style="padding:4px 8px">${escapeHtml(r.name)}</td><td style="padding:4px 8px;text-align:right">${escapeHtml(r.actual)}</td><td style="padding:4px 8px;text-align:right">${escapeHtml(r.target)}</td>${attainmentCell(r.attainmentPct)}${section.columns.source === undefined ? '' : `<td style="padding:4px 8px;color:#6b7280">${escapeHtml(r.source ?? '–')}</td>`}</tr>`,
        )
        .join('');
      return `<h2>${escapeHtml(section.title)}</h2><table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'chart':
      return `<h2>${escapeHtml(section.title)}</h2><div>${section.svg}</div>`;
    case 'list': {
      const items = section.items.length
        ? `<ul style="color:${TONE_COLOR[section.tone]}">${section.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
        : `<p style="color:#6b7280">${escapeHtml(section.emptyText ?? '–')}</p>`;
      return `<h2>${escapeHtml(section.title)}</h2>${items}`;
    }
    case 'paragraph':
      return `${section.title ? `<h2>${escapeHtml(section.title)}</h2>` : ''}<p>${escapeHtml(section.text)}</p>`;
  }
}

/** A self-contained HTML page (inline styles only, so it also works as an email body). */
export function renderReportHtml(doc: ReportDocument): string {
  const meta = doc.meta.map((m) => `<div>${escapeHtml(m)}</div>`).join('');
  return [
    `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>`,
    '<body style="font-family:-apple-system,Segoe UI,PingFang SC,Microsoft YaHei,sans-serif;color:#111827;max-width:720px;margin:0 auto;padding:16px">',
    `<h1 style="margin-bottom:4px">${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p style="margin-top:0">${escapeHtml(doc.subtitle)}</p>` : '',
    `<div style="color:#6b7280;font-size:12px">${meta}</div>`,
    ...doc.sections.map(renderSection),
    '</body></html>',
  ].join('\n');
}
