import { defineAction, type TAnyActionDef } from '../../engine/action';
import { spec } from '../../engine/input-spec';
import type { TStreamRole } from '../../stream/plan.types';
import type { TCampaignEventDraft } from '../events.types';
import type { TCampaignPhase } from '../phases';
import type { TCampaignState } from '../state.types';

/** Declares one campaign action; see domain/engine/action.ts for what an entry holds and what is built from it. */
export const defineCampaignAction = defineAction<
  TCampaignState,
  TCampaignPhase,
  TStreamRole,
  TCampaignEventDraft
>();
export type TCampaignActionDef = TAnyActionDef<
  TCampaignState,
  TCampaignPhase,
  TStreamRole,
  TCampaignEventDraft
>;

/** Why someone acted: it goes into the timeline and the audit log. */
export const reasonSpec = spec.text({ max: 2000, multiline: true });

export const MANAGER = { appRole: 'manager' } as const;
