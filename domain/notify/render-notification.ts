import { renderContent } from './notification-layout';
import type { TTemplateContent } from './notification-layout';
import { NOTIFICATION_PARAM_SCHEMAS } from './notify.types';
import type {
  TLocale,
  TNotificationParams,
  TNotificationParamsInput,
  TNotificationTemplateId,
  TRenderedNotification,
} from './notify.types';
import { approvalEscalation, approvalReminder, gateWaiting, scriptRejected } from './templates-gates';
import { checklistEscalation, fanPreview, teamReminder } from './templates-preheat';
import {
  incidentRecorded,
  metricAlert,
  phaseChanged,
  streamBlocked,
  streamCancelled,
} from './templates-live';
import { reviewFailed, reviewReady, reviewSignoffReminder } from './templates-review';
import {
  campaignAlert,
  campaignCancelled,
  campaignConfirmation,
  campaignPhaseChanged,
  campaignPlanDecided,
  campaignStreamProblem,
} from './templates-campaign';
import { periodicReport } from './templates-reports';
import { scheduleOccurrenceMissed, schedulePaused } from './templates-schedules';

const TEMPLATES: {
  [K in TNotificationTemplateId]: (params: TNotificationParams[K], locale: TLocale) => TTemplateContent;
} = {
  gate_waiting: gateWaiting,
  script_rejected: scriptRejected,
  approval_reminder: approvalReminder,
  approval_escalation: approvalEscalation,
  fan_preview: fanPreview,
  team_reminder: teamReminder,
  checklist_escalation: checklistEscalation,
  phase_changed: phaseChanged,
  metric_alert: metricAlert,
  incident_recorded: incidentRecorded,
  stream_blocked: streamBlocked,
  stream_cancelled: streamCancelled,
  review_ready: reviewReady,
  review_failed: reviewFailed,
  review_signoff_reminder: reviewSignoffReminder,
  campaign_phase_changed: campaignPhaseChanged,
  campaign_plan_decided: campaignPlanDecided,
  campaign_alert: campaignAlert,
  campaign_cancelled: campaignCancelled,
  campaign_confirmation: campaignConfirmation,
  campaign_stream_problem: campaignStreamProblem,
  periodic_report: periodicReport,
  schedule_paused: schedulePaused,
  schedule_occurrence_missed: scheduleOccurrenceMissed,
};

/**
 * Renders one notification. Params are validated first (http(s)-only links, known time zone, bounded text), so a bad
 * value fails here with a ZodError naming the field, not later as a broken or unsafe email.
 */
export function renderNotification<K extends TNotificationTemplateId>(
  templateId: K,
  locale: TLocale,
  params: TNotificationParamsInput[K],
): TRenderedNotification {
  const parsed = NOTIFICATION_PARAM_SCHEMAS[templateId].parse(params) as TNotificationParams[K];
  return renderContent(TEMPLATES[templateId](parsed, locale));
}
