import type { BenchResults, LevelResults, TableRow } from './results.types';
import { bytes, mb, ms, ratio, samples, verdict } from './format';

/** The targets of issue 9, section 7. */
export const TARGETS = {
  memoryMbPerCachedStream: 0.3,
  historyBytes: 200 * 1024,
  inboxP99VsHealthz: 10,
  /** "Flat in N": p50 at the largest N within this factor of p50 at the smallest. Our reading of "flat". */
  flatAcrossLevels: 2,
  creationVsRawStart: 2,
  decisionVsRawUpdate: 1.5,
} as const;

const row = (fields: TableRow): TableRow => fields;

/** The printed table: one block per row of the issue, one line per stream count, flatness across counts last. */
export function tableRows(results: BenchResults): TableRow[] {
  const rows: TableRow[] = [];
  for (const level of results.levels) rows.push(...memoryRows(level));
  rows.push(...historyRows(results));
  for (const level of results.levels) rows.push(...inboxRows(level));
  rows.push(...flatness(results.levels, 'inbox p50', (l) => l.inboxIdle?.inbox.p50));
  for (const level of results.levels) rows.push(...listRows(level));
  rows.push(...flatness(results.levels, 'approvals p50', (l) => l.lists?.approvals.p50));
  rows.push(...flatness(results.levels, 'dashboard p50', (l) => l.lists?.dashboard.p50));
  for (const level of results.levels) rows.push(...streamsListRows(level));
  for (const level of results.levels) rows.push(...creationRows(level));
  for (const level of results.levels) rows.push(...decisionRows(level));
  for (const level of results.levels)
    for (const [measurement, error] of Object.entries(level.errors))
      rows.push(
        row({
          row: `FAILED ${measurement}`,
          at: at(level),
          measured: error.slice(0, 120),
          baseline: '',
          ratio: '',
          target: '',
          verdict: 'not measured',
          n: '',
        }),
      );
  return rows;
}

const at = (level: LevelResults) => `N=${level.streams}`;

function memoryRows(level: LevelResults): TableRow[] {
  const m = level.memory;
  if (!m) return [];
  return [
    row({
      row: '1 memory per cached stream (RSS delta / streams added)',
      at: at(level),
      measured: `${mb(m.appRssMbPerStream)} (heap ${mb(m.appHeapMbPerStream)}); app RSS ${m.appRssMb.toFixed(0)} MB`,
      baseline: `minimal ${mb(m.minimalRssMbPerWorkflow)} (heap ${mb(m.minimalHeapMbPerWorkflow)})`,
      ratio: ratio(m.appRssMbPerStream / m.minimalRssMbPerWorkflow),
      target: `<= ${TARGETS.memoryMbPerCachedStream} MB`,
      verdict: verdict(m.appRssMbPerStream, TARGETS.memoryMbPerCachedStream),
      n: `+${m.streamsAdded} streams, +${m.minimalAdded} minimal (${m.minimalCached} cached)`,
    }),
  ];
}

function historyRows(results: BenchResults): TableRow[] {
  const history = results.history;
  if (!history) return [];
  if ('error' in history)
    return [
      row({
        row: '2 history per stream',
        at: '1 stream',
        measured: history.error.slice(0, 120),
        baseline: '',
        ratio: '',
        target: '',
        verdict: 'not measured',
        n: '',
      }),
    ];
  const { size, lifecycle } = history;
  const largest = Math.max(size.protobufBytes, size.jsonBytes);
  return [
    row({
      row: '2 history per stream through review',
      at: [
        `${lifecycle.metricBatches} batches`,
        lifecycle.allBatchesDuringBurst ? '' : ' (some after burst)',
        lifecycle.checklistSigned ? '' : ', checklist unsigned',
      ].join(''),
      measured: [
        `${size.events} events, protobuf ${bytes(size.protobufBytes)}, JSON ${bytes(size.jsonBytes)}`,
        size.jsonWriter === 'historyToJSON' ? '' : ' (historyToJSON-equivalent: see history-json.ts)',
        size.runs > 1 ? `, ${size.runs} runs` : '',
      ].join(''),
      baseline: 'no baseline: target only',
      ratio: `${ratio(largest / TARGETS.historyBytes)} of target`,
      target: `<= ${bytes(TARGETS.historyBytes)} (both encodings)`,
      verdict: verdict(largest, TARGETS.historyBytes),
      n: '1 stream',
    }),
    ...size.largestGroups.map((group) =>
      row({
        row: '  largest by bytes',
        at: '',
        measured: `${group.group}: ${group.events} events, ${bytes(group.protobufBytes)} (${((100 * group.protobufBytes) / size.protobufBytes).toFixed(0)}%)`,
        baseline: '',
        ratio: '',
        target: '',
        verdict: '',
        n: '',
      }),
    ),
  ];
}

