/**
 * `npm run bench:compliance`: the rule pack against the labelled corpus (tests/fixtures/compliance), per product
 * category and per finding kind, with the legacy keyword lists as a baseline measured in the same run, and the scan
 * time of a 50-segment script. Goal: recall >= 95%, false positives <= 3% of ordinary lines.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_RULE_PACK } from '../domain/compliance/default-rules';
import { PRODUCT_CATEGORIES } from '../domain/compliance/product-categories';
import type { TRulePackInput } from '../domain/compliance/rule-pack.types';
import { FINDING_KINDS } from '../domain/compliance/rules.types';
import { scanScript } from '../domain/compliance/scan-script';
import {
  CORPUS_FILES,
  loadCorpus,
  scoreLines,
  tallyLines,
  type TCorpusLine,
  type TTally,
} from './compliance-corpus';
import { LEGACY_RULE_PACK } from './compliance-legacy-pack';

const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const recallCells = (t: TTally) => [`${t.hit}/${t.expected}`, percent(t.hit, t.expected)];
const fpCells = (t: TTally) => [`${t.flaggedOrdinary}/${t.ordinary}`, percent(t.flaggedOrdinary, t.ordinary)];

function report(
  title: string,
  lines: readonly TCorpusLine[],
  pack: TRulePackInput,
  baseline: TRulePackInput,
): void {
  const results = scoreLines(lines, pack);
  const legacy = scoreLines(lines, baseline);
  console.log(`\n## ${title}: ${lines.length} lines, pack ${pack.version}, baseline ${baseline.version}\n`);
  const byCategory = PRODUCT_CATEGORIES.map((category) => {
    const mine = tallyLines(results.filter((r) => r.line.category === category));
    const old = tallyLines(legacy.filter((r) => r.line.category === category));
    return [
      category,
      ...recallCells(mine),
      ...fpCells(mine),
      percent(old.hit, old.expected),
      percent(old.flaggedOrdinary, old.ordinary),
    ];
  });
  const all = tallyLines(results);
  const allOld = tallyLines(legacy);
  byCategory.push([
    'overall',
    ...recallCells(all),
    ...fpCells(all),
    percent(allOld.hit, allOld.expected),
    percent(allOld.flaggedOrdinary, allOld.ordinary),
  ]);
  console.log(
    table(
      ['category', 'found', 'recall', 'ordinary flagged', 'FP rate', 'baseline recall', 'baseline FP'],
      byCategory,
    ),
  );
  console.log();
  const byKind = FINDING_KINDS.filter((kind) => kind !== 'missing_disclaimer').map((kind) => {
    const mine = tallyLines(results, kind);
    const old = tallyLines(legacy, kind);
    return [
      kind,
      ...recallCells(mine),
      `${mine.spurious}/${mine.without}`,
      percent(mine.spurious, mine.without),
      percent(old.hit, old.expected),
      percent(old.spurious, old.without),
    ];
  });
  console.log(
    table(
      ['kind', 'found', 'recall', 'reported, not expected', 'FP rate', 'baseline recall', 'baseline FP'],
      byKind,
    ),
  );
}

/**
 * A 50-segment script of realistic length: each segment three corpus lines (about 50 characters, many of them
 * findings), two products, so category resolution is exercised too.
 */
function timing(
  pack: TRulePackInput,
  lines: readonly TCorpusLine[],
  runs = 200,
): { coldMs: number; medianMs: number; characters: number } {
  const segments = Array.from({ length: 50 }, (_, i) => ({
    id: `s${i}`,
    text: [0, 1, 2].map((k) => lines[(i * 7 + k * 13) % lines.length]?.text ?? '').join('，'),
    ...(i % 3 === 0 ? {} : { productSku: i % 2 === 0 ? 'A' : 'B' }),
  }));
  const context = {
    products: [
      { sku: 'A', category: 'health_food' as const },
      { sku: 'B', category: 'food' as const },
    ],
  };
  const copy = structuredClone(pack); // a fresh object: the first scan pays for compiling the pack
  let start = performance.now();
  scanScript(segments, copy, context);
  const coldMs = performance.now() - start;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    start = performance.now();
    scanScript(segments, copy, context);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const characters = segments.reduce((total, segment) => total + Array.from(segment.text).length, 0);
  return { coldMs, medianMs: times[Math.floor(times.length / 2)] ?? 0, characters };
}

function main(): void {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [...CORPUS_FILES];
  const byFile = files.map((file) => ({ file, lines: loadCorpus(file) }));
  const everything = byFile.flatMap(({ lines }) => lines);
  console.log('# Compliance rule pack benchmark');
  console.log(
    'recall: labelled (line, kind) pairs found; FP rate: ordinary lines (label none) with any finding.',
  );
  console.log('Per kind, FP rate: lines not labelled with the kind that got it anyway.');
  report('all corpora', everything, DEFAULT_RULE_PACK, LEGACY_RULE_PACK);
  console.log('\n## per corpus file\n');
  const rows = byFile.map(({ file, lines }) => {
    const mine = tallyLines(scoreLines(lines, DEFAULT_RULE_PACK));
    const old = tallyLines(scoreLines(lines, LEGACY_RULE_PACK));
    return [
      file,
      String(lines.length),
      ...recallCells(mine),
      ...fpCells(mine),
      percent(old.hit, old.expected),
      percent(old.flaggedOrdinary, old.ordinary),
    ];
  });
  console.log(
    table(
      ['file', 'lines', 'found', 'recall', 'ordinary flagged', 'FP rate', 'baseline recall', 'baseline FP'],
      rows,
    ),
  );
  const mine = timing(DEFAULT_RULE_PACK, everything);
  const old = timing(LEGACY_RULE_PACK, everything);
  console.log(`\n## scan time, 50-segment script (${mine.characters} characters)\n`);
  console.log(
    table(
      ['pack', 'first scan (compiles pack)', 'median of 200', 'ratio to baseline'],
      [
        [
          DEFAULT_RULE_PACK.version,
          `${mine.coldMs.toFixed(2)} ms`,
          `${mine.medianMs.toFixed(3)} ms`,
          `${(mine.medianMs / old.medianMs).toFixed(2)}x`,
        ],
        [LEGACY_RULE_PACK.version, `${old.coldMs.toFixed(2)} ms`, `${old.medianMs.toFixed(3)} ms`, '1.00x'],
      ],
    ),
  );
}

main();
