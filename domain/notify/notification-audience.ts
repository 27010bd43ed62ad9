import { nextAllowedSendTime } from '../time/quiet-hours';
import type { TQuietHours } from '../time/time.types';
import { DEFAULT_FAN_PREVIEW_POLICY } from './fan-preview-schedule';
import type { TNotificationParamsInput, TNotificationTemplateId } from './notify.types';

/** Where a fan-facing message's readers spend the night, and from when on it is no longer worth sending. */
interface TFanTiming {
  timeZone: string;
  staleAtMs?: number;
}

type TAudienceRule<K extends TNotificationTemplateId> =
  { audience: 'team' } | { audience: 'fans'; timing: (params: TNotificationParamsInput[K]) => TFanTiming };

const TEAM = { audience: 'team' } as const;

/**
 * Who reads each message, decided per template so that a new one must choose (plain data: the workflows' outbox reads
 * it too). Fans are the brand's audience: they
 * are never woken at night, so quiet hours hold a fan-facing message until they end, whenever it is finally sent
 * (on time, after a pause, behind the hourly cap, after an outage). Everything else is for the team at work: a gate
 * waiting, an escalation, a live alert, a blocked or cancelled stream, a report. Those go at once, night or not: the
 * people on duty must hear now, and a stream going live in the morning needs its night-time approvals.
 */
export const NOTIFICATION_AUDIENCE: { [K in TNotificationTemplateId]: TAudienceRule<K> } = {
  // A preview after the live has begun is noise: a fan preview held past the start is dropped.
  fan_preview: { audience: 'fans', timing: (p) => ({ timeZone: p.timeZone, staleAtMs: p.liveStartAt }) },
  gate_waiting: TEAM,
  script_rejected: TEAM,
  approval_reminder: TEAM,
  approval_escalation: TEAM,
  team_reminder: TEAM,
  checklist_escalation: TEAM,
  phase_changed: TEAM,
  metric_alert: TEAM,
  incident_recorded: TEAM,
  stream_blocked: TEAM,
  stream_cancelled: TEAM,
  review_ready: TEAM,
  review_failed: TEAM,
  review_signoff_reminder: TEAM,
  campaign_phase_changed: TEAM,
  campaign_plan_decided: TEAM,
  campaign_alert: TEAM,
  campaign_cancelled: TEAM,
  campaign_confirmation: TEAM,
  campaign_stream_problem: TEAM,
  periodic_report: TEAM,
  schedule_paused: TEAM,
  schedule_occurrence_missed: TEAM,
};

export const isFanFacing = (template: TNotificationTemplateId): boolean =>
  NOTIFICATION_AUDIENCE[template].audience === 'fans';

export type TSendTime =
  | { kind: 'now' }
  /** Not before `untilMs`: the end of the readers' quiet hours, or the request's own notBefore. */
  | { kind: 'hold'; untilMs: number }
  /** Never: by the time it may be sent it is no longer worth sending. */
  | { kind: 'expired'; untilMs: number };

/**
 * When a message may be sent, judged at the moment of sending (`nowMs`), so that every delay path is covered. A
 * fan-facing message is pushed out of its readers' quiet hours (the request's window, else the fan preview policy's,
 * read in the message's zone) and dropped if that lands at or after it goes stale; team messages only honour an
 * explicit notBefore. `params` are the template's, already validated.
 */
export function sendTimeOf<K extends TNotificationTemplateId>(
  template: K,
  params: TNotificationParamsInput[K],
  nowMs: number,
  options: { notBeforeMs?: number; quietHours?: TQuietHours } = {},
): TSendTime {
  let sendAtMs = Math.max(nowMs, options.notBeforeMs ?? nowMs);
  const rule = NOTIFICATION_AUDIENCE[template] as TAudienceRule<K>;
  if (rule.audience === 'fans') {
    const timing = rule.timing(params);
    const quietHours = options.quietHours ?? DEFAULT_FAN_PREVIEW_POLICY.quietHours;
    sendAtMs = nextAllowedSendTime(sendAtMs, timing.timeZone, quietHours);
    if (timing.staleAtMs !== undefined && sendAtMs >= timing.staleAtMs)
      return { kind: 'expired', untilMs: sendAtMs };
  }
  return sendAtMs > nowMs ? { kind: 'hold', untilMs: sendAtMs } : { kind: 'now' };
}
