/** The phases of one campaign (活动). Plain values (no schema library): workflows import this file. */
export const CAMPAIGN_PHASES = [
  /** Waiting for a manager to approve goals and budget. */
  'approval',
  /** Approved; waiting for the preheat window to open. */
  'scheduled',
  'preheat',
  'burst',
  'tail',
  'review',
  'completed',
  /** Not approved when preheat was due: waits for a reschedule or a cancel. */
  'blocked',
  'cancelled',
] as const;
export type TCampaignPhase = (typeof CAMPAIGN_PHASES)[number];

/** The windows a campaign moves through by itself, in order. */
export const CAMPAIGN_WINDOW_PHASES = ['preheat', 'burst', 'tail'] as const;

export const CAMPAIGN_TERMINAL_PHASES: readonly TCampaignPhase[] = ['completed', 'cancelled'];
/** Before anything was announced: the windows may still move as a whole (reschedule). */
export const CAMPAIGN_BEFORE_PREHEAT: readonly TCampaignPhase[] = ['approval', 'scheduled', 'blocked'];
/** Where a pause holds the campaign's clocks. */
export const CAMPAIGN_PAUSABLE_PHASES: readonly TCampaignPhase[] = [
  'approval',
  'scheduled',
  'preheat',
  'burst',
  'tail',
  'review',
];
/** Where the campaign starts its streams: once the burst is over, a stream not started never starts. */
export const CAMPAIGN_STARTING_PHASES: readonly TCampaignPhase[] = ['scheduled', 'preheat', 'burst'];
/** Where child streams may be started or changed by the campaign. */
export const CAMPAIGN_RUNNING_PHASES: readonly TCampaignPhase[] = ['scheduled', 'preheat', 'burst', 'tail'];

export function isCampaignTerminal(phase: TCampaignPhase): boolean {
  return CAMPAIGN_TERMINAL_PHASES.includes(phase);
}
