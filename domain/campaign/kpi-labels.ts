import type { TCampaignKpi } from './kpi-names';

export const CAMPAIGN_KPI_LABELS: Record<TCampaignKpi, { 'zh-CN': string; en: string }> = {
  gmv: { 'zh-CN': 'GMV（元）', en: 'GMV (yuan)' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  participants: { 'zh-CN': '参与人数（各场峰值之和）', en: 'Participants (sum of peaks)' },
  new_followers: { 'zh-CN': '新增粉丝', en: 'New followers' },
  conversion_rate: { 'zh-CN': '转化率', en: 'Conversion' },
  roi: { 'zh-CN': 'ROI（GMV / 预算）', en: 'ROI (GMV / budget)' },
};
