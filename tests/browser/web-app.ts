import fs from 'node:fs';
import { requireTestEnv } from '../setup/test-env';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../api/app';
import { createUser } from '../../api/auth/users';
import type { TAppRole } from '../../domain/shared/actor.types';
import {
  createPlatformSimulator,
  type PlatformSimulator,
} from '../../runtime/platform-simulator/platform-simulator';
import { createHarness, type Harness } from '../integration/helpers/harness';

export const WEB_TEST_PASSWORD = 'correct horse battery staple';

export interface WebUser {
  email: string;
  password: string;
  name: string;
}

export interface WebApp {
  harness: Harness;
  baseUrl: string;
  createWebUser(label: string, roles: TAppRole[]): Promise<WebUser>;
  close(): Promise<void>;
}

/**
 * The real app (createApp: auth, API and web UI) on a real port, over a harness (real worker on its own queue, the
 * run's dev server and database) and the platform simulator as the analytics platform. The API process is configured
 * as `npm start` configures it (ANALYTICS_BASE_URL unset), so pages label platform numbers as simulated.
 */
export async function startWebApp(): Promise<WebApp> {
  const simulator: PlatformSimulator = await createPlatformSimulator({ timeline: 'completed' });
  const harness = await createHarness({ env: { ANALYTICS_BASE_URL: simulator.url } });
  const config = {
    ...harness.config,
    temporal: { ...harness.config.temporal, taskQueue: harness.taskQueue },
    analytics: { ...harness.config.analytics, baseUrl: undefined },
    // Links to Temporal's UI, as npm start gives them for its embedded server (here the run's dev server).
    temporalUiUrl: `http://127.0.0.1:${harness.config.devServer.uiPort}`,
  };
  const app = createApp({
    config,
    temporal: harness.client,
    db: harness.db,
    logger: harness.logger,
    replayBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    harness,
    baseUrl: `http://127.0.0.1:${port}`,
    async createWebUser(label, roles) {
      // Test files share one database: unique emails.
      const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
      await createUser(harness.db, { email, name: label, roles, password: WEB_TEST_PASSWORD });
      return { email, password: WEB_TEST_PASSWORD, name: label };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
      await simulator.close();
    },
  };
}
