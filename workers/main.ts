/** `npm run worker`: a worker process alone, for production where many workers share one Temporal cluster. */
import { loadConfigOrExit } from '../runtime/config';
import { ShutdownSequence } from '../runtime/lifecycle';
import { createLogger } from '../runtime/logger';
import { applyMigrations } from '../runtime/migrate';
import { defaultTemporalAddress, openDb, runWorker } from '../runtime/services';
import { installTemporalRuntime } from '../runtime/temporal-runtime';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'liveops-worker');
  installTemporalRuntime(logger);
  const shutdown = new ShutdownSequence(logger);
  shutdown.handleSignals();
  try {
    await applyMigrations(config, logger);
    const db = await openDb(config, shutdown);
    await runWorker(config, defaultTemporalAddress(config), { db, logger }, shutdown);
  } catch (error) {
    logger.fatal({ err: error }, 'worker startup failed');
    await shutdown.stop('startup failure');
    process.exit(1);
  }
}

void main();
