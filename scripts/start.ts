/**
 * `npm start`: everything in one process tree with no configuration. Starts the embedded Temporal dev server
 * (persisted to .data/temporal.db) unless TEMPORAL_ADDRESS is set, migrates the database, then runs the worker and
 * the HTTP API.
 */
import { loadConfigOrExit } from '../runtime/config';
import { startDevServer } from '../runtime/dev-server';
import { ShutdownSequence } from '../runtime/lifecycle';
import { createLogger } from '../runtime/logger';
import { applyMigrations } from '../runtime/migrate';
import { openClient, openDb, runApi, runWorker } from '../runtime/services';
import { ensureAnalyticsEndpoint } from '../runtime/platform-simulator/embedded';
import { installTemporalRuntime } from '../runtime/temporal-runtime';
import { ensureTemporalCli } from './temporal-cli';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  installTemporalRuntime(logger);
  const shutdown = new ShutdownSequence(logger);
  shutdown.handleSignals();
  try {
    let address = config.temporal.address;
    let temporalUi: string | undefined;
    if (!address) {
      const cli = await ensureTemporalCli(
        { ...process.env, TEMPORAL_CLI_PATH: config.devServer.cliPath },
        (message) => logger.info(message),
      );
      const devServer = await startDevServer(cli.path, config, logger);
      shutdown.add('temporal dev server', () => devServer.stop());
      address = devServer.address;
      temporalUi = devServer.uiUrl;
    }
    await applyMigrations(config, logger);
    const analytics = await ensureAnalyticsEndpoint(config, logger);
    if (analytics.close) shutdown.add('platform simulator', analytics.close);
    const db = await openDb(config, shutdown);
    const temporal = await openClient(config, address, shutdown, logger);
    await runWorker(analytics.config, address, { db, logger }, shutdown);
    const apiUrl = await runApi(config, { temporal, db, logger }, shutdown);
    logger.info(
      { api: apiUrl, ready: `${apiUrl}/readyz`, temporalUi: temporalUi ?? '(external cluster)' },
      'liveops is running: press Ctrl-C to stop',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'startup failed');
    await shutdown.stop('startup failure');
    process.exit(1);
  }
}

void main();
