import type { TCampaignEvent } from '../../domain/campaign/events.types';
import type { TCampaignState } from '../../domain/campaign/state.types';
import { summarizeCampaignEvent } from '../../domain/campaign/timeline-summary';
import type { Db } from '../../runtime/db';
import type { CampaignService } from '../services/campaigns';

export interface CampaignTimelineRow {
  seq: number;
  at: string;
  actorId: string;
  summary: string;
  /** The stored event, so the page can word it in the reader's language. */
  event?: TCampaignEvent;
}

/** The campaign's state: the workflow's answer, or (it did not answer in time, or it has finished) the read model's. */
export async function campaignView(
  campaigns: CampaignService,
  db: Db,
  id: string,
  timeoutMs: number,
): Promise<{ state: TCampaignState; live: boolean }> {
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), timeoutMs).unref(),
  );
  try {
    const state = await Promise.race([campaigns.getCampaign(id), timeout]);
    if (state !== undefined) return { state, live: true };
  } catch (error) {
    const row = await db.campaignRecord.findUnique({ where: { id }, select: { stateJson: true } });
    if (row === null) throw error;
    return { state: JSON.parse(row.stateJson) as TCampaignState, live: false };
  }
  const row = await db.campaignRecord.findUnique({ where: { id }, select: { stateJson: true } });
  if (row === null) return { state: await campaigns.getCampaign(id), live: true };
  return { state: JSON.parse(row.stateJson) as TCampaignState, live: false };
}

/** The latest `limit` timeline rows from the event store (the workflow keeps only a few in its state). */
export async function campaignTimeline(
  db: Db,
  id: string,
  limit: number,
): Promise<{ rows: CampaignTimelineRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.workflowEvent.findMany({ where: { workflowId: id }, orderBy: { seq: 'desc' }, take: limit }),
    db.workflowEvent.count({ where: { workflowId: id } }),
  ]);
  return {
    rows: rows.map((row) => {
      const event = JSON.parse(row.json) as TCampaignEvent;
      return {
        seq: row.seq,
        at: row.at.toISOString(),
        actorId: row.actorId,
        summary: summarizeCampaignEvent(event),
        event,
      };
    }),
    total,
  };
}
