import { condition, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ReportRecipientsInput } from '../../activities/schedules/periodic-report';
import { notificationKey } from '../../domain/notify/notification-key';
import { toIsoUtc } from '../../domain/shared/time';
import { periodBefore, previousPeriod, type TReportCadence } from '../../domain/schedules/report-period';
import { NotificationOutbox, type TDeliveryFailure } from '../engine/notification-outbox';
import { scheduledTimeMs } from './scheduled-time';
import { DELIVERY_WAIT } from './tell-managers';

const { buildPeriodicReport, resolveReportRecipients } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 8,
  },
});

export interface PeriodicReportInput {
  scheduleId: string;
  scheduleName: string;
  cadence: TReportCadence;
  timeZone: string;
  recipients: ReportRecipientsInput;
  locale: 'zh-CN' | 'en';
  publicBaseUrl: string;
}

export interface PeriodicReportRunResult {
  scheduledAt: string;
  periodKey: string;
  reportId: string;
  streams: number;
  recipients: number;
  undelivered: number;
}

/**
 * One run of a report schedule (日报 / 周报 / 月报): the period before the one it was scheduled in, its report built and
 * stored, and a mail to every recipient through the notification outbox. The outbox key is the report's (schedule and
 * period), so each recipient gets one mail per period: a retried, replayed, re-triggered or catch-up run for the same
 * period sends nothing twice (it updates the stored report with late T+1 numbers).
 */
export async function periodicReportWorkflow(input: PeriodicReportInput): Promise<PeriodicReportRunResult> {
  const scheduledMs = scheduledTimeMs();
  const period = previousPeriod(input.cadence, scheduledMs, input.timeZone);
  const report = await buildPeriodicReport({
    scheduleId: input.scheduleId,
    scheduleName: input.scheduleName,
    cadence: input.cadence,
    timeZone: input.timeZone,
    locale: input.locale,
    period,
    previous: periodBefore(period, input.timeZone),
  });
  const recipients = await resolveReportRecipients(input.recipients);
  let undelivered = 0;
  const outbox = new NotificationOutbox((failure: TDeliveryFailure) => {
    undelivered += failure.failed;
    log.warn('report not delivered', { key: failure.request.key, reason: failure.reason });
  });
  if (recipients.length > 0) {
    outbox.enqueue({
      key: notificationKey(report.reportId, 'periodic-report', 0),
      // The schedule, not this run: the outbox page lists a schedule's mails together.
      workflowId: input.scheduleId,
      template: 'periodic_report',
      locale: input.locale,
      recipients,
      params: {
        cadence: input.cadence,
        scheduleName: input.scheduleName,
        timeZone: input.timeZone,
        periodStart: Date.parse(period.startIso),
        periodEnd: Date.parse(period.endIso),
        streams: report.streams,
        kpis: report.kpis,
        reportUrl: `${input.publicBaseUrl}/reports/periodic/${encodeURIComponent(report.reportId)}`,
      },
    });
  }
  if (!(await condition(() => outbox.idle, DELIVERY_WAIT)))
    log.warn('report delivery still in progress at the end of the wait', { reportId: report.reportId });
  return {
    scheduledAt: toIsoUtc(scheduledMs),
    periodKey: period.key,
    reportId: report.reportId,
    streams: report.streams,
    recipients: recipients.length,
    undelivered,
  };
}
