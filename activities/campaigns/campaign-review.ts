import { CAMPAIGN_KPI_LABELS } from '../../domain/campaign/kpi-labels';
import type { TKpiNumbers } from '../../domain/campaign/events.types';
import type { TCampaignGoals } from '../../domain/campaign/plan.schema';
import { reviewCampaign, type TReviewStream } from '../../domain/campaign/review';
import type { TChildStatus } from '../../domain/campaign/state.types';
import { toCsv } from '../../domain/review/csv';
import type { TStreamPhase } from '../../domain/stream/phases';
import type { TStreamState } from '../../domain/stream/state.types';
import { formatZonedDateTime } from '../../domain/time/format-zoned';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { renderReportHtml, type ReportDocument } from '../reports/report-document';
import { streamKpis } from './campaign-streams';

export interface BuildCampaignReviewInput {
  campaignId: string;
  name: string;
  timeZone: string;
  locale: 'zh-CN' | 'en';
  goals: TCampaignGoals;
  budget: number;
  totals: TKpiNumbers;
  windows: { preheatStart: string; burstStart: string; burstEnd: string; tailEnd: string };
  streams: Array<{
    key: string;
    title: string;
    workflowId: string;
    slotStart: string;
    status: TChildStatus;
    phase?: TStreamPhase;
    problem?: string;
  }>;
  campaignAlerts: Array<{ ruleId: string; message: string }>;
}

export function campaignReportId(campaignId: string): string {
  return `campaign-review:${campaignId}`;
}

const num = (value: number | undefined) =>
  value === undefined ? '–' : Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2);

