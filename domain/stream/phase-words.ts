import { SHARED_PHASE_WORDS, words } from '../engine/phase-words';
import type { TLocalizedText } from '../metrics/metric-rules.types';
import type { TStreamPhase } from './phases';

/** A stream's phases by name, in both languages: pages, notifications and reports all read this. */
export const STREAM_PHASE_WORDS: Record<TStreamPhase, TLocalizedText> = {
  ...SHARED_PHASE_WORDS,
  draft: words('策划', 'draft'),
  compliance: words('合规审核', 'compliance'),
  burst: words('直播中（爆发期）', 'live (burst)'),
};
