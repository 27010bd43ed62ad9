import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import type { TStreamPhase } from '../../domain/stream/phases';
import { childPhaseSignal } from '../campaign/messages';

/**
 * Tells the campaign a stream belongs to which phase the stream entered, at once (the campaign's rollup also reads
 * the phase from the read model, so a lost signal only delays what the campaign sees). A campaign that has already
 * finished cannot be signalled; the stream goes on regardless.
 */
export function tellCampaign(
  campaign: { id: string; key: string },
  phase: TStreamPhase,
  version: number,
): void {
  getExternalWorkflowHandle(campaign.id)
    .signal(childPhaseSignal, { key: campaign.key, phase, version })
    .catch((error: unknown) =>
      log.warn('campaign not told of a phase change', {
        campaignId: campaign.id,
        phase,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
}
