import type { TMetricName, TMetricPoint } from '../../domain/metrics';
import type { TMetricSource } from '../../domain/stream/events.types';
import {
  computeStreamKpis,
  formatKpiValue,
  KPI_LABELS,
  kpiSources,
  SOURCE_LABELS,
  renderSeriesSvg,
  toCsv,
  type TKpiName,
  type TKpiResult,
  type TKpiTargets,
} from '../../domain/review';
import { formatZonedDateTime } from '../../domain/time/format-zoned';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { readStreamSeries } from '../analytics/metric-store';
import { renderReportHtml, type ReportDocument } from './report-document';

export interface BuildStreamReviewInput {
  streamId: string;
  title: string;
  timeZone: string;
  /** KPI targets by KPI name (gmv, avg_viewers...) or as a stream plan spells them (viewers, peakConcurrent...). */
  targets: Partial<Record<string, number | undefined>>;
  locale: 'zh-CN' | 'en';
}

export interface StreamReviewResult {
  reportId: string;
  summary: string;
  kpis: TKpiResult[];
}

// Stream plans name targets differently from KPI names; map them so plans and reports need not agree on spelling.
const PLAN_TARGET_TO_KPI: Record<string, TKpiName> = {
  viewers: 'avg_viewers',
  peakConcurrent: 'peak_concurrent',
  gmv: 'gmv',
  conversionRate: 'conversion_rate',
  newFollowers: 'new_followers',
  orders: 'orders',
};

export function normalizeTargets(targets: BuildStreamReviewInput['targets']): TKpiTargets {
  const out: TKpiTargets = {};
  for (const [name, value] of Object.entries(targets)) {
    const kpi = PLAN_TARGET_TO_KPI[name] ?? (name in KPI_LABELS ? (name as TKpiName) : undefined);
    // A zero or missing target means "no target": attainment against zero is meaningless.
    if (kpi && typeof value === 'number' && Number.isFinite(value) && value > 0) out[kpi] = value;
  }
  return out;
}

const seriesOf = (points: readonly TMetricPoint[], metric: TMetricName, scale = 1) =>
  points.filter((p) => p.metric === metric).map((p) => ({ x: Date.parse(p.ts), y: p.value * scale }));

export function reviewReportId(streamId: string): string {
  return `stream-review:${streamId}`;
}

