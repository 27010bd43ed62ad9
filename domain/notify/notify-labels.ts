import type { TLocalizedText } from '../metrics/metric-rules.types';
import { formatZonedDateTime } from '../time/format-zoned';
import type { TFanTier, TGateKind, TLocale } from './notify.types';

export const GATE_LABELS: Record<TGateKind, TLocalizedText> = {
  script_compliance: { 'zh-CN': '脚本合规审核', en: 'script compliance review' },
  product_compliance: { 'zh-CN': '商品资质审核', en: 'product compliance review' },
  plan_approval: { 'zh-CN': '直播方案审批', en: 'stream plan approval' },
  campaign_plan: { 'zh-CN': '活动方案审批（目标与预算）', en: 'campaign plan approval (goals and budget)' },
  amendment: { 'zh-CN': '变更审批', en: 'amendment approval' },
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
