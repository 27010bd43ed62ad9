import type { TTemplateContent } from './notification-layout';
import { pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P<K extends keyof TNotificationParams> = TNotificationParams[K];

export function reviewReady(p: P<'review_ready'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【复盘】「${p.streamTitle}」复盘报告已生成`,
      `[Review] Report ready for "${p.streamTitle}"`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」的复盘报告已生成：数据对比目标、亮点与不足、改进建议。`,
      `The review report for "${p.streamTitle}" is ready: results against targets, highlights, shortfalls and improvements.`,
    ),
    facts:
      p.signOffDueAt === undefined
        ? []
        : [[pick(locale, '签字截止', 'Sign-off due'), when(p.signOffDueAt, p.timeZone, locale)]],
    list: { title: pick(locale, '亮点：', 'Highlights:'), entries: p.highlights },
    action: { label: pick(locale, '查看复盘', 'Open the review'), url: p.reviewUrl },
  };
}

export function reviewSignoffReminder(p: P<'review_signoff_reminder'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【提醒 #${p.reminderNumber}】「${p.streamTitle}」复盘待签字`,
      `[Reminder #${p.reminderNumber}] Review sign-off pending: "${p.streamTitle}"`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」的复盘报告等待你签字确认。`,
      `The review of "${p.streamTitle}" is waiting for your sign-off.`,
    ),
    facts: [[pick(locale, '截止时间', 'Due'), when(p.dueAt, p.timeZone, locale)]],
    action: { label: pick(locale, '去签字', 'Sign off'), url: p.reviewUrl },
  };
}

export function reviewFailed(p: P<'review_failed'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(locale, `【复盘生成失败】「${p.streamTitle}」`, `[Review not built] "${p.streamTitle}"`),
    lead: pick(
      locale,
      `「${p.streamTitle}」的复盘报告生成失败（第 ${p.failures} 次），直播停留在复盘阶段，等待你重试。`,
      `The review report of "${p.streamTitle}" could not be built (attempt ${p.failures}); the stream stays in review until you retry.`,
    ),
    paragraphs: [`${pick(locale, '原因：', 'Reason: ')}${p.reason}`],
    action: { label: pick(locale, '打开直播页重试', 'Open the stream to retry'), url: p.streamUrl },
  };
}
