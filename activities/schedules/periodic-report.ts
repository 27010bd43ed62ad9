import { ZNotificationRecipientSchema, type TNotificationRecipient } from '../notify/notify-request.types';
import type { TAppRole } from '../../domain/shared/actor.types';
import type { TKpiTotals } from '../../domain/review/review.types';
import type { TReportCadence, TReportPeriod } from '../../domain/schedules/report-period';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { renderReportHtml } from '../reports/report-document';
import { collectCampaignSummaries, periodNumbers } from './period-numbers';
import { periodReportDocument } from './periodic-report-document';

export interface BuildPeriodicReportInput {
  scheduleId: string;
  scheduleName: string;
  cadence: TReportCadence;
  timeZone: string;
  locale: 'zh-CN' | 'en';
  period: TReportPeriod;
  previous: TReportPeriod;
}

export interface PeriodicReportResult {
  reportId: string;
  streams: number;
  kpis: TKpiTotals;
}

/** Who a report goes to: everyone with one of the roles (enabled users), and addresses named on the schedule. */
export interface ReportRecipientsInput {
  roles: TAppRole[];
  emails: string[];
}

/** One report per schedule and period: a second run for the same period (catch-up, trigger) updates it. */
export function periodicReportId(scheduleId: string, periodKey: string): string {
  return `periodic-report:${scheduleId}:${periodKey}`;
}

const MAX_RECIPIENTS = 500;
const isEmail = (value: string) => ZNotificationRecipientSchema.shape.email.safeParse(value).success;

/** 日报 / 周报 / 月报: built from the read model, stored in the Report table; delivery is the workflow's (the outbox). */
export function createPeriodicReportActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    async buildPeriodicReport(input: BuildPeriodicReportInput): Promise<PeriodicReportResult> {
      const [current, previous, campaigns] = await Promise.all([
        periodNumbers(db, input.period),
        periodNumbers(db, input.previous),
        collectCampaignSummaries(db, input.period),
      ]);
      const { doc, csv } = periodReportDocument({
        ...input,
        previousPeriod: input.previous,
        current,
        previous,
        campaigns,
      });
      const reportId = periodicReportId(input.scheduleId, input.period.key);
      const row = {
        kind: `${input.cadence}-report`,
        subjectId: input.scheduleId,
        json: JSON.stringify({
          scheduleId: input.scheduleId,
          scheduleName: input.scheduleName,
          cadence: input.cadence,
          timeZone: input.timeZone,
          period: input.period,
          previousPeriod: input.previous,
          streams: current.streams,
          counted: current.counted,
          kpis: current.kpis,
          previousKpis: previous.kpis,
          previousCounted: previous.counted,
          campaigns,
          simulated: current.simulated,
        }),
        html: renderReportHtml(doc),
        csv,
      };
      await db.report.upsert({ where: { id: reportId }, create: { id: reportId, ...row }, update: row });
      logger.info({ reportId, streams: current.counted }, 'periodic report built');
      return { reportId, streams: current.counted, kpis: current.kpis };
    },

    async resolveReportRecipients(input: ReportRecipientsInput): Promise<TNotificationRecipient[]> {
      const users =
        input.roles.length === 0
          ? []
          : await db.user.findMany({
              where: { disabled: false, OR: input.roles.map((role) => ({ roles: { contains: role } })) },
              select: { email: true, name: true, roles: true },
              orderBy: { email: 'asc' },
            });
      const byId = new Map<string, TNotificationRecipient>();
      for (const user of users) {
        // roles is comma-separated: `contains` also matched a role whose name holds another's.
        if (!user.roles.split(',').some((role) => input.roles.includes(role as TAppRole))) continue;
        // Sign-in ids such as admin@localhost are no mail address: such a recipient is held in the outbox.
        byId.set(user.email, {
          id: user.email,
          name: user.name,
          ...(isEmail(user.email) ? { email: user.email } : {}),
        });
      }
      for (const email of input.emails) {
        const id = email.toLowerCase();
        if (!byId.has(id)) byId.set(id, { id, email: id });
      }
      const recipients = [...byId.values()];
      if (recipients.length > MAX_RECIPIENTS)
        logger.warn({ recipients: recipients.length, max: MAX_RECIPIENTS }, 'report recipients cut');
      return recipients.slice(0, MAX_RECIPIENTS);
    },
  };
}
