import type { TMetricName } from '../../domain/metrics';

/**
 * STAND-IN FOR THE EXTERNAL LIVE PLATFORM. Plausible, deterministic per-minute numbers of one stream: a warm-up, a
 * peak, a conversion drop (the hook for "conversion fell 20 %" alerts) and a sold-out moment after which orders stall
 * and viewers drift away. Same seed + stream id + scenario => the same numbers. Nothing here is real data.
 */
export interface SimulatorScenario {
  durationMinutes: number;
  peakViewers: number;
  /** Fraction of viewers who order per minute, before the drop (0.03 = 3 %). */
  baseConversion: number;
  averageOrderValue: number;
  /** Minute at which conversion drops, how much (0.4 = 40 % lower) and for how long. */
  conversionDrop: { atMinute: number; ratio: number; minutes: number };
  /** Minute at which the hero product sells out. */
  soldOutAtMinute: number;
  /** Minutes in which the platform delivered no dwell-time reading (missing data is normal). */
  dwellGaps: readonly number[];
}

export const DEFAULT_SCENARIO: SimulatorScenario = {
  durationMinutes: 120,
  peakViewers: 4000,
  baseConversion: 0.03,
  averageOrderValue: 89,
  conversionDrop: { atMinute: 45, ratio: 0.4, minutes: 12 },
  soldOutAtMinute: 80,
  dwellGaps: [17, 18, 63],
};

export type MinuteReadings = Partial<Record<TMetricName, number | null>>;

/** mulberry32: tiny, fast, good enough for plausible noise, and the same on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Readings per minute, minute 0 first: gauges as instant values, counters cumulative since the start. */
export function generateStreamSeries(
  seed: number,
  streamId: string,
  scenario: SimulatorScenario,
): MinuteReadings[] {
  const random = prng(hash(`${seed}:${streamId}`));
  const noise = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const s = scenario;
  const peakAt = Math.max(1, Math.round(s.durationMinutes * 0.35));
  const totals = { likes: 0, comments: 0, shares: 0, newFollowers: 0, clicks: 0, orders: 0, gmv: 0 };
  let peak = 0;
  const minutes: MinuteReadings[] = [];
  for (let m = 0; m < s.durationMinutes; m++) {
    const warmUp = 1 - Math.exp(-(m + 1) / 8);
    const afterPeak = m > peakAt ? Math.exp(-(m - peakAt) / (s.durationMinutes * 1.5)) : 1;
    const soldOut = m >= s.soldOutAtMinute;
    let viewers = s.peakViewers * warmUp * afterPeak * (soldOut ? 0.7 : 1) * noise(0.05);
    viewers = Math.max(0, Math.round(viewers));
    peak = Math.max(peak, viewers);
    const inDrop = m >= s.conversionDrop.atMinute && m < s.conversionDrop.atMinute + s.conversionDrop.minutes;
    const conversion = Math.min(
      1,
      s.baseConversion * (inDrop ? 1 - s.conversionDrop.ratio : 1) * (soldOut ? 0.25 : 1) * noise(0.04),
    );
    const newOrders = Math.round(viewers * conversion * 0.2);
    const clicks = Math.round(viewers * 0.08 * noise(0.1));
    totals.orders += newOrders;
    totals.gmv = Math.round((totals.gmv + newOrders * s.averageOrderValue * noise(0.15)) * 100) / 100;
    totals.likes += Math.round(viewers * 0.3 * noise(0.2));
    totals.comments += Math.round(viewers * 0.02 * noise(0.3));
    totals.shares += Math.round(viewers * 0.004 * noise(0.3));
    totals.newFollowers += Math.round(viewers * 0.004 * noise(0.3));
    totals.clicks += clicks;
    minutes.push({
      viewers,
      peak_concurrent: peak,
      conversion_rate: Math.round(conversion * 10_000) / 10_000,
      click_through_rate: viewers ? Math.round(Math.min(1, clicks / viewers) * 10_000) / 10_000 : 0,
      dwell_seconds: s.dwellGaps.includes(m) ? null : Math.round(70 + 40 * warmUp * noise(0.15)),
      likes: totals.likes,
      comments: totals.comments,
      shares: totals.shares,
      interactions: totals.likes + totals.comments + totals.shares,
      new_followers: totals.newFollowers,
      product_clicks: totals.clicks,
      orders: totals.orders,
      gmv: totals.gmv,
    });
  }
  return minutes;
}
