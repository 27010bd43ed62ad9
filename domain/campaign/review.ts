import type { TStreamKpis, TKpiNumbers } from './events.types';
import { goalAttainment, type TGoalAttainment } from './kpis';
import type { TCampaignGoals } from './plan.schema';
import type { TChildStatus } from './state.types';
import type { TStreamPhase } from '../stream/phases';

/** What the review knows about one stream of the campaign. */
export interface TReviewStream {
  key: string;
  title: string;
  slotStart: string;
  status: TChildStatus;
  phase?: TStreamPhase;
  kpis: TStreamKpis;
  /** Why it did not happen as planned: blocked, dropped, failed. */
  problem?: string;
  incidents: Array<{ kind: string; description: string }>;
  alerts: Array<{ ruleId: string; message: string }>;
}

export interface TLocalized {
  'zh-CN': string;
  en: string;
}

export interface TCampaignReview {
  attainment: TGoalAttainment[];
  best?: { key: string; title: string; gmv: number };
  worst?: { key: string; title: string; gmv: number };
  /** Goals missed, with how far. */
  shortfalls: Array<{ goal: string; text: TLocalized }>;
  /** What the history shows behind the misses: streams that never went on air, incidents, alerts (at most 20). */
  causes: TLocalized[];
  suggestions: TLocalized[];
  /** Streams that did not go on air as planned, and why. */
  missedStreams: Array<{ key: string; title: string; problem: string }>;
}

/** Where a stream that never went on air stopped, in words (for a report read in either language). */
function whereItStopped(s: TReviewStream): string {
  const phase = s.phase ?? s.status;
  const zh: Record<string, string> = {
    compliance: '停在合规审核',
    blocked: '已阻断',
    cancelled: '已取消',
    preheat: '停在预热',
    draft: '未提交',
    planned: '未启动',
    held: '被暂缓',
    dropped: '已取消',
    failed: '失败',
  };
  return `${zh[phase] ?? phase} (${phase})`;
}

const LIVE_PHASES: readonly (TStreamPhase | undefined)[] = ['burst', 'tail', 'review', 'completed'];
const wentLive = (s: TReviewStream) => LIVE_PHASES.includes(s.phase);
const pct = (ratio: number | undefined) => (ratio === undefined ? '–' : `${(ratio * 100).toFixed(0)}%`);
const num = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

const GOAL_LABEL: Record<string, TLocalized> = {
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  orders: { 'zh-CN': '订单数', en: 'orders' },
  new_followers: { 'zh-CN': '新增粉丝', en: 'new followers' },
  participants: { 'zh-CN': '参与人数', en: 'participants' },
};

/**
 * The campaign review (复盘) across its streams: each goal against its result, the best and worst streams, the goals
 * missed with the causes the history records (streams that never went on air, incidents, alerts), and suggestions that
 * follow from those causes. Pure: the activity gathers the facts, this judges them.
 */
export function reviewCampaign(input: {
  goals: TCampaignGoals;
  totals: TKpiNumbers;
  streams: readonly TReviewStream[];
  campaignAlerts: ReadonlyArray<{ ruleId: string; message: string }>;
}): TCampaignReview {
  const attainment = goalAttainment(input.goals, input.totals);
  const live = input.streams.filter(wentLive).sort((a, b) => b.kpis.gmv - a.kpis.gmv);
  const best = live[0];
  const worst = live.length > 1 ? live[live.length - 1] : undefined;
  const missed = input.streams
    .filter((s) => !wentLive(s))
    .map((s) => ({ key: s.key, title: s.title, problem: s.problem ?? whereItStopped(s) }));

  const causes: TLocalized[] = [
    ...missed.map((m) => ({
      'zh-CN': `场次 ${m.key}「${m.title}」未开播：${m.problem}`,
      en: `Stream ${m.key} "${m.title}" did not go on air: ${m.problem}`,
    })),
    ...input.streams.flatMap((s) =>
      s.incidents.map((i) => ({
        'zh-CN': `场次 ${s.key} 发生事故（${i.kind}）：${i.description}`,
        en: `Stream ${s.key} had an incident (${i.kind}): ${i.description}`,
      })),
    ),
    ...input.streams.flatMap((s) =>
      s.alerts.map((a) => ({
        'zh-CN': `场次 ${s.key} 预警：${a.message}`,
        en: `Stream ${s.key} alert: ${a.message}`,
      })),
    ),
    ...input.campaignAlerts.map((a) => ({
      'zh-CN': `活动预警：${a.message}`,
      en: `Campaign alert: ${a.message}`,
    })),
  ];
  const shortfalls = attainment
    .filter((row) => !row.met)
    .map((row) => {
      const label = GOAL_LABEL[row.goal] ?? { 'zh-CN': row.goal, en: row.goal };
      return {
        goal: row.goal,
        text: {
          'zh-CN': `${label['zh-CN']}：${num(row.actual)} / 目标 ${num(row.target)}（达成 ${pct(row.ratio)}）`,
          en: `${label.en}: ${num(row.actual)} of ${num(row.target)} (${pct(row.ratio)})`,
        },
      };
    });

  const suggestions: TLocalized[] = [];
  if (missed.some((m) => /block|script|document|gate/i.test(m.problem)))
    suggestions.push({
      'zh-CN': '有场次因合规审核未通过而未开播：下次提前提交脚本与商品资质，留出审核与修改时间。',
      en: 'Streams missed their slot on compliance: submit scripts and product documents earlier, leaving time for review and revision.',
    });
  if (best !== undefined && worst !== undefined && worst.kpis.gmv < best.kpis.gmv / 3)
    suggestions.push({
      'zh-CN': `「${best.title}」的 GMV 是「${worst.title}」的三倍以上：复用其选品与话术，把它存为模板。`,
      en: `"${best.title}" sold over three times "${worst.title}": reuse its lineup and script, and save it as a template.`,
    });
  if (attainment.some((row) => row.goal === 'participants' && !row.met))
    suggestions.push({
      'zh-CN': '参与人数未达标：加大预热期投放与粉丝分层提醒，预热期提前。',
      en: 'Participation fell short: put more into preheat (ads, tiered fan reminders) and start it earlier.',
    });
  if (input.streams.some((s) => s.incidents.length > 0))
    suggestions.push({
      'zh-CN': '直播中出现事故：复查设备与网络检查清单，准备备用线路与替补主播。',
      en: 'Incidents happened on air: review the equipment and network checklist, and prepare a backup line and a stand-in host.',
    });
  return {
    attainment,
    ...(best === undefined ? {} : { best: { key: best.key, title: best.title, gmv: best.kpis.gmv } }),
    ...(worst === undefined ? {} : { worst: { key: worst.key, title: worst.title, gmv: worst.kpis.gmv } }),
    shortfalls,
    causes: shortfalls.length > 0 ? causes.slice(0, 20) : [],
    suggestions,
    missedStreams: missed,
  };
}
