/** The numbers a campaign watches, rolled up from its streams. Plain values: workflows import this file. */
export const CAMPAIGN_KPIS = [
  'gmv',
  'orders',
  /** Sum of each stream's peak audience: people who took part, as far as platforms tell us. */
  'participants',
  'new_followers',
  /** Orders per participant. */
  'conversion_rate',
  /** GMV per yuan of budget. */
  'roi',
] as const;
export type TCampaignKpi = (typeof CAMPAIGN_KPIS)[number];
