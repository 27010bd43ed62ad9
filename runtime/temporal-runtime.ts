import type { LogLevel, LogMetadata } from '@temporalio/common';
import { IllegalStateError } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from './logger';

let installed = false;

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Routes the Temporal SDK's logs (worker, activity and workflow context loggers) into our pino logger. Must run before
 * the first connection is created. Shutdown signals are ours: start.ts drains the worker in a known order.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  const sdkLogger = logger.child({ component: 'temporal-sdk' });
  const forward = (level: LogLevel) => (message: string, meta?: LogMetadata) =>
    sdkLogger[PINO_LEVEL[level]](meta ?? {}, message);
  try {
    Runtime.install({
      shutdownSignals: [],
      logger: {
        log: (level, message, meta) => forward(level)(message, meta),
        trace: forward('TRACE'),
        debug: forward('DEBUG'),
        info: forward('INFO'),
        warn: forward('WARN'),
        error: forward('ERROR'),
      },
    });
  } catch (error) {
    // Already instantiated by someone else in this process (e.g. a test environment started first): keep theirs.
    if (!(error instanceof IllegalStateError)) throw error;
    logger.debug('Temporal runtime already installed; SDK logs keep their existing destination');
  }
}
