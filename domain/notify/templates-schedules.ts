import type { TTemplateContent } from './notification-layout';
import { pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P = TNotificationParams['schedule_paused'];

const openSchedule = (p: P, locale: TLocale) =>
  p.scheduleUrl === undefined
    ? undefined
    : { label: pick(locale, '打开排期', 'Open the schedule'), url: p.scheduleUrl };

const withAction = (action: TTemplateContent['action']) => (action ? { action } : {});

/** To the managers: a recurring schedule stopped itself, so nobody assumes next week's stream is coming. */
export function schedulePaused(p: P, locale: TLocale): TTemplateContent {
  const occurrence = when(p.occurrence, p.timeZone, locale);
  return {
    subject: pick(locale, `【排期已暂停】「${p.scheduleName}」`, `[Schedule paused] "${p.scheduleName}"`),
    lead: pick(
      locale,
      `「${p.scheduleName}」无法创建 ${occurrence} 的直播，重试也无法解决，排期已自动暂停：在经理修复并恢复之前，不会再创建任何场次。`,
      `"${p.scheduleName}" cannot create the stream of ${occurrence}, and retrying cannot fix it, so the schedule paused itself: no further streams are created until a manager fixes and resumes it.`,
    ),
    paragraphs: [pick(locale, `原因：${p.reason}`, `Reason: ${p.reason}`)],
    ...withAction(openSchedule(p, locale)),
  };
}

/** To the managers: one occurrence has no stream (an outage lasted until its live began); the schedule runs on. */
export function scheduleOccurrenceMissed(p: P, locale: TLocale): TTemplateContent {
  const occurrence = when(p.occurrence, p.timeZone, locale);
  return {
    subject: pick(
      locale,
      `【场次未创建】「${p.scheduleName}」${occurrence}`,
      `[Occurrence missed] "${p.scheduleName}" ${occurrence}`,
    ),
    lead: pick(
      locale,
      `「${p.scheduleName}」未能在 ${occurrence} 开播前创建这一场直播。排期仍在运行，之后的场次照常创建。`,
      `"${p.scheduleName}" could not create the stream of ${occurrence} before it was due to go live. The schedule keeps running: later occurrences are created as usual.`,
    ),
    paragraphs: [pick(locale, `原因：${p.reason}`, `Reason: ${p.reason}`)],
    ...withAction(openSchedule(p, locale)),
  };
}
