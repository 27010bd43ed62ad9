import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Which code was measured: the commit, whether it had uncommitted changes, the Temporal SDK it runs. */
export function describeTarget(target: string): {
  dir: string;
  commit: string;
  dirty: boolean;
  temporalSdk: string;
} {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', ['-C', target, ...args], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  let temporalSdk = 'unknown';
  try {
    const manifest = path.join(target, 'node_modules/@temporalio/worker/package.json');
    temporalSdk = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    // no node_modules in the target: the app would not start either, and says so
  }
  return {
    dir: target,
    commit: git('log', '-1', '--format=%h %s').slice(0, 100) || 'unknown',
    dirty: git('status', '--porcelain') !== '',
    temporalSdk,
  };
}
