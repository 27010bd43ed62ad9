/** `npm run api`: the HTTP API alone, for production (scale it separately from the workers). */
import { loadConfigOrExit } from '../runtime/config';
import { ShutdownSequence } from '../runtime/lifecycle';
import { createLogger } from '../runtime/logger';
import { defaultTemporalAddress, openClient, openDb, runApi } from '../runtime/services';
import { installTemporalRuntime } from '../runtime/temporal-runtime';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'liveops-api');
  installTemporalRuntime(logger);
  const shutdown = new ShutdownSequence(logger);
  shutdown.handleSignals();
  try {
    const db = await openDb(config, shutdown);
    const temporal = await openClient(config, defaultTemporalAddress(config), shutdown, logger);
    await runApi(config, { temporal, db, logger }, shutdown);
  } catch (error) {
    logger.fatal({ err: error }, 'API startup failed');
    await shutdown.stop('startup failure');
    process.exit(1);
  }
}

void main();
