import type { TTemplateContent } from './notification-layout';
import { GATE_LABELS, label, pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P<K extends keyof TNotificationParams> = TNotificationParams[K];

/** "合规审核 · 玻尿酸保湿面霜 50g (HF-001)": the gate and, when known, exactly which item waits. */
function gateWithItem(p: { gate: P<'gate_waiting'>['gate']; item?: string }, locale: TLocale): string {
  const gate = label(GATE_LABELS[p.gate], locale);
  return p.item === undefined ? gate : `${gate} · ${p.item}`;
}

export function gateWaiting(p: P<'gate_waiting'>, locale: TLocale): TTemplateContent {
  const gate = gateWithItem(p, locale);
  return {
    subject: pick(
      locale,
      `【待审核】${p.streamTitle}：${gate}`,
      `[Approval needed] ${p.streamTitle}: ${gate}`,
    ),
    lead: pick(
      locale,
      `${p.submittedBy} 提交了「${p.streamTitle}」的${gate}，等待你的决定。`,
      `${p.submittedBy} submitted the ${gate} for "${p.streamTitle}" and it is waiting for your decision.`,
    ),
    facts: [[pick(locale, '截止时间', 'Due'), when(p.dueAt, p.timeZone, locale)]],
    paragraphs: [
      pick(locale, '提交人不能审核自己的提交。', 'Submitters cannot approve their own submission.'),
    ],
    action: { label: pick(locale, '去审核', 'Review now'), url: p.reviewUrl },
  };
}

export function scriptRejected(p: P<'script_rejected'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【脚本驳回】${p.streamTitle}：第 ${p.revision} 版需修改`,
      `[Script rejected] ${p.streamTitle}: revision ${p.revision} needs changes`,
    ),
    lead: pick(
      locale,
      `${p.decidedBy} 驳回了「${p.streamTitle}」脚本第 ${p.revision} 版。请按以下原因修改后重新提交。`,
      `${p.decidedBy} rejected revision ${p.revision} of the script for "${p.streamTitle}". Please revise it and submit again.`,
    ),
    facts: [[pick(locale, '合规截止', 'Compliance cutoff'), when(p.dueAt, p.timeZone, locale)]],
    paragraphs: p.reasons.map((reason) => `${pick(locale, '原因：', 'Reason: ')}${reason}`),
    action: { label: pick(locale, '修改脚本', 'Revise the script'), url: p.editUrl },
  };
}

export function approvalReminder(p: P<'approval_reminder'>, locale: TLocale): TTemplateContent {
  const gate = gateWithItem(p, locale);
  return {
    subject: pick(
      locale,
      `【提醒 #${p.reminderNumber}】${p.streamTitle}：${gate}仍在等待`,
      `[Reminder #${p.reminderNumber}] ${p.streamTitle}: ${gate} still waiting`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」的${gate}还在等待你的决定，截止前未处理将升级给上级。`,
      `The ${gate} for "${p.streamTitle}" is still waiting for you; it escalates if not decided by the deadline.`,
    ),
    facts: [[pick(locale, '截止时间', 'Due'), when(p.dueAt, p.timeZone, locale)]],
    action: { label: pick(locale, '去审核', 'Review now'), url: p.reviewUrl },
  };
}

export function approvalEscalation(p: P<'approval_escalation'>, locale: TLocale): TTemplateContent {
  const gate = gateWithItem(p, locale);
  return {
    subject: pick(
      locale,
      `【已升级】${p.streamTitle}：${gate}超时未处理`,
      `[Escalated] ${p.streamTitle}: ${gate} overdue`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」的${gate}原审核人 ${p.originalApprover} 未按时处理，现转交给你。`,
      `${p.originalApprover} did not decide the ${gate} for "${p.streamTitle}" in time; it is now with you.`,
    ),
    facts: [
      [pick(locale, '等待自', 'Waiting since'), when(p.waitingSince, p.timeZone, locale)],
      [pick(locale, '原截止时间', 'Original deadline'), when(p.dueAt, p.timeZone, locale)],
    ],
    action: { label: pick(locale, '去审核', 'Review now'), url: p.reviewUrl },
  };
}
