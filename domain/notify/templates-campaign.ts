import { CAMPAIGN_PHASE_WORDS } from '../campaign/phase-words';
import type { TTemplateContent } from './notification-layout';
import { label, pick, when } from './notify-labels';
import type { TLocale, TNotificationParams } from './notify.types';

type P<K extends keyof TNotificationParams> = TNotificationParams[K];

const open = (locale: TLocale, url: string) => ({
  label: pick(locale, '查看活动', 'Open the campaign'),
  url,
});

export function campaignPhaseChanged(p: P<'campaign_phase_changed'>, locale: TLocale): TTemplateContent {
  const from = label(CAMPAIGN_PHASE_WORDS[p.from], locale);
  const to = label(CAMPAIGN_PHASE_WORDS[p.to], locale);
  return {
    subject: pick(
      locale,
      `【活动】「${p.streamTitle}」进入${to}`,
      `[Campaign] "${p.streamTitle}" moved to ${to}`,
    ),
    lead: pick(
      locale,
      `活动「${p.streamTitle}」已从${from}进入${to}。`,
      `Campaign "${p.streamTitle}" moved from ${from} to ${to}.`,
    ),
    facts: [
      [pick(locale, '时间', 'At'), when(p.changedAt, p.timeZone, locale)],
      ...(p.reason ? [[pick(locale, '原因', 'Reason'), p.reason] as const] : []),
    ],
    action: open(locale, p.campaignUrl),
  };
}

export function campaignPlanDecided(p: P<'campaign_plan_decided'>, locale: TLocale): TTemplateContent {
  const approved = p.decision === 'approved';
  return {
    subject: approved
      ? pick(locale, `【活动方案已批准】「${p.streamTitle}」`, `[Plan approved] "${p.streamTitle}"`)
      : pick(locale, `【活动方案被驳回】「${p.streamTitle}」`, `[Plan rejected] "${p.streamTitle}"`),
    lead: approved
      ? pick(
          locale,
          `${p.decidedBy} 批准了活动「${p.streamTitle}」的目标与预算，活动将按窗口自动推进。`,
          `${p.decidedBy} approved the goals and budget of "${p.streamTitle}"; it now advances by its windows.`,
        )
      : pick(
          locale,
          `${p.decidedBy} 驳回了活动「${p.streamTitle}」的方案，请修改后重新提交。`,
          `${p.decidedBy} rejected the plan of "${p.streamTitle}"; revise it and submit again.`,
        ),
    paragraphs: p.reason ? [`${pick(locale, '意见：', 'Comment: ')}${p.reason}`] : [],
    action: open(locale, p.campaignUrl),
  };
}

export function campaignAlert(p: P<'campaign_alert'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【活动预警】「${p.streamTitle}」：${p.message}`,
      `[Campaign alert] "${p.streamTitle}": ${p.message}`,
    ),
    lead: pick(
      locale,
      `活动「${p.streamTitle}」触发预警：${p.message}`,
      `Campaign "${p.streamTitle}" raised an alert: ${p.message}`,
    ),
    facts: [[pick(locale, '时间', 'At'), when(p.detectedAt, p.timeZone, locale)]],
    action: open(locale, p.campaignUrl),
  };
}

export function campaignCancelled(p: P<'campaign_cancelled'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(locale, `【活动取消】「${p.streamTitle}」`, `[Campaign cancelled] "${p.streamTitle}"`),
    lead: pick(
      locale,
      `${p.cancelledBy} 取消了活动「${p.streamTitle}」。未开播的场次已取消，正在直播的场次提前结束（各自保留复盘）。`,
      `${p.cancelledBy} cancelled the campaign "${p.streamTitle}". Streams not on air are cancelled; live ones end early (each keeps its review).`,
    ),
    facts: [
      [pick(locale, '原因', 'Reason'), p.reason],
      [pick(locale, '受影响场次', 'Streams stopped'), String(p.stoppedStreams)],
    ],
    action: open(locale, p.campaignUrl),
  };
}

export function campaignConfirmation(p: P<'campaign_confirmation'>, locale: TLocale): TTemplateContent {
  const fallback =
    p.onNoAnswer === 'continue'
      ? pick(locale, '继续按计划进行', 'continue as planned')
      : pick(locale, '暂停尚未开播的场次', 'pause the streams not on air yet');
  return {
    subject: pick(
      locale,
      `【请确认】「${p.streamTitle}」ROI 低于下限`,
      `[Please confirm] "${p.streamTitle}": ROI under the floor`,
    ),
    lead: pick(
      locale,
      `活动「${p.streamTitle}」的 ROI 为 ${p.roi.toFixed(2)}，低于下限 ${p.floor}。是否继续？`,
      `Campaign "${p.streamTitle}" has ROI ${p.roi.toFixed(2)}, under its floor ${p.floor}. Continue?`,
    ),
    facts: [
      [pick(locale, '截止时间', 'Due'), when(p.dueAt, p.timeZone, locale)],
      [pick(locale, '无人答复时', 'If nobody answers'), fallback],
    ],
    action: { label: pick(locale, '去确认', 'Decide'), url: p.campaignUrl },
  };
}

export function campaignStreamProblem(p: P<'campaign_stream_problem'>, locale: TLocale): TTemplateContent {
  return {
    subject: pick(
      locale,
      `【活动场次异常】「${p.streamTitle}」${p.streamKey}`,
      `[Campaign stream] "${p.streamTitle}" ${p.streamKey}`,
    ),
    lead: pick(
      locale,
      `活动「${p.streamTitle}」的场次 ${p.streamKey}：${p.problem}。活动本身继续进行。`,
      `Stream ${p.streamKey} of campaign "${p.streamTitle}": ${p.problem}. The campaign goes on.`,
    ),
    action: open(locale, p.campaignUrl),
  };
}
