import fs from 'node:fs';
import path from 'node:path';
import type { BenchResults, TableRow } from './results.types';

const COLUMNS: Array<{ key: keyof TableRow; title: string }> = [
  { key: 'row', title: 'row' },
  { key: 'at', title: 'at' },
  { key: 'measured', title: 'measured' },
  { key: 'baseline', title: 'baseline (same run)' },
  { key: 'ratio', title: 'ratio' },
  { key: 'target', title: 'target' },
  { key: 'verdict', title: 'verdict' },
  { key: 'n', title: 'samples' },
];

/** A Markdown table: readable in a terminal and pastable into the note as is. */
export function renderTable(rows: readonly TableRow[]): string {
  const cells = (r: TableRow) => COLUMNS.map((c) => r[c.key].replace(/\|/g, '/'));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...rows.map((r) => cells(r)[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(COLUMNS.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

export function renderHeader(results: BenchResults): string {
  const { target, machine, options } = results;
  const load = (l?: { one: number; five: number; fifteen: number }) =>
    l ? `${l.one.toFixed(2)} ${l.five.toFixed(2)} ${l.fifteen.toFixed(2)}` : '-';
  return [
    `liveops bench, ${options.profile} profile: streams ${options.streams.join(', ')}; ${options.samples} samples per measurement (at most ${options.maxSeconds} s each); creation concurrency ${options.concurrency}; ${options.loadUsers} load users`,
    `target ${target.dir} @ ${target.commit}${target.dirty ? ' (uncommitted changes)' : ''}, Temporal SDK ${target.temporalSdk}`,
    `machine: ${machine.cpus} cores, ${(machine.totalMemoryMb / 1024).toFixed(1)} GB; load average at start ${load(machine.loadAtStart)}, at end ${load(machine.loadAtEnd)} (shared machine: other work adds noise)`,
    'p99 is the max when n < 100. Baselines are measured in the same run, on the same machine, at the same time.',
  ].join('\n');
}

/** bench/results/<timestamp>.json in the bench's own checkout (results are not committed). */
export function writeResultsFile(results: BenchResults): string {
  const dir = path.join(__dirname, '../../../bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
