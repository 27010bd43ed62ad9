import type { TCampaignState } from '../../domain/campaign/state.types';
import { gateStatus } from '../../domain/stream/selectors';
import type { TStreamState } from '../../domain/stream/state.types';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../runtime/db';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { Page } from './stream-lists';

export interface CampaignSummary {
  id: string;
  name: string;
  owner: string;
  phase: string;
  timeZone: string;
  windows: { preheatStart: string; burstStart: string; burstEnd: string; tailEnd: string };
  paused: boolean;
  nextDeadline: { kind: string; at: string } | null;
  pendingItems: number;
  streams: number;
  /** How its workflow closed outside liveops (terminated, timed out, failed), if it did: `phase` is where it stopped. */
  closedAs: string | null;
  updatedAt: string;
}

export interface CampaignListFilter {
  phase?: string;
  owner?: string;
  /** Preheat start on or after / before (ISO instants). */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Campaigns by preheat start (then id), from list columns only, a page at a time. */
export async function listCampaigns(db: Db, filter: CampaignListFilter): Promise<Page<CampaignSummary>> {
  const and: Prisma.CampaignRecordWhereInput[] = [];
  if (filter.phase) and.push({ phase: filter.phase });
  if (filter.owner) and.push({ owner: filter.owner });
  if (filter.from) and.push({ preheatStart: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ preheatStart: { lt: new Date(filter.to) } });
  if (filter.cursor) {
    const { sortValue, id } = decodeCursor(filter.cursor);
    const at = new Date(sortValue);
    and.push({ OR: [{ preheatStart: { gt: at } }, { preheatStart: at, id: { gt: id } }] });
  }
  const rows = await db.campaignRecord.findMany({
    where: { AND: and },
    orderBy: [{ preheatStart: 'asc' }, { id: 'asc' }],
    take: filter.limit + 1,
    omit: { stateJson: true },
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      owner: r.owner,
      phase: r.phase,
      timeZone: r.timeZone,
      windows: {
        preheatStart: r.preheatStart.toISOString(),
        burstStart: r.burstStart.toISOString(),
        burstEnd: r.burstEnd.toISOString(),
        tailEnd: r.tailEnd.toISOString(),
      },
      paused: r.paused,
      nextDeadline:
        r.nextDeadlineAt && r.nextDeadlineKind
          ? { kind: r.nextDeadlineKind, at: r.nextDeadlineAt.toISOString() }
          : null,
      pendingItems: r.pendingApprovals,
      streams: r.streamCount,
      closedAs: r.closedAs,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor(last.preheatStart.toISOString(), last.id) : null,
  };
}

export interface CalendarEntry {
  /** The stream's workflow id (also for campaign streams not started yet: the id they will have). */
  id: string;
  title: string;
  start: string;
  durationMinutes: number;
  timeZone: string;
  /** The stream's phase, or 'planned' / 'held' for a campaign's stream not started yet. */
  phase: string;
  /** Gate status: passed, waiting (what is open), or not started. */
  gates: 'passed' | 'waiting' | 'blocked' | 'not_started';
  blockers: number;
  started: boolean;
  campaign?: { id: string; name: string; key: string };
}

const CALENDAR_LIMIT = 1000;

/**
 * Every stream with a slot in [from, to): streams that exist (from the read model, with their gate status) and the
 * slots campaigns have planned but not started yet (from the campaigns' states), so a week shows what is coming.
 */
export async function campaignCalendar(
  db: Db,
  range: { from: string; to: string },
): Promise<CalendarEntry[]> {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const streams = await db.streamRecord.findMany({
    where: { scheduledStart: { gte: from, lt: to } },
    orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
    take: CALENDAR_LIMIT,
    select: { id: true, stateJson: true, campaignId: true },
  });
  const entries: CalendarEntry[] = [];
  const seen = new Set<string>();
  for (const row of streams) {
    const state = JSON.parse(row.stateJson) as TStreamState;
    const gates = gateStatus(state);
    seen.add(row.id);
    entries.push({
      id: row.id,
      title: state.plan.title,
      start: state.schedule.scheduledStart,
      durationMinutes: state.plan.plannedDurationMinutes,
      timeZone: state.plan.timeZone,
      phase: state.phase,
      gates: state.phase === 'blocked' ? 'blocked' : gates.passed ? 'passed' : 'waiting',
      blockers: gates.blockers.length,
      started: true,
      ...(state.campaign === undefined
        ? {}
        : { campaign: { id: state.campaign.id, name: state.campaign.name, key: state.campaign.key } }),
    });
  }
  // Campaigns whose windows overlap the range: their streams not started yet are on the calendar too.
  const campaigns = await db.campaignRecord.findMany({
    where: { burstStart: { lt: to }, burstEnd: { gte: from }, phase: { notIn: ['cancelled', 'completed'] } },
    select: { stateJson: true },
    take: 200,
  });
  for (const campaign of campaigns) {
    const state = JSON.parse(campaign.stateJson) as TCampaignState;
    for (const stream of Object.values(state.streams)) {
      const start = new Date(stream.plan.scheduledStart);
      if (seen.has(stream.workflowId) || start < from || start >= to) continue;
      if (stream.status !== 'planned' && stream.status !== 'held') continue;
      entries.push({
        id: stream.workflowId,
        title: stream.plan.title,
        start: stream.plan.scheduledStart,
        durationMinutes: stream.plan.plannedDurationMinutes,
        timeZone: stream.plan.timeZone,
        phase: stream.status,
        gates: 'not_started',
        blockers: 0,
        started: false,
        campaign: { id: state.campaignId, name: state.plan.name, key: stream.key },
      });
    }
  }
  return entries
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
    .slice(0, CALENDAR_LIMIT);
}
