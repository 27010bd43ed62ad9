import { formatKpiValue, KPI_LABELS } from '../review/kpi-labels';
import type { TKpiName } from '../review/review.types';
import { localDateKey } from '../time/zoned-time';
import type { TTemplateContent } from './notification-layout';
import { pick } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P = TNotificationParams['periodic_report'];

const CADENCE_LABEL = {
  daily: { 'zh-CN': '日报', en: 'Daily report' },
  weekly: { 'zh-CN': '周报', en: 'Weekly report' },
  monthly: { 'zh-CN': '月报', en: 'Monthly report' },
} as const;

/** The numbers a period's mail leads with; the stored report has the rest. */
const MAIL_KPIS: readonly TKpiName[] = [
  'gmv',
  'orders',
  'avg_viewers',
  'peak_concurrent',
  'conversion_rate',
  'new_followers',
];

/** '2027-03-09', '2027-03-01 – 2027-03-07', '2027-02': the local dates the period covers. */
export function periodLabel(p: Pick<P, 'cadence' | 'periodStart' | 'periodEnd' | 'timeZone'>): string {
  const first = localDateKey(p.periodStart, p.timeZone);
  const last = localDateKey(p.periodEnd - 1, p.timeZone);
  if (p.cadence === 'daily') return first;
  if (p.cadence === 'monthly') return first.slice(0, 7);
  return `${first} – ${last}`;
}

export function periodicReport(p: P, locale: TLocale): TTemplateContent {
  const kind = CADENCE_LABEL[p.cadence][locale];
  const period = periodLabel(p);
  const gmv = p.kpis.gmv === undefined ? '–' : formatKpiValue('gmv', p.kpis.gmv);
  return {
    subject: pick(
      locale,
      `【${kind}】${period} 直播数据：${p.streams} 场，GMV ${gmv}`,
      `[${kind}] ${period}: ${p.streams} stream(s), GMV ${gmv}`,
    ),
    lead: pick(
      locale,
      `「${p.scheduleName}」${period}（${p.timeZone}）的直播关键数据。`,
      `Key numbers of "${p.scheduleName}" for ${period} (${p.timeZone}).`,
    ),
    facts: [
      [pick(locale, '直播场次', 'Streams'), String(p.streams)],
      ...MAIL_KPIS.filter((kpi) => p.kpis[kpi] !== undefined).map(
        (kpi) => [KPI_LABELS[kpi][locale], formatKpiValue(kpi, p.kpis[kpi]!)] as const,
      ),
    ],
    action: { label: pick(locale, '查看完整报告', 'Open the full report'), url: p.reportUrl },
  };
}
