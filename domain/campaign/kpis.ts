import type { TKpiNumbers, TStreamKpis } from './events.types';
import type { TCampaignKpi } from './kpi-names';
import type { TCampaignAlert, TCampaignGoals } from './plan.schema';

/**
 * The campaign's numbers are sums of its streams' numbers (each stream's own totals, as its review computes them), and
 * two ratios of those sums: conversion (orders per participant) and ROI (GMV per yuan of budget).
 */
export function rollupTotals(perStream: Record<string, TStreamKpis>, budget: number): TKpiNumbers {
  const all = Object.values(perStream);
  const sum = (pick: (k: TStreamKpis) => number) => all.reduce((total, k) => total + pick(k), 0);
  const gmv = sum((k) => k.gmv);
  const orders = sum((k) => k.orders);
  const participants = sum((k) => k.participants);
  const totals: TKpiNumbers = { gmv, orders, participants, new_followers: sum((k) => k.newFollowers) };
  if (participants > 0) totals.conversion_rate = orders / participants;
  if (budget > 0) totals.roi = gmv / budget;
  return totals;
}

/**
 * ROI on pace during the burst: GMV so far against the part of the budget the elapsed share of the burst stands for
 * (spread evenly). Undefined without a budget or outside the burst. The share has a floor (1%) so the first minutes do
 * not divide by almost nothing.
 */
export function roiPace(
  gmv: number,
  budget: number,
  window: { burstStart: string; burstEnd: string },
  nowMs: number,
): number | undefined {
  const start = Date.parse(window.burstStart);
  const end = Date.parse(window.burstEnd);
  if (budget <= 0 || end <= start || nowMs < start) return undefined;
  const share = Math.min(1, Math.max(0.01, (nowMs - start) / (end - start)));
  return gmv / (budget * share);
}

/** The goals that are numbers to reach (the ROI floor is a floor, not a goal). */
const GOAL_KPI: Array<[keyof Omit<TCampaignGoals, 'roiFloor'>, TCampaignKpi]> = [
  ['gmv', 'gmv'],
  ['orders', 'orders'],
  ['newFollowers', 'new_followers'],
  ['participants', 'participants'],
];

export interface TGoalAttainment {
  goal: TCampaignKpi;
  target: number;
  actual: number;
  /** actual / target (1 = met); undefined for a zero target. */
  ratio?: number;
  met: boolean;
}

export function goalAttainment(goals: TCampaignGoals, totals: TKpiNumbers): TGoalAttainment[] {
  return GOAL_KPI.flatMap(([goal, kpi]) => {
    const target = goals[goal];
    if (target === undefined) return [];
    const actual = totals[kpi] ?? 0;
    return [
      { goal: kpi, target, actual, ...(target > 0 ? { ratio: actual / target } : {}), met: actual >= target },
    ];
  });
}

/** Every goal the plan set is reached (false when it set none: there is nothing to have met). */
export function allGoalsMet(goals: TCampaignGoals, totals: TKpiNumbers): boolean {
  const rows = goalAttainment(goals, totals);
  return rows.length > 0 && rows.every((row) => row.met);
}

/** The plan's threshold alerts that hold now and are out of their cool-down, with a message naming the numbers. */
export function dueCampaignAlerts(
  alerts: readonly TCampaignAlert[],
  totals: TKpiNumbers,
  lastFiredAt: Record<string, string>,
  nowMs: number,
  cooldownSeconds: number,
): Array<{ ruleId: string; message: string; values: TKpiNumbers }> {
  return alerts.flatMap((alert) => {
    const value = totals[alert.metric];
    if (value === undefined) return [];
    const breached =
      (alert.below !== undefined && value < alert.below) ||
      (alert.above !== undefined && value > alert.above);
    if (!breached) return [];
    const last = lastFiredAt[alert.id];
    if (last !== undefined && nowMs - Date.parse(last) < cooldownSeconds * 1000) return [];
    const bound = alert.below !== undefined ? `under ${alert.below}` : `over ${alert.above}`;
    return [
      {
        ruleId: alert.id,
        message: `${alert.metric} ${Number.isInteger(value) ? value : value.toFixed(2)} is ${bound}`,
        values: { [alert.metric]: value },
      },
    ];
  });
}
