/**
 * The labelled compliance corpus (tests/fixtures/compliance/*.csv) and how a rule pack is scored on it. Shared by the
 * benchmark script and the corpus format test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProductCategory, type TProductCategory } from '../domain/compliance/product-categories';
import type { TRulePackInput } from '../domain/compliance/rule-pack.types';
import { FINDING_KINDS, type TFindingKind } from '../domain/compliance/rules.types';
import { scanScript } from '../domain/compliance/scan-script';

export const CORPUS_DIR = join(__dirname, '..', 'tests', 'fixtures', 'compliance');
export const CORPUS_FILES = ['corpus-dev.csv', 'corpus-holdout.csv', 'corpus-fresh.csv'] as const;

export interface TCorpusLine {
  file: string;
  lineNumber: number;
  category: TProductCategory;
  /** Empty for ordinary speech (`none`). */
  expected: TFindingKind[];
  text: string;
}

const isKind = (value: string): value is TFindingKind => (FINDING_KINDS as readonly string[]).includes(value);

/** `category,expected,line`: the line is the rest of the row, so it may contain commas; kinds are joined with `|`. */
export function loadCorpus(file: string): TCorpusLine[] {
  const rows = readFileSync(join(CORPUS_DIR, file), 'utf8').split(/\r?\n/);
  const lines: TCorpusLine[] = [];
  rows.forEach((row, index) => {
    if (index === 0 || row.trim() === '') return;
    const first = row.indexOf(',');
    const second = row.indexOf(',', first + 1);
    const category = row.slice(0, first);
    const expected = row.slice(first + 1, second);
    const text = row.slice(second + 1);
    const where = `${file}:${index + 1}`;
    if (first < 0 || second < 0 || text.trim() === '')
      throw new Error(`${where}: expected category,expected,line`);
    if (!isProductCategory(category)) throw new Error(`${where}: unknown category ${category}`);
    const kinds = expected === 'none' ? [] : expected.split('|');
    for (const kind of kinds) if (!isKind(kind)) throw new Error(`${where}: unknown kind ${kind}`);
    lines.push({ file, lineNumber: index + 1, category, expected: kinds as TFindingKind[], text });
  });
  return lines;
}

export interface TLineResult {
  line: TCorpusLine;
  /** Kinds of the segment findings (script-level findings are not about a line). */
  found: TFindingKind[];
}

/** Each line is scanned as a one-segment script pitching one product of its category, with no reference price. */
export function scoreLines(lines: readonly TCorpusLine[], pack: TRulePackInput): TLineResult[] {
  return lines.map((line) => {
    const scan = scanScript([{ id: 'line', text: line.text }], pack, {
      products: [{ sku: 'corpus', category: line.category }],
    });
    const found = scan.findings.flatMap((finding) =>
      finding.segmentId === null || finding.kind === undefined ? [] : [finding.kind],
    );
    return { line, found: [...new Set(found)] };
  });
}

export interface TTally {
  /** (line, expected kind) pairs, and how many of them the pack found. */
  expected: number;
  hit: number;
  /** Ordinary lines, and how many got any finding. */
  ordinary: number;
  flaggedOrdinary: number;
  /** Lines not expecting the kind (per-kind tallies only), and how many got it anyway. */
  without: number;
  spurious: number;
}

export const emptyTally = (): TTally => ({
  expected: 0,
  hit: 0,
  ordinary: 0,
  flaggedOrdinary: 0,
  without: 0,
  spurious: 0,
});

export function tallyLines(results: readonly TLineResult[], kind?: TFindingKind): TTally {
  const tally = emptyTally();
  for (const { line, found } of results) {
    const expected = kind === undefined ? line.expected : line.expected.filter((k) => k === kind);
    tally.expected += expected.length;
    tally.hit += expected.filter((k) => found.includes(k)).length;
    if (line.expected.length === 0) {
      tally.ordinary += 1;
      if (found.length > 0) tally.flaggedOrdinary += 1;
    }
    if (kind !== undefined && !line.expected.includes(kind)) {
      tally.without += 1;
      if (found.includes(kind)) tally.spurious += 1;
    }
  }
  return tally;
}
