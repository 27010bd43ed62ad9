import type { TKpiTargets } from './review.types';
import { KPI_NAMES } from './review.types';
import type {
  TKpiName,
  TKpiNote,
  TKpiResult,
  TKpiTotals,
  TStreamKpiSource,
  TStreamKpis,
} from './review.types';
import { seriesFacts, totalsFromSeries } from './kpi-aggregates';
import { formatKpiValue, KPI_LABELS } from './kpi-labels';
import { suggestImprovements } from './review-suggestions';

function attainment(actual: number | undefined, target: number | undefined): number | undefined {
  if (actual === undefined || target === undefined || target <= 0) return undefined;
  return (actual / target) * 100;
}

function note(result: TKpiResult, reached: boolean): TKpiNote {
  const label = KPI_LABELS[result.kpi];
  const actual = formatKpiValue(result.kpi, result.actual ?? 0);
  const target = formatKpiValue(result.kpi, result.target ?? 0);
  const pct = (result.attainmentPct ?? 0).toFixed(0);
  return {
    kpi: result.kpi,
    text: reached
      ? {
          'zh-CN': `${label['zh-CN']}达成 ${pct}%（${actual} / 目标 ${target}）`,
          en: `${label.en} reached ${pct}% of target (${actual} / ${target})`,
        }
      : {
          'zh-CN': `${label['zh-CN']}仅达成 ${pct}%（${actual} / 目标 ${target}）`,
          en: `${label.en} at ${pct}% of target (${actual} / ${target})`,
        },
  };
}

/**
 * KPIs of one stream against its targets, for the review (复盘). Accepts a raw metric series or platform totals; see
 * review.types.ts for the aggregate behind each KPI. Highlights are KPIs at or above target (best first), shortfalls
 * those below (worst first); KPIs without a target are reported but neither.
 */
export function computeStreamKpis(source: TStreamKpiSource, targets: TKpiTargets): TStreamKpis {
  const totals: TKpiTotals = source.kind === 'series' ? totalsFromSeries(source.points) : source.totals;
  const facts =
    source.kind === 'series'
      ? seriesFacts(source.points, source.streamStartMs)
      : { steepestViewerDropMinute: undefined, peakViewersMinute: undefined };

  const kpis: TKpiResult[] = KPI_NAMES.map((kpi) => ({
    kpi,
    actual: totals[kpi],
    target: targets[kpi],
    attainmentPct: attainment(totals[kpi], targets[kpi]),
  }));
  const scored = kpis.filter(
    (k): k is TKpiResult & { attainmentPct: number } => k.attainmentPct !== undefined,
  );
  const highlights = scored
    .filter((k) => k.attainmentPct >= 100)
    .sort((a, b) => b.attainmentPct - a.attainmentPct)
    .map((k) => note(k, true));
  const shortfalls = scored
    .filter((k) => k.attainmentPct < 100)
    .sort((a, b) => a.attainmentPct - b.attainmentPct)
    .map((k) => note(k, false));
  const byName = new Map<TKpiName, TKpiResult>(kpis.map((k) => [k.kpi, k]));
  const suggestions = suggestImprovements((name) => byName.get(name), facts);
  return { kpis, highlights, shortfalls, suggestions, facts };
}
