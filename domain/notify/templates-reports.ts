import { formatKpiValue, KPI_LABELS } from '../review/kpi-labels';
import { PERIOD_HEADLINE_KPIS } from '../review/period-rollup';
import { REPORT_CADENCE_LABELS } from '../schedules/report-period';
import { localDateKey } from '../time/zoned-time';
import type { TTemplateContent } from './notification-layout';
import { pick } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P = TNotificationParams['periodic_report'];

/** The mail leads with the report's first numbers; the stored report has the rest. */
const MAIL_KPIS = PERIOD_HEADLINE_KPIS.slice(0, 6);

/** '2027-03-09', '2027-03-01 – 2027-03-07', '2027-02': the local dates the period covers. */
export function periodLabel(p: Pick<P, 'cadence' | 'periodStart' | 'periodEnd' | 'timeZone'>): string {
  const first = localDateKey(p.periodStart, p.timeZone);
  const last = localDateKey(p.periodEnd - 1, p.timeZone);
  if (p.cadence === 'daily') return first;
  if (p.cadence === 'monthly') return first.slice(0, 7);
  return `${first} – ${last}`;
}

export function periodicReport(p: P, locale: TLocale): TTemplateContent {
  const kind = REPORT_CADENCE_LABELS[p.cadence][locale];
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
