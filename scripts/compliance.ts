/**
 * `npm run -s compliance -- scan --category <category> [--json]`: scans a script read from stdin (one segment per
 * line) with the default rule pack, as the workflow does at submit time, so compliance staff and writers can check a
 * script before submitting it. Exit 0 when it scanned (findings or not), 2 on bad input, with one line on stderr.
 */
import { DEFAULT_RULE_PACK } from '../domain/compliance/default-rules';
import {
  isProductCategory,
  PRODUCT_CATEGORIES,
  type TProductCategory,
} from '../domain/compliance/product-categories';
import { scanScript, type TScanFinding } from '../domain/compliance/scan-script';

const USAGE = `usage: compliance scan --category <${PRODUCT_CATEGORIES.join('|')}> [--json] < script.txt`;

class UsageError extends Error {}

interface TScanArgs {
  category: TProductCategory;
  json: boolean;
}

export function parseArgs(argv: readonly string[]): TScanArgs {
  const [command, ...rest] = argv;
  if (command !== 'scan')
    throw new UsageError(command === undefined ? 'missing command' : `unknown command ${command}`);
  let category: string | undefined;
  let json = false;
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    if (arg === '--json') json = true;
    else if (arg === '--category') {
      category = rest[index + 1];
      index += 1;
      if (category === undefined) throw new UsageError('--category needs a value');
    } else if (arg.startsWith('--category=')) category = arg.slice('--category='.length);
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (category === undefined) throw new UsageError('--category is required');
  if (!isProductCategory(category)) throw new UsageError(`unknown category ${category}`);
  return { category, json };
}

/** Line numbers from 1, null for a script-level finding: the shape the CLI promises in --json mode. */
function jsonFinding(finding: TScanFinding, lineOf: ReadonlyMap<string, number>) {
  return {
    segment: finding.segmentId === null ? null : (lineOf.get(finding.segmentId) ?? null),
    term: finding.term,
    offset: finding.offset,
    length: finding.length,
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    basis: finding.basis,
  };
}

function humanFinding(finding: TScanFinding, lineOf: ReadonlyMap<string, number>): string {
  const where =
    finding.segmentId === null
      ? 'script'
      : `line ${lineOf.get(finding.segmentId)}, col ${finding.offset + 1}`;
  const what =
    finding.segmentId === null
      ? `missing: 「${finding.term}」`
      : `「${finding.term}」 ${finding.kind} (${finding.ruleId})`;
  const lines = [
    `${where}: [${finding.severity}] ${what}`,
    `    ${finding.basis.citation}: ${finding.basis.zh}`,
  ];
  if (finding.suggestion !== undefined) lines.push(`    建议: ${finding.suggestion.zh}`);
  return lines.join('\n');
}

export function runScan(args: TScanArgs, input: string): string {
  const lines = input.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (lines.every((line) => line.trim() === '')) throw new UsageError('empty script on stdin');
  const segments = lines.map((text, index) => ({ id: `line-${index + 1}`, text }));
  const lineOf = new Map(segments.map((segment, index) => [segment.id, index + 1]));
  const { packVersion, findings } = scanScript(segments, DEFAULT_RULE_PACK, {
    products: [{ sku: 'stdin', category: args.category }],
  });
  if (args.json) return JSON.stringify({ findings: findings.map((f) => jsonFinding(f, lineOf)) }, null, 2);
  const header = `${findings.length} finding(s) in ${segments.length} line(s), category ${args.category}, rule pack ${packVersion}`;
  return [header, ...findings.map((finding) => humanFinding(finding, lineOf))].join('\n');
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    process.stdout.write(`${runScan(args, await readStdin())}\n`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`compliance: ${error.message} (${USAGE})\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) void main();
