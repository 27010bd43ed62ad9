import type { TLocalizedText } from '../metrics/metric-rules.types';
import { formatZonedDateTime } from '../time/format-zoned';
import type { TFanTier, TGateKind, TLocale, TStreamPhase } from './notify.types';

export const GATE_LABELS: Record<TGateKind, TLocalizedText> = {
  script_compliance: { 'zh-CN': '脚本合规审核', en: 'script compliance review' },
  product_compliance: { 'zh-CN': '商品资质审核', en: 'product compliance review' },
  plan_approval: { 'zh-CN': '直播方案审批', en: 'stream plan approval' },
  campaign_plan: { 'zh-CN': '活动方案审批（目标与预算）', en: 'campaign plan approval (goals and budget)' },
  amendment: { 'zh-CN': '变更审批', en: 'amendment approval' },
};

export const PHASE_LABELS: Record<TStreamPhase, TLocalizedText> = {
  draft: { 'zh-CN': '策划', en: 'planning' },
  compliance: { 'zh-CN': '直播前审核', en: 'pre-live review' },
  preheat: { 'zh-CN': '预热期', en: 'preheat' },
  burst: { 'zh-CN': '直播中（爆发期）', en: 'live (burst)' },
  tail: { 'zh-CN': '延续期', en: 'tail' },
  review: { 'zh-CN': '复盘', en: 'review' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  blocked: { 'zh-CN': '受阻', en: 'blocked' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

export const FAN_TIER_LABELS: Record<TFanTier, TLocalizedText> = {
  core: { 'zh-CN': '核心粉', en: 'core fans' },
  active: { 'zh-CN': '活跃粉', en: 'active fans' },
  casual: { 'zh-CN': '路人粉', en: 'casual fans' },
};

/** Picks one language; templates write both side by side so a missing translation is visible in review. */
export const pick = (locale: TLocale, zh: string, en: string): string => (locale === 'zh-CN' ? zh : en);
export const label = (text: TLocalizedText, locale: TLocale): string => text[locale];
export const when = (epochMs: number, timeZone: string, locale: TLocale): string =>
  formatZonedDateTime(epochMs, timeZone, locale);
