import type { TTemplateContent } from './notification-layout';
import { STREAM_PHASE_WORDS } from '../stream/phase-words';
import { label, pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P<K extends keyof TNotificationParams> = TNotificationParams[K];

export function phaseChanged(p: P<'phase_changed'>, locale: TLocale): TTemplateContent {
  const from = label(STREAM_PHASE_WORDS[p.from], locale);
  const to = label(STREAM_PHASE_WORDS[p.to], locale);
  return {
    subject: pick(locale, `「${p.streamTitle}」进入${to}`, `"${p.streamTitle}" moved to ${to}`),
    lead: pick(
      locale,
      `「${p.streamTitle}」已从${from}进入${to}。`,
      `"${p.streamTitle}" moved from ${from} to ${to}.`,
    ),
    facts: [
      [pick(locale, '时间', 'At'), when(p.changedAt, p.timeZone, locale)],
      ...(p.reason ? [[pick(locale, '原因', 'Reason'), p.reason] as const] : []),
    ],
    action: { label: pick(locale, '查看直播', 'Open the stream'), url: p.streamUrl },
  };
}

const SEVERITY = {
  info: { 'zh-CN': '提示', en: 'Info' },
  warning: { 'zh-CN': '预警', en: 'Warning' },
  critical: { 'zh-CN': '紧急', en: 'Critical' },
} as const;

export function metricAlert(p: P<'metric_alert'>, locale: TLocale): TTemplateContent {
  return {
    subject: `[${SEVERITY[p.severity][locale]}] ${p.streamTitle}: ${p.message[locale]}`,
    lead: pick(
      locale,
      `「${p.streamTitle}」：${p.message[locale]}`,
      `"${p.streamTitle}": ${p.message[locale]}`,
    ),
    facts: [[pick(locale, '检测时间', 'Detected'), when(p.detectedAt, p.timeZone, locale)]],
    paragraphs: p.suggestedAction
      ? [pick(locale, `建议：${p.suggestedAction[locale]}`, `Suggested: ${p.suggestedAction[locale]}`)]
      : [],
    action: { label: pick(locale, '打开实时数据', 'Open the live dashboard'), url: p.dashboardUrl },
  };
}

const INCIDENT_KINDS = {
  interruption: { 'zh-CN': '直播中断', en: 'stream interruption' },
  viewer_complaint: { 'zh-CN': '观众投诉', en: 'viewer complaint' },
  content_violation: { 'zh-CN': '内容违规', en: 'content violation' },
  other: { 'zh-CN': '其他事件', en: 'other incident' },
} as const;

export function incidentRecorded(p: P<'incident_recorded'>, locale: TLocale): TTemplateContent {
  const kind = INCIDENT_KINDS[p.kind][locale];
  return {
    subject: pick(locale, `【事件记录】${p.streamTitle}：${kind}`, `[Incident] ${p.streamTitle}: ${kind}`),
    lead: pick(
      locale,
      `${p.recordedBy} 在「${p.streamTitle}」记录了一起${kind}。`,
      `${p.recordedBy} recorded a ${kind} on "${p.streamTitle}".`,
    ),
    facts: [[pick(locale, '时间', 'At'), when(p.recordedAt, p.timeZone, locale)]],
    paragraphs: [p.summary],
    action: { label: pick(locale, '查看事件', 'Open the incident'), url: p.incidentUrl },
  };
}

export function streamBlocked(p: P<'stream_blocked'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【已阻断】「${p.streamTitle}」无法继续`,
      `[Blocked] "${p.streamTitle}" cannot proceed`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」自 ${when(p.blockedAt, p.timeZone, locale)} 起被阻断，需要处理后才能继续。`,
      `"${p.streamTitle}" has been blocked since ${when(p.blockedAt, p.timeZone, locale)} and needs action before it can proceed.`,
    ),
    list: { title: pick(locale, '原因：', 'Reasons:'), entries: p.reasons },
    action: { label: pick(locale, '查看直播', 'Open the stream'), url: p.streamUrl },
  };
}

export function streamCancelled(p: P<'stream_cancelled'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(locale, `【已取消】「${p.streamTitle}」`, `[Cancelled] "${p.streamTitle}"`),
    lead: pick(
      locale,
      `原定于 ${when(p.liveStartAt, p.timeZone, locale)} 开播的「${p.streamTitle}」已被 ${p.cancelledBy} 取消。`,
      `"${p.streamTitle}", planned for ${when(p.liveStartAt, p.timeZone, locale)}, was cancelled by ${p.cancelledBy}.`,
    ),
    facts: [[pick(locale, '原因', 'Reason'), p.reason]],
  };
}
