import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DomainError } from '../../domain/shared/errors';
import { workflowIdInHistory } from './decode-history';
import { readExportBundle } from './export-bundle';
import type { TReplayInput } from './replay';

const invalid = (file: string, message: string) =>
  new DomainError('INVALID_INPUT', `${file}: ${message}`, {
    issues: [{ path: [file], message, code: 'custom' }],
  });

/** One run's history file in Temporal's JSON (an export's, or `temporal workflow show -o json`'s). */
export function readHistoryFile(file: string): TReplayInput {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(file, `not a readable JSON file (${(error as Error).message})`);
  }
  let history;
  try {
    history = historyFromJSON(json);
  } catch (error) {
    throw invalid(file, `not a Temporal history (${(error as Error).message})`);
  }
  return { workflowId: workflowIdInHistory(history) ?? path.basename(file).replace(/\.json$/, ''), history };
}

/** Every history in an export bundle, after checking each file against the manifest's digests. */
export function readBundleFile(file: string): { inputs: TReplayInput[]; problems: string[] } {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw invalid(file, `cannot be read (${(error as Error).message})`);
  }
  const bundle = readExportBundle(bytes);
  return {
    inputs: bundle.histories.map(({ workflowId, history }) => ({ workflowId, history })),
    problems: bundle.problems,
  };
}
