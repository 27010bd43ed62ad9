import { SHARED_PHASE_WORDS, words } from '../engine/phase-words';
import type { TLocalizedText } from '../metrics/metric-rules.types';
import type { TCampaignPhase } from './phases';

/** A campaign's phases by name, in both languages: pages, notifications and reports all read this. */
export const CAMPAIGN_PHASE_WORDS: Record<TCampaignPhase, TLocalizedText> = {
  ...SHARED_PHASE_WORDS,
  approval: words('方案审批', 'plan approval'),
  scheduled: words('待开始', 'scheduled'),
  burst: words('爆发期', 'burst'),
};
