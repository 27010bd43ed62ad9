import type { TTemplateContent } from './notification-layout';
import { pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P<K extends keyof TNotificationParams> = TNotificationParams[K];

export function fanPreview(p: P<'fan_preview'>, locale: TLocale): TTemplateContent {
  const start = when(p.liveStartAt, p.timeZone, locale);
  const watch = { label: pick(locale, '预约直播', 'Set a reminder'), url: p.watchUrl };
  if (p.tier === 'core') {
    return {
      subject: pick(
        locale,
        `专属预告：「${p.streamTitle}」即将开播`,
        `For our core fans: "${p.streamTitle}" is coming up`,
      ),
      lead: pick(
        locale,
        `感谢一直以来的支持！「${p.streamTitle}」将于 ${start} 开播，为你准备了专属福利。`,
        `Thank you for being with us! "${p.streamTitle}" goes live ${start}, with a perk just for you.`,
      ),
      paragraphs: p.perk ? [pick(locale, `专属福利：${p.perk}`, `Your perk: ${p.perk}`)] : [],
      action: watch,
    };
  }
  if (p.tier === 'active') {
    return {
      subject: pick(locale, `开播提醒：「${p.streamTitle}」`, `Going live soon: "${p.streamTitle}"`),
      lead: pick(
        locale,
        `「${p.streamTitle}」将于 ${start} 开播，记得来直播间！`,
        `"${p.streamTitle}" goes live ${start}. See you there!`,
      ),
      action: watch,
    };
  }
  return {
    subject: pick(locale, `今日直播预告：「${p.streamTitle}」`, `Live today: "${p.streamTitle}"`),
    lead: pick(
      locale,
      `今日直播：「${p.streamTitle}」，${start} 开播。`,
      `Today's stream: "${p.streamTitle}", live ${start}.`,
    ),
    action: watch,
  };
}

export function teamReminder(p: P<'team_reminder'>, locale: TLocale): TTemplateContent {
  const remaining = p.items.filter((item) => !item.done).length;
  return {
    subject: pick(
      locale,
      `【${p.offset}】「${p.streamTitle}」开播前检查`,
      `[${p.offset}] Pre-live checklist: "${p.streamTitle}"`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」将于 ${when(p.liveStartAt, p.timeZone, locale)} 开播，还有 ${remaining} 项检查未完成。`,
      `"${p.streamTitle}" goes live ${when(p.liveStartAt, p.timeZone, locale)}; ${remaining} checklist item(s) still open.`,
    ),
    list: {
      title: pick(locale, '开播前检查清单：', 'Pre-live checklist:'),
      entries: p.items.map((item) => `${item.done ? '[x]' : '[ ]'} ${item.label}`),
    },
    paragraphs: [pick(locale, '清单由场控签字确认。', 'The room operator signs the checklist off.')],
    action: { label: pick(locale, '打开检查清单', 'Open the checklist'), url: p.checklistUrl },
  };
}

export function checklistEscalation(p: P<'checklist_escalation'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【未完成】「${p.streamTitle}」开播前检查未签字`,
      `[Overdue] Pre-live checklist not signed: "${p.streamTitle}"`,
    ),
    lead: pick(
      locale,
      `「${p.streamTitle}」将于 ${when(p.liveStartAt, p.timeZone, locale)} 开播，负责人 ${p.responsible} 仍有检查项未完成。`,
      `"${p.streamTitle}" goes live ${when(p.liveStartAt, p.timeZone, locale)} and ${p.responsible} still has checklist items open.`,
    ),
    list: {
      title: pick(locale, '未完成项：', 'Open items:'),
      entries: p.pendingItems.map((item) => item.label),
    },
    action: { label: pick(locale, '打开检查清单', 'Open the checklist'), url: p.checklistUrl },
  };
}
