import fs from 'node:fs';
import path from 'node:path';
import { onCleanup } from '../infra/cleanup';
import { startNodeChild, type MeasuredChild } from '../infra/child-process';
import { freePort } from '../infra/free-port';
import { childPids, isAlive } from '../infra/proc-stats';

const READY_TIMEOUT_MS = 5 * 60_000;

export const ADMIN_EMAIL = 'bench-admin@example.com';
export const ADMIN_PASSWORD = 'bench-admin-password-not-secret';

export interface AppInstance {
  process: MeasuredChild;
  baseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  dataDir: string;
}

/**
 * A fresh liveops exactly as `npm start` runs it (`node --import tsx scripts/start.ts` in the target checkout): its
 * own data dir, free ports, an embedded Temporal dev server. Only limits that would throttle the bench itself are
 * raised (sign-in and metric rate limits); nothing about the engine is configured.
 */
export async function startApp(target: string, workDir: string): Promise<AppInstance> {
  const [port, temporalPort, temporalUiPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = path.join(workDir, 'liveops-data');
  fs.mkdirSync(dataDir, { recursive: true });
  const taskQueue = 'liveops';
  const child = startNodeChild({
    name: 'liveops',
    cwd: target,
    script: path.join(target, 'scripts/start.ts'),
    logFile: path.join(workDir, 'liveops.log'),
    env: {
      ...inheritedEnvWithoutAppSettings(),
      LIVEOPS_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(temporalUiPort),
      TEMPORAL_TASK_QUEUE: taskQueue,
      LIVEOPS_ADMIN_EMAIL: ADMIN_EMAIL,
      LIVEOPS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Ten browser users sign in at once, and the lifecycle stream pushes its batches quickly.
      LIVEOPS_LOGIN_RATE_LIMIT: '10000',
      LIVEOPS_METRICS_RATE_LIMIT: '100000',
      LOG_FORMAT: 'json',
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // The dev server runs in its own process group: if the app dies without stopping it, we stop it by its pid.
  const devServer: { pid?: number } = {};
  onCleanup('liveops', async () => {
    await child.stop();
    if (devServer.pid !== undefined && isAlive(devServer.pid)) process.kill(devServer.pid, 'SIGKILL');
  });

  await waitForReady(child, `${baseUrl}/readyz`);
  devServer.pid = childPids(child.pid).find((c) => c.command.includes('start-dev'))?.pid;
  return { process: child, baseUrl, temporalAddress: `127.0.0.1:${temporalPort}`, taskQueue, dataDir };
}

/** The caller's own liveops settings (a TEMPORAL_ADDRESS, a DATABASE_URL...) must not leak into the fresh instance. */
const APP_SETTING =
  /^(LIVEOPS_|TEMPORAL_|DATABASE_|SMTP_|MAIL_|NOTIFY_|ANALYTICS_|PUBLIC_BASE_URL$|PORT$|HOST$|LOG_|NODE_ENV$|TRUST_PROXY$)/;

export function inheritedEnvWithoutAppSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !APP_SETTING.test(key)));
}

async function waitForReady(child: MeasuredChild, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!child.isRunning())
      throw new Error(`liveops exited during start (${await child.exited}):\n${child.logTail()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`liveops was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${child.logTail()}`);
}
