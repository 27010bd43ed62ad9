/**
 * `npm run -s audit -- <export|replay|verify> ...`: the auditor's tools on the command line, with the same code the
 * API runs. Connects to Temporal and the database from the usual environment (TEMPORAL_ADDRESS, DATABASE_URL; the
 * embedded dev server of `npm start` by default); replaying files or a bundle needs neither.
 * Exit codes: 0 ok, 1 a replay diverged or the audit chain is broken, 2 bad input (one line on stderr).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replayReport, runsToReplay, type TReplayReport } from '../api/audit/audit-service';
import { verifyAuditChain, type TAuditChainReport } from '../api/audit/audit-chain';
import { buildExportBundle } from '../api/audit/export-bundle';
import { readBundleFile, readHistoryFile } from '../api/audit/history-files';
import { queryWorkflows } from '../api/audit/history-source';
import { createReplayer, defaultReplayer, type TReplayInput } from '../api/audit/replay';
import { isDomainError } from '../domain/shared/errors';
import { parseConfig } from '../runtime/config';
import { createDb } from '../runtime/db';
import { defaultTemporalAddress } from '../runtime/services';
import { connectClient } from '../runtime/temporal-connection';
import { parseArgs, UsageError, USAGE, type TAuditArgs } from './audit/args';

function connections() {
  const config = parseConfig(process.env);
  const db = createDb(config);
  const client = connectClient(config.temporal, defaultTemporalAddress(config));
  return {
    db,
    temporal: client,
    async close() {
      await db.$disconnect();
      await (await client).connection.close();
    },
  };
}

async function runExport(args: TAuditArgs): Promise<number> {
  const io = connections();
  try {
    const { zip, manifest, manifestSha256 } = await buildExportBundle(
      { temporal: await io.temporal, db: io.db },
      args.selection!,
      {
        id: args.as ?? `cli:${os.userInfo().username}@${os.hostname()}`,
        roles: [],
        via: 'cli',
        requestId: `cli-${process.pid}-${Date.now()}`,
        path: `audit export ${process.argv.slice(3).join(' ')}`,
      },
    );
    const out = args.out ?? `liveops-audit-${manifest.exportedAt.replace(/[:.]/g, '-')}.zip`;
    fs.writeFileSync(out, zip);
    const runs = manifest.workflows.reduce((total, w) => total + w.runs.length, 0);
    process.stdout.write(
      `${path.resolve(out)}: ${manifest.workflows.length} workflow(s), ${runs} run(s), ${manifest.files.length + 1} files\n` +
        `manifest.json sha256 ${manifestSha256}\n` +
        `audit log head: row ${manifest.auditLog.head.id} ${manifest.auditLog.head.hash} (${manifest.auditLog.verified ? 'chain verified' : `CHAIN BROKEN at row ${manifest.auditLog.firstBroken?.id}`})\n`,
    );
    return 0;
  } finally {
    await io.close();
  }
}

async function replayInputs(args: TAuditArgs): Promise<{ inputs: TReplayInput[]; problems: string[] }> {
  if (args.bundle) return readBundleFile(args.bundle);
  if (args.files.length > 0) return { inputs: args.files.map(readHistoryFile), problems: [] };
  const io = connections();
  try {
    const temporal = await io.temporal;
    const selection = args.selection!;
    const ids =
      selection.workflowId ?? (await queryWorkflows(temporal, selection)).workflows.map((w) => w.workflowId);
    return { inputs: await runsToReplay(temporal, ids), problems: [] };
  } finally {
    await io.close();
  }
}

function printReplay(report: TReplayReport, problems: string[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...report, bundleProblems: problems }, null, 2)}\n`);
    return;
  }
  for (const problem of problems) process.stdout.write(`bundle: ${problem}\n`);
  for (const result of report.results) {
    const where =
      result.error?.eventId === undefined
        ? ''
        : ` at event ${result.error.eventId} ${result.error.eventType ?? ''}`;
    process.stdout.write(
      result.ok
        ? `ok      ${result.workflowId} ${result.runId} (${result.events} events)\n`
        : `FAILED  ${result.workflowId} ${result.runId}: ${result.error?.kind}${where}\n        ${result.error?.message}\n`,
    );
  }
  process.stdout.write(`${report.replayed} run(s) replayed, ${report.failed} failed\n`);
}

async function runReplay(args: TAuditArgs): Promise<number> {
  const { inputs, problems } = await replayInputs(args);
  if (inputs.length === 0) throw new UsageError('nothing to replay');
  const replayer = args.workflows
    ? createReplayer({ workflowsPath: path.resolve(args.workflows) })
    : defaultReplayer();
  const report = replayReport(await replayer.replay(inputs));
  printReplay(report, problems, args.json);
  return report.ok && problems.length === 0 ? 0 : 1;
}

function printVerify(report: TAuditChainReport, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.ok)
    process.stdout.write(
      `audit log chain ok: ${report.rows} rows, head row ${report.head.id} ${report.head.hash}\n`,
    );
  else
    process.stdout.write(
      `audit log chain BROKEN at row ${report.firstBroken!.id}: ${report.firstBroken!.message}\n`,
    );
}

async function runVerify(args: TAuditArgs): Promise<number> {
  const config = parseConfig(process.env);
  const db = createDb(config);
  try {
    const report = await verifyAuditChain(db);
    printVerify(report, args.json);
    return report.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    const run = { export: runExport, replay: runReplay, verify: runVerify }[args.command];
    process.exitCode = await run(args);
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`audit: ${error.message}\n${USAGE}\n`);
    else if (isDomainError(error) && ['INVALID_INPUT', 'NOT_FOUND'].includes(error.code))
      process.stderr.write(`audit: ${error.message}\n`);
    else throw error;
    process.exitCode = 2;
  }
}

if (require.main === module) void main();