function inboxRows(level: LevelResults): TableRow[] {
  const rows: TableRow[] = [];
  const idle = level.inboxIdle;
  if (idle) {
    rows.push(
      row({
        row: '3 web inbox GET /inbox (idle)',
        at: at(level),
        measured: `p50 ${ms(idle.inbox.p50)} p99 ${ms(idle.inbox.p99)}, ${bytes(idle.inbox.bytes)} HTML`,
        baseline: `/healthz p50 ${ms(idle.healthz.p50)} p99 ${ms(idle.healthz.p99)}`,
        ratio: `p99 ${ratio(idle.inbox.p99 / idle.healthz.p99)}`,
        target: `p99 <= ${TARGETS.inboxP99VsHealthz}x /healthz p99`,
        verdict: verdict(idle.inbox.p99 / idle.healthz.p99, TARGETS.inboxP99VsHealthz),
        n: samples(idle.inbox.n, {
          errors: idle.inbox.errors,
          timeouts: idle.inbox.timeouts,
          capped: idle.inbox.stoppedByTimeLimit,
        }),
      }),
    );
  }
  const load = level.inboxLoad;
  if (load) {
    rows.push(
      row({
        row: `3 web inbox while ${load.users} users load it`,
        at: at(level),
        measured: `p50 ${ms(load.inbox.p50)} p99 ${ms(load.inbox.p99)}`,
        baseline: idle ? `idle p50 ${ms(idle.inbox.p50)} p99 ${ms(idle.inbox.p99)}` : '-',
        ratio: idle ? `p50 ${ratio(load.inbox.p50 / idle.inbox.p50)}` : '-',
        target: '-',
        verdict: '-',
        n: samples(load.inbox.n, {
          errors: load.inbox.errors,
          timeouts: load.inbox.timeouts,
          capped: load.stoppedByTimeLimit,
        }),
      }),
    );
    const idleDecisions = level.decisionsIdle?.api;
    rows.push(
      row({
        row: `3 decision while ${load.users} users load the inbox`,
        at: at(level),
        measured: `p50 ${ms(load.decisions.p50)} max ${ms(load.decisions.max)}`,
        baseline: idleDecisions ? `idle p50 ${ms(idleDecisions.p50)} max ${ms(idleDecisions.max)}` : '-',
        ratio: idleDecisions ? `p50 ${ratio(load.decisions.p50 / idleDecisions.p50)}` : '-',
        target: '-',
        verdict: '-',
        n: samples(load.decisions.n, {
          errors: load.decisions.errors,
          timeouts: load.decisions.timeouts,
          capped: load.stoppedByTimeLimit,
        }),
      }),
    );
  }
  return rows;
}

