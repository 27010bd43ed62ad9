import type { TMetricSource } from '../../domain/stream/events.types';
import { rollupKpis } from '../../domain/review/period-rollup';
import { totalsFromSeries } from '../../domain/review/kpi-aggregates';
import type { TKpiTotals } from '../../domain/review/review.types';
import type { TReportPeriod } from '../../domain/schedules/report-period';
import type { TCampaignState } from '../../domain/campaign/state.types';
import type { Db } from '../../runtime/db';
import { readStreamSeries } from '../analytics/metric-store';

export interface TPeriodStream {
  id: string;
  title: string;
  phase: string;
  scheduledStart: string;
  timeZone: string;
  totals: TKpiTotals;
}

export interface TPeriodNumbers {
  streams: TPeriodStream[];
  /** Across the streams that went ahead (cancelled ones are listed, not counted). */
  counted: number;
  kpis: TKpiTotals;
  /** Some numbers come from the platform simulator, not a real platform: the report must say so. */
  simulated: boolean;
}

/** Streams listed in one report at most; a period with more is a campaign, which gets its own summary. */
const MAX_STREAMS = 1000;

/**
 * The streams scheduled to start in the period (read model), each with its KPI totals from its stored series (the
 * same aggregation as a stream's review), and their rollup.
 */
export async function periodNumbers(db: Db, period: TReportPeriod): Promise<TPeriodNumbers> {
  const rows = await db.streamRecord.findMany({
    where: { scheduledStart: { gte: new Date(period.startIso), lt: new Date(period.endIso) } },
    orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, phase: true, scheduledStart: true, timeZone: true },
    take: MAX_STREAMS,
  });
  let simulated = false;
  const streams: TPeriodStream[] = [];
  for (const row of rows) {
    const series = await readStreamSeries(db, row.id);
    if (Object.values(series.sourceOf).includes('simulated' satisfies TMetricSource)) simulated = true;
    streams.push({
      id: row.id,
      title: row.title,
      phase: row.phase,
      scheduledStart: row.scheduledStart.toISOString(),
      timeZone: row.timeZone,
      totals: totalsFromSeries(series.points),
    });
  }
  const wentAhead = streams.filter((stream) => stream.phase !== 'cancelled');
  return {
    streams,
    counted: wentAhead.length,
    kpis: rollupKpis(wentAhead.map((stream) => stream.totals)),
    simulated,
  };
}

/** A campaign's line in a period report. */
export interface TCampaignSummary {
  campaignId: string;
  title: string;
  phase: string;
  kpis: TKpiTotals;
}

/** Campaigns listed in one report at most. */
const MAX_CAMPAIGNS = 200;

/**
 * The campaigns whose windows overlap the period (preheat start before its end, tail end after its start), with the
 * numbers their last rollup gave: a campaign's own sums of its streams (the streams are also listed one by one).
 */
export async function collectCampaignSummaries(db: Db, period: TReportPeriod): Promise<TCampaignSummary[]> {
  const rows = await db.campaignRecord.findMany({
    where: { preheatStart: { lt: new Date(period.endIso) }, tailEnd: { gte: new Date(period.startIso) } },
    orderBy: [{ preheatStart: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, phase: true, stateJson: true },
    take: MAX_CAMPAIGNS,
  });
  return rows.map((row) => {
    const totals = (JSON.parse(row.stateJson) as TCampaignState).kpis.totals;
    const kpis: TKpiTotals = {};
    if (totals.gmv !== undefined) kpis.gmv = totals.gmv;
    if (totals.orders !== undefined) kpis.orders = totals.orders;
    if (totals.new_followers !== undefined) kpis.new_followers = totals.new_followers;
    if (totals.conversion_rate !== undefined) kpis.conversion_rate = totals.conversion_rate;
    return { campaignId: row.id, title: row.name, phase: row.phase, kpis };
  });
}
