import { defineQuery, defineSignal } from '@temporalio/workflow';
import { CAMPAIGN_ACTIONS } from '../../domain/campaign/actions';
import type { TCampaignState } from '../../domain/campaign/state.types';
import type { TStreamPhase } from '../../domain/stream/phases';
import { actionUpdates } from '../engine/action-updates';

/** One Update per campaign action, named by its registry entry (domain/campaign/actions). */
export const CAMPAIGN_UPDATES = actionUpdates(CAMPAIGN_ACTIONS);

export const campaignStateQuery = defineQuery<TCampaignState>('campaignState');

/** A child stream entered a phase (sent by the stream itself, so the campaign sees it at once). */
export interface TChildPhaseSignal {
  key: string;
  phase: TStreamPhase;
  /** The stream's state version when it entered the phase (absent from streams before versions were sent). */
  version?: number;
}
export const childPhaseSignal = defineSignal<[TChildPhaseSignal]>('childPhase');