/** The stream review (复盘) from the stored series: KPIs against targets, charts, highlights, shortfalls, advice. */
export function createReportActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    async buildStreamReview(input: BuildStreamReviewInput): Promise<StreamReviewResult> {
      const { streamId, locale } = input;
      const zh = locale === 'zh-CN';
      const t = (zhText: string, en: string) => (zh ? zhText : en);
      const { points, sourceOf, ignoredSources, disagreements } = await readStreamSeries(db, streamId);
      const simulatedUsed = Object.values(sourceOf).includes('simulated');
      const targets = normalizeTargets(input.targets);
      const result = computeStreamKpis({ kind: 'series', points }, targets);
      // Where each reported number came from, kept with the report (JSON) and shown beside it (table).
      const sourcesOfKpis = Object.fromEntries(
        result.kpis.filter((k) => k.actual !== undefined).map((k) => [k.kpi, kpiSources(k.kpi, sourceOf)]),
      ) as Partial<Record<TKpiName, TMetricSource[]>>;
      const sourceLabel = (kpi: TKpiName) =>
        sourcesOfKpis[kpi]?.map((source) => SOURCE_LABELS[source][locale]).join(' + ') || '–';
      const fmt = (kpi: TKpiName, v: number | undefined) => (v === undefined ? '–' : formatKpiValue(kpi, v));
      const first = points[0];
      const last = points[points.length - 1];

      const doc: ReportDocument = {
        lang: locale,
        title: t(`直播复盘：${input.title}`, `Stream review: ${input.title}`),
        meta: [
          first && last
            ? t(
                `数据区间：${formatZonedDateTime(Date.parse(first.ts), input.timeZone, locale)} – ${formatZonedDateTime(Date.parse(last.ts), input.timeZone, locale)}（${input.timeZone}）`,
                `Data: ${formatZonedDateTime(Date.parse(first.ts), input.timeZone, locale)} – ${formatZonedDateTime(Date.parse(last.ts), input.timeZone, locale)} (${input.timeZone})`,
              )
            : t('暂无数据（平台数据可能 T+1 才到）', 'No data yet (the platform may deliver T+1)'),
          t(`数据点：${points.length}`, `Data points: ${points.length}`),
        ],
        sections: [
          ...(simulatedUsed
            ? [
                {
                  kind: 'paragraph' as const,
                  title: t('注意：含模拟数据', 'Note: simulated data'),
                  text: t(
                    '部分数字来自内置的平台模拟器（未配置真实数据接口，也没有推送数据），不是真实直播数据。',
                    'Some numbers come from the built-in platform simulator (no real analytics API configured and nothing pushed): they are not real stream data.',
                  ),
                },
              ]
            : []),
          ...(ignoredSources.includes('simulated')
            ? [
                {
                  kind: 'paragraph' as const,
                  title: t('模拟器数据未计入', 'Simulator numbers not counted'),
                  text: t(
                    '本场有推送或平台接口的真实数据，内置平台模拟器为本场生成的数字一律不计入（不与真实数据混算）。',
                    'This stream has real numbers (pushed or from the platform API): what the built-in platform simulator generated for it is not counted, never mixed with them.',
                  ),
                },
              ]
            : []),
          {
            kind: 'kpi-table',
            title: t('核心指标', 'Key metrics'),
            columns: {
              name: t('指标', 'Metric'),
              actual: t('实际', 'Actual'),
              target: t('目标', 'Target'),
              attainment: t('达成率', 'Attainment'),
              source: t('数据来源', 'Source'),
            },
            rows: result.kpis
              .filter((k) => k.actual !== undefined || k.target !== undefined)
              .map((k) => ({
                name: KPI_LABELS[k.kpi][locale],
                actual: fmt(k.kpi, k.actual),
                target: fmt(k.kpi, k.target),
                attainmentPct: k.attainmentPct,
                source: sourceLabel(k.kpi),
              })),
          },
          {
            kind: 'list',
            title: t('数据来源', 'Data sources'),
            tone: 'neutral',
            items: disagreements.map((d) =>
              t(
                `${d.metric}：采用${SOURCE_LABELS[d.used]['zh-CN']}（最新值 ${d.usedLast}），${SOURCE_LABELS[d.other]['zh-CN']}为 ${d.otherLast}`,
                `${d.metric}: used ${SOURCE_LABELS[d.used].en} (last ${d.usedLast}); ${SOURCE_LABELS[d.other].en} said ${d.otherLast}`,
              ),
            ),
            emptyText: t('各来源数据一致', 'No disagreement between sources'),
          },
          {
            kind: 'chart',
            title: t('在线人数与转化率', 'Viewers and conversion'),
            svg: renderSeriesSvg([{ label: t('在线人数', 'viewers'), points: seriesOf(points, 'viewers') }], {
              title: t('在线人数', 'Viewers'),
              timeZone: input.timeZone,
              emptyText: t('暂无数据', 'No data'),
            }),
          },
          {
            kind: 'chart',
            title: t('转化率（%）', 'Conversion rate (%)'),
            svg: renderSeriesSvg(
              [{ label: t('转化率 %', 'conversion %'), points: seriesOf(points, 'conversion_rate', 100) }],
              {
                title: t('转化率（%）', 'Conversion rate (%)'),
                timeZone: input.timeZone,
                emptyText: t('暂无数据', 'No data'),
              },
            ),
          },
          {
            kind: 'chart',
            title: 'GMV',
            svg: renderSeriesSvg([{ label: 'GMV', points: seriesOf(points, 'gmv') }], {
              title: t('累计 GMV', 'Cumulative GMV'),
              timeZone: input.timeZone,
              emptyText: t('暂无数据', 'No data'),
            }),
          },
          {
            kind: 'list',
            title: t('亮点', 'Highlights'),
            tone: 'good',
            items: result.highlights.map((n) => n.text[locale]),
            emptyText: t('无', 'None'),
          },
          {
            kind: 'list',
            title: t('不足', 'Shortfalls'),
            tone: 'bad',
            items: result.shortfalls.map((n) => n.text[locale]),
            emptyText: t('无', 'None'),
          },
          {
            kind: 'list',
            title: t('改进建议', 'Suggestions'),
            tone: 'neutral',
            items: result.suggestions.map((s) => s.text[locale]),
            emptyText: t('无', 'None'),
          },
        ],
      };

      const csv = toCsv(
        [
          ['kind', 'metric', 'ts', 'value', 'target', 'attainment_pct'],
          ...result.kpis.map((k) => [
            'kpi',
            k.kpi,
            '',
            k.actual,
            k.target,
            k.attainmentPct === undefined ? undefined : Math.round(k.attainmentPct * 100) / 100,
          ]),
          ...points.map((p) => ['point', p.metric, p.ts, p.value, undefined, undefined]),
        ],
        { bom: true },
      );

      const headline = (['gmv', 'avg_viewers', 'conversion_rate'] as const)
        .map((kpi) => result.kpis.find((k) => k.kpi === kpi))
        .filter((k): k is TKpiResult => k?.actual !== undefined)
        .map((k) => {
          const pct =
            k.attainmentPct === undefined
              ? ''
              : t(`（达成 ${k.attainmentPct.toFixed(0)}%）`, ` (${k.attainmentPct.toFixed(0)}% of target)`);
          return `${KPI_LABELS[k.kpi][locale]} ${formatKpiValue(k.kpi, k.actual ?? 0)}${pct}`;
        });
      const summary = points.length
        ? t(
            `${headline.join('，')}；亮点 ${result.highlights.length} 项，不足 ${result.shortfalls.length} 项，建议 ${result.suggestions.length} 条`,
            `${headline.join(', ')}; ${result.highlights.length} highlight(s), ${result.shortfalls.length} shortfall(s), ${result.suggestions.length} suggestion(s)`,
          )
        : t(
            '暂无数据：复盘将在平台数据到达后更新',
            'No data yet: the review updates when the platform delivers',
          );

      const reportId = reviewReportId(streamId);
      const row = {
        kind: 'stream-review',
        subjectId: streamId,
        json: JSON.stringify({
          streamId,
          title: input.title,
          timeZone: input.timeZone,
          locale,
          targets,
          pointCount: points.length,
          sourceOf,
          kpiSources: sourcesOfKpis,
          ignoredSources,
          disagreements,
          ...result,
          summary,
        }),
        html: renderReportHtml(doc),
        csv,
      };
      await db.report.upsert({ where: { id: reportId }, create: { id: reportId, ...row }, update: row });
      logger.info({ streamId, reportId, points: points.length }, 'stream review built');
      return { reportId, summary, kpis: result.kpis };
    },
  };
}