/** The campaign review (复盘): stored as a report (HTML, CSV, and the data an XLSX export is made from). */
export function createCampaignReviewActivities({ db, logger }: { db: Db; logger: Logger }) {
  async function reviewStream(input: BuildCampaignReviewInput['streams'][number]): Promise<TReviewStream> {
    const row = await db.streamRecord.findUnique({
      where: { id: input.workflowId },
      select: { stateJson: true },
    });
    const state = row === null ? undefined : (JSON.parse(row.stateJson) as TStreamState);
    return {
      key: input.key,
      title: input.title,
      slotStart: input.slotStart,
      status: input.status,
      ...(input.phase === undefined ? {} : { phase: state?.phase ?? input.phase }),
      ...(input.problem === undefined && state?.blockedReason === undefined
        ? {}
        : { problem: input.problem ?? state?.blockedReason ?? '' }),
      kpis: await streamKpis(db, input.workflowId),
      incidents: (state?.incidents ?? []).map((i) => ({ kind: i.kind, description: i.description })),
      alerts: (state?.alerts.recent ?? [])
        .filter((a) => a.ruleId !== 'notification_failed')
        .map((a) => ({ ruleId: a.ruleId, message: a.message })),
    };
  }

  return {
    async buildCampaignReview(
      input: BuildCampaignReviewInput,
    ): Promise<{ reportId: string; summary: string }> {
      const { locale } = input;
      const t = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
      const streams = await Promise.all(input.streams.map(reviewStream));
      const review = reviewCampaign({
        goals: input.goals,
        totals: input.totals,
        streams,
        campaignAlerts: input.campaignAlerts,
      });
      const at = (iso: string) => formatZonedDateTime(Date.parse(iso), input.timeZone, locale);
      const doc: ReportDocument = {
        lang: locale,
        title: t(`活动复盘：${input.name}`, `Campaign review: ${input.name}`),
        meta: [
          t(
            `预热 ${at(input.windows.preheatStart)}，爆发 ${at(input.windows.burstStart)} – ${at(input.windows.burstEnd)}，余热至 ${at(input.windows.tailEnd)}（${input.timeZone}）`,
            `Preheat ${at(input.windows.preheatStart)}, burst ${at(input.windows.burstStart)} – ${at(input.windows.burstEnd)}, tail until ${at(input.windows.tailEnd)} (${input.timeZone})`,
          ),
          t(
            `场次：${streams.length}，预算 ${num(input.budget)}`,
            `Streams: ${streams.length}, budget ${num(input.budget)}`,
          ),
        ],
        sections: [
          {
            kind: 'kpi-table',
            title: t('目标达成', 'Goals'),
            columns: {
              name: t('指标', 'Metric'),
              actual: t('实际', 'Actual'),
              target: t('目标', 'Target'),
              attainment: t('达成率', 'Attainment'),
            },
            rows: (['gmv', 'orders', 'participants', 'new_followers', 'conversion_rate', 'roi'] as const).map(
              (kpi) => {
                const goal = review.attainment.find((row) => row.goal === kpi);
                const floor = kpi === 'roi' ? input.goals.roiFloor : undefined;
                return {
                  name: CAMPAIGN_KPI_LABELS[kpi][locale],
                  actual:
                    kpi === 'conversion_rate' && input.totals[kpi] !== undefined
                      ? `${(input.totals[kpi]! * 100).toFixed(2)}%`
                      : num(input.totals[kpi]),
                  target: goal !== undefined ? num(goal.target) : floor !== undefined ? `≥ ${floor}` : '–',
                  ...(goal?.ratio === undefined ? {} : { attainmentPct: goal.ratio * 100 }),
                };
              },
            ),
          },
          {
            kind: 'list',
            title: t('各场次', 'Streams'),
            tone: 'neutral',
            items: streams.map(
              (s) =>
                `${s.key} · ${s.title} · ${at(s.slotStart)} · ${s.phase ?? s.status} · GMV ${num(s.kpis.gmv)} · ${t('订单', 'orders')} ${num(s.kpis.orders)}`,
            ),
            emptyText: t('无场次', 'No streams'),
          },
          {
            kind: 'list',
            title: t('最佳与最差场次', 'Best and worst streams'),
            tone: 'neutral',
            items: [
              ...(review.best
                ? [
                    t(
                      `最佳：${review.best.key}「${review.best.title}」GMV ${num(review.best.gmv)}`,
                      `Best: ${review.best.key} "${review.best.title}" GMV ${num(review.best.gmv)}`,
                    ),
                  ]
                : []),
              ...(review.worst
                ? [
                    t(
                      `最差：${review.worst.key}「${review.worst.title}」GMV ${num(review.worst.gmv)}`,
                      `Worst: ${review.worst.key} "${review.worst.title}" GMV ${num(review.worst.gmv)}`,
                    ),
                  ]
                : []),
            ],
            emptyText: t('没有开播的场次', 'No stream went on air'),
          },
          {
            kind: 'list',
            title: t('未达成的目标及原因', 'Shortfalls and their causes'),
            tone: 'bad',
            items: review.shortfalls.flatMap((s) => [
              s.text[locale],
              ...s.causes.map((c) => `  – ${c[locale]}`),
            ]),
            emptyText: t('全部目标达成', 'Every goal met'),
          },
          {
            kind: 'list',
            title: t('改进建议', 'Suggestions'),
            tone: 'neutral',
            items: review.suggestions.map((s) => s[locale]),
            emptyText: t('无', 'None'),
          },
        ],
      };
      const csv = toCsv(
        [
          [
            'key',
            'title',
            'slot_start',
            'status',
            'phase',
            'gmv',
            'orders',
            'participants',
            'new_followers',
            'problem',
          ],
          ...streams.map((s) => [
            s.key,
            s.title,
            s.slotStart,
            s.status,
            s.phase,
            s.kpis.gmv,
            s.kpis.orders,
            s.kpis.participants,
            s.kpis.newFollowers,
            s.problem,
          ]),
        ],
        { bom: true },
      );
      const gmv = input.totals.gmv ?? 0;
      const met = review.attainment.filter((row) => row.met).length;
      const summary = t(
        `GMV ${num(gmv)}，目标达成 ${met}/${review.attainment.length}，${streams.length} 场（未开播 ${review.missedStreams.length}）`,
        `GMV ${num(gmv)}, ${met}/${review.attainment.length} goals met, ${streams.length} streams (${review.missedStreams.length} not on air)`,
      );
      const reportId = campaignReportId(input.campaignId);
      const row = {
        kind: 'campaign-review',
        subjectId: input.campaignId,
        json: JSON.stringify({ ...input, streams, review, summary }),
        html: renderReportHtml(doc),
        csv,
      };
      await db.report.upsert({ where: { id: reportId }, create: { id: reportId, ...row }, update: row });
      logger.info(
        { campaignId: input.campaignId, reportId, streams: streams.length },
        'campaign review built',
      );
      return { reportId, summary };
    },
  };
}