function listRows(level: LevelResults): TableRow[] {
  const lists = level.lists;
  if (!lists) return [];
  const { approvals, dashboard } = lists;
  const c = approvals.completeness;
  const cut = c.returned < c.expected;
  return [
    row({
      row: '4 GET /api/approvals (first page)',
      at: at(level),
      measured: `p50 ${ms(approvals.p50)}, ${bytes(approvals.bytes)}; all pages: ${c.returned} of ${c.expected} items, ${c.pages} page(s), ${ms(c.walkMs)}`,
      baseline: `${c.expected} pending (bench's count)`,
      ratio: `${((100 * c.returned) / Math.max(1, c.expected)).toFixed(0)}% returned`,
      target: 'nothing cut silently',
      verdict: c.cursorProblem ?? (cut ? `cut: ${c.expected - c.returned} missing` : 'met'),
      n: samples(approvals.n, {
        errors: approvals.errors,
        timeouts: approvals.timeouts,
        capped: approvals.stoppedByTimeLimit,
      }),
    }),
    row({
      row: '4 dashboard GET /',
      at: at(level),
      measured: `p50 ${ms(dashboard.p50)}, ${bytes(dashboard.bytes)}; links ${dashboard.streamsLinked} streams${dashboard.offersNextPage ? ', has a next page' : ''}`,
      baseline: `${level.streams} streams`,
      ratio: '-',
      target: 'flat in N',
      verdict: 'see flatness',
      n: samples(dashboard.n, {
        errors: dashboard.errors,
        timeouts: dashboard.timeouts,
        capped: dashboard.stoppedByTimeLimit,
      }),
    }),
  ];
}

function streamsListRows(level: LevelResults): TableRow[] {
  const s = level.streamsList;
  if (!s) return [];
  return [
    row({
      row: '5 GET /api/streams (default page)',
      at: at(level),
      measured: `p50 ${ms(s.list.p50)}, ${bytes(s.list.bytes)} for ${s.list.rows} rows${s.list.offersNextPage ? ' (+ next page)' : ''}`,
      baseline: `${bytes(s.list.bytes / Math.max(1, s.list.rows))} per row`,
      ratio: '-',
      target: 'reads only list columns',
      verdict: 'DB reads not measurable black-box',
      n: samples(s.list.n, { errors: s.list.errors, capped: s.list.stoppedByTimeLimit }),
    }),
  ];
}

function creationRows(level: LevelResults): TableRow[] {
  const c = level.creation;
  if (!c) return [];
  const slower = c.raw.perSecond / c.api.perSecond;
  return [
    row({
      row: '6 stream creation POST /api/streams',
      at: at(level),
      measured: `${c.api.perSecond.toFixed(1)}/s (${c.api.created} in ${c.api.seconds.toFixed(1)} s)`,
      baseline: `raw start ${c.raw.perSecond.toFixed(1)}/s (${c.raw.created})`,
      ratio: `${ratio(slower)} slower`,
      target: `within ${TARGETS.creationVsRawStart}x of raw`,
      verdict: verdict(slower, TARGETS.creationVsRawStart),
      n: samples(c.api.created, { errors: c.api.failed + c.raw.failed }),
    }),
  ];
}

function decisionRows(level: LevelResults): TableRow[] {
  const d = level.decisionsIdle;
  if (!d) return [];
  const slower = d.api.p50 / d.rawUpdate.p50;
  return [
    row({
      row: '7 approval decision, idle (API)',
      at: at(level),
      measured: `p50 ${ms(d.api.p50)} p99 ${ms(d.api.p99)}`,
      baseline: `raw Update p50 ${ms(d.rawUpdate.p50)} p99 ${ms(d.rawUpdate.p99)}`,
      ratio: ratio(slower),
      target: `<= ${TARGETS.decisionVsRawUpdate}x raw`,
      verdict: verdict(slower, TARGETS.decisionVsRawUpdate),
      n: samples(d.api.n, { errors: d.api.errors + d.rawUpdate.errors, timeouts: d.api.timeouts }),
    }),
  ];
}

function flatness(
  levels: readonly LevelResults[],
  what: string,
  p50Of: (level: LevelResults) => number | undefined,
): TableRow[] {
  if (levels.length < 2) return [];
  const first = levels[0]!;
  const last = levels[levels.length - 1]!;
  const [small, large] = [p50Of(first), p50Of(last)];
  if (small === undefined || large === undefined) return [];
  return [
    row({
      row: `  flat in N: ${what}`,
      at: `N=${first.streams} -> ${last.streams}`,
      measured: `${ms(small)} -> ${ms(large)}`,
      baseline: `N x${(last.streams / first.streams).toFixed(0)}`,
      ratio: ratio(large / small),
      target: `<= ${TARGETS.flatAcrossLevels}x`,
      verdict: verdict(large / small, TARGETS.flatAcrossLevels),
      n: '',
    }),
  ];
}
