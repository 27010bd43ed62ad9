import { periodLabel } from '../../domain/notify/templates-reports';
import { STREAM_PHASE_WORDS } from '../../domain/stream/phase-words';
import { PERIOD_HEADLINE_KPIS, periodChangePct } from '../../domain/review/period-rollup';
import { formatKpiValue, KPI_LABELS } from '../../domain/review/kpi-labels';
import { KPI_NAMES, type TKpiName } from '../../domain/review/review.types';
import { toCsv } from '../../domain/review/csv';
import {
  REPORT_CADENCE_LABELS,
  type TReportCadence,
  type TReportPeriod,
} from '../../domain/schedules/report-period';
import type { TStreamPhase } from '../../domain/stream/phases';
import { formatZonedDateTime } from '../../domain/time/format-zoned';
import type { ReportDocument, ReportSection } from '../reports/report-document';
import type { TCampaignSummary, TPeriodNumbers } from './period-numbers';

type TLocale = 'zh-CN' | 'en';

export interface PeriodReportContent {
  scheduleName: string;
  cadence: TReportCadence;
  timeZone: string;
  locale: TLocale;
  period: TReportPeriod;
  previousPeriod: TReportPeriod;
  current: TPeriodNumbers;
  previous: TPeriodNumbers;
  campaigns: TCampaignSummary[];
}

const span = (period: TReportPeriod, timeZone: string) =>
  periodLabel({
    cadence: period.cadence,
    periodStart: Date.parse(period.startIso),
    periodEnd: Date.parse(period.endIso),
    timeZone,
  });

/** The report as a document (rendered to HTML by the shared renderer) and as CSV, one row per stream and KPI. */
export function periodReportDocument(c: PeriodReportContent): { doc: ReportDocument; csv: string } {
  const t = (zh: string, en: string) => (c.locale === 'zh-CN' ? zh : en);
  const fmt = (kpi: TKpiName, value: number | undefined) =>
    value === undefined ? '–' : formatKpiValue(kpi, value);
  const label = span(c.period, c.timeZone);
  const before = span(c.previousPeriod, c.timeZone);
  const sections: ReportSection[] = [];
  if (c.current.simulated)
    sections.push({
      kind: 'paragraph',
      title: t('注意：含模拟数据', 'Note: simulated data'),
      text: t(
        '部分数字来自内置的平台模拟器，不是真实直播数据。',
        'Some numbers come from the built-in platform simulator: they are not real stream data.',
      ),
    });
  sections.push({
    kind: 'kpi-table',
    title: t('关键数据（与上一周期对比）', 'Key numbers (against the period before)'),
    columns: {
      name: t('指标', 'Metric'),
      actual: t('本期', 'This period'),
      target: t('上期', 'Period before'),
      attainment: t('本期 / 上期', 'This / before'),
    },
    rows: [
      {
        name: t('直播场次', 'Streams'),
        actual: String(c.current.counted),
        target: String(c.previous.counted),
        ...(c.previous.counted > 0 ? { attainmentPct: (c.current.counted / c.previous.counted) * 100 } : {}),
      },
      ...PERIOD_HEADLINE_KPIS.map((kpi) => {
        const change = periodChangePct(c.current.kpis[kpi], c.previous.kpis[kpi]);
        return {
          name: KPI_LABELS[kpi][c.locale],
          actual: fmt(kpi, c.current.kpis[kpi]),
          target: fmt(kpi, c.previous.kpis[kpi]),
          ...(change === undefined ? {} : { attainmentPct: change }),
        };
      }),
    ],
  });
  sections.push({
    kind: 'list',
    title: t('各场直播', 'Streams'),
    tone: 'neutral',
    emptyText: t('本期没有直播', 'No stream in this period'),
    items: c.current.streams.map((s) => {
      const phase = STREAM_PHASE_WORDS[s.phase as TStreamPhase]?.[c.locale] ?? s.phase;
      const numbers = (['gmv', 'orders', 'avg_viewers'] as const)
        .filter((kpi) => s.totals[kpi] !== undefined)
        .map((kpi) => `${KPI_LABELS[kpi][c.locale]} ${fmt(kpi, s.totals[kpi])}`);
      const when = formatZonedDateTime(Date.parse(s.scheduledStart), s.timeZone, c.locale);
      return [`「${s.title}」`, when, phase, ...numbers].join(' · ');
    }),
  });
  if (c.campaigns.length > 0)
    sections.push({
      kind: 'list',
      title: t('活动', 'Campaigns'),
      tone: 'neutral',
      items: c.campaigns.map((campaign) =>
        [`「${campaign.title}」`, campaign.phase, `GMV ${fmt('gmv', campaign.kpis.gmv)}`].join(' · '),
      ),
    });

  const doc: ReportDocument = {
    lang: c.locale,
    title: `${REPORT_CADENCE_LABELS[c.cadence][c.locale]} ${label}`,
    subtitle: c.scheduleName,
    meta: [
      t(`统计区间：${label}（${c.timeZone}）`, `Period: ${label} (${c.timeZone})`),
      t(`上一周期：${before}`, `Period before: ${before}`),
    ],
    sections,
  };
  const csv = toCsv(
    [
      ['stream_id', 'title', 'phase', 'scheduled_start', ...KPI_NAMES],
      ...c.current.streams.map((s) => [
        s.id,
        s.title,
        s.phase,
        s.scheduledStart,
        ...KPI_NAMES.map((k) => s.totals[k]),
      ]),
      ['total', '', '', '', ...KPI_NAMES.map((k) => c.current.kpis[k])],
    ],
    { bom: true },
  );
  return { doc, csv };
}
