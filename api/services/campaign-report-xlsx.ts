import ExcelJS from 'exceljs';
import { CAMPAIGN_KPI_LABELS } from '../../domain/campaign/kpi-labels';
import type { TCampaignReview, TReviewStream } from '../../domain/campaign/review';
import type { TKpiNumbers } from '../../domain/campaign/events.types';
import type { TCampaignGoals } from '../../domain/campaign/plan.schema';
import { CAMPAIGN_KPIS } from '../../domain/campaign/kpi-names';

/** What buildCampaignReview stores as the report's JSON (activities/campaigns/campaign-review.ts). */
interface StoredCampaignReview {
  name: string;
  timeZone: string;
  locale: 'zh-CN' | 'en';
  goals: TCampaignGoals;
  budget: number;
  totals: TKpiNumbers;
  streams: TReviewStream[];
  review: TCampaignReview;
  summary: string;
}

const GOAL_OF: Partial<Record<string, keyof TCampaignGoals>> = {
  gmv: 'gmv',
  orders: 'orders',
  participants: 'participants',
  new_followers: 'newFollowers',
  roi: 'roiFloor',
};

/** The campaign review as a workbook: goals, streams, shortfalls and suggestions, one sheet each. */
export async function campaignReviewXlsx(json: string): Promise<Buffer> {
  const report = JSON.parse(json) as StoredCampaignReview;
  const locale = report.locale;
  const t = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  const book = new ExcelJS.Workbook();
  book.creator = 'liveops';
  book.title = report.name;

  const goals = book.addWorksheet(t('目标达成', 'Goals'));
  goals.columns = [
    { header: t('指标', 'Metric'), key: 'metric', width: 28 },
    { header: t('实际', 'Actual'), key: 'actual', width: 16 },
    { header: t('目标', 'Target'), key: 'target', width: 16 },
    { header: t('达成率', 'Attainment'), key: 'attainment', width: 12 },
  ];
  for (const kpi of CAMPAIGN_KPIS) {
    const goalKey = GOAL_OF[kpi];
    const target = goalKey === undefined ? undefined : report.goals[goalKey];
    const actual = report.totals[kpi];
    goals.addRow({
      metric: CAMPAIGN_KPI_LABELS[kpi][locale],
      actual: actual ?? null,
      target: target ?? null,
      attainment: target !== undefined && target > 0 && actual !== undefined ? actual / target : null,
    });
  }
  goals.getColumn('attainment').numFmt = '0%';
  goals.getRow(1).font = { bold: true };

  const streams = book.addWorksheet(t('场次', 'Streams'));
  streams.columns = [
    { header: 'key', key: 'key', width: 16 },
    { header: t('标题', 'Title'), key: 'title', width: 36 },
    { header: t('开播时间', 'Slot start'), key: 'start', width: 22 },
    { header: t('状态', 'Status'), key: 'status', width: 12 },
    { header: t('阶段', 'Phase'), key: 'phase', width: 12 },
    { header: 'GMV', key: 'gmv', width: 14 },
    { header: t('订单', 'Orders'), key: 'orders', width: 10 },
    { header: t('参与人数', 'Participants'), key: 'participants', width: 14 },
    { header: t('新增粉丝', 'New followers'), key: 'followers', width: 14 },
    { header: t('问题', 'Problem'), key: 'problem', width: 40 },
  ];
  for (const s of report.streams)
    streams.addRow({
      key: s.key,
      title: s.title,
      start: new Date(s.slotStart),
      status: s.status,
      phase: s.phase ?? '',
      gmv: s.kpis.gmv,
      orders: s.kpis.orders,
      participants: s.kpis.participants,
      followers: s.kpis.newFollowers,
      problem: s.problem ?? '',
    });
  streams.getRow(1).font = { bold: true };

  const notes = book.addWorksheet(t('复盘', 'Review'));
  notes.columns = [{ header: t('复盘', 'Review'), key: 'text', width: 120 }];
  notes.addRow({ text: report.summary });
  for (const s of report.review.shortfalls) {
    notes.addRow({ text: s.text[locale] });
    for (const cause of s.causes) notes.addRow({ text: `  – ${cause[locale]}` });
  }
  for (const suggestion of report.review.suggestions) notes.addRow({ text: `→ ${suggestion[locale]}` });
  notes.getRow(1).font = { bold: true };

  return Buffer.from(await book.xlsx.writeBuffer());
}
