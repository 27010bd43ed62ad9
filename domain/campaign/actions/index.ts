import { rolesFor } from '../../shared/app-permissions';
import { assertPermitted, availableActions, validateAction, type TActionContext } from '../../engine/action';
import { hasAnyRole, type TActor } from '../../shared/actor.types';
import { DomainError } from '../../shared/errors';
import type { TCampaignState } from '../state.types';
import { CAMPAIGN_ACCESS } from '../team';
import { addStream, cancelStream, extendBurst } from './calendar-actions';
import type { TCampaignActionDef } from './define';
import { decidePlan, reschedule, revisePlan } from './plan-actions';
import {
  advance,
  cancel,
  confirmContinue,
  pause,
  releaseStreams,
  resume,
  retryReview,
  signReview,
} from './run-actions';

/**
 * Every human action on a campaign, in the order the UI lists them. The workflow registers one Update per entry, the
 * API one route, the web UI one form, the README one row.
 */
export const CAMPAIGN_ACTIONS = [
  decidePlan,
  revisePlan,
  reschedule,
  extendBurst,
  addStream,
  cancelStream,
  confirmContinue,
  releaseStreams,
  pause,
  resume,
  advance,
  cancel,
  retryReview,
  signReview,
] as const satisfies readonly TCampaignActionDef[];

export type { TCampaignActionDef } from './define';

export function campaignAction(name: string): TCampaignActionDef | undefined {
  return CAMPAIGN_ACTIONS.find((def) => def.name === name);
}

/** Who may start a campaign: managers plan them (the plan then needs another manager's approval). */
export const CREATE_CAMPAIGN_ROLES = rolesFor('createCampaigns');

export function assertMayCreateCampaign(actor: TActor): void {
  if (!hasAnyRole(actor, CREATE_CAMPAIGN_ROLES))
    throw new DomainError(
      'FORBIDDEN_ROLE',
      `Creating a campaign is for role ${CREATE_CAMPAIGN_ROLES.join(' or ')}`,
    );
}

export function validateCampaignAction(
  def: TCampaignActionDef,
  state: TCampaignState,
  input: unknown,
  actor: TActor,
  ctx: TActionContext,
): unknown {
  return validateAction(def, CAMPAIGN_ACCESS, state, input, actor, ctx);
}

export function assertCampaignPermit(def: TCampaignActionDef, state: TCampaignState, actor: TActor): void {
  assertPermitted(def, CAMPAIGN_ACCESS, state, actor);
}

/** The buttons this person sees on this campaign now. */
export function campaignActionsFor(state: TCampaignState, actor: TActor): TCampaignActionDef[] {
  return availableActions(CAMPAIGN_ACTIONS, CAMPAIGN_ACCESS, state, actor).filter(
    (def) => def.form !== 'none',
  );
}
