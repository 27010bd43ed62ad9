import http from 'node:http';
import type { Express } from 'express';
import type { Logger } from './logger';

type Step = { name: string; run: () => Promise<unknown> };

/**
 * Stops what was started, in reverse order of starting (HTTP, then worker drain, then connections, then the dev
 * server). A second signal while stopping exits at once.
 */
export class ShutdownSequence {
  private readonly steps: Step[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  stop(reason: string): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info({ reason }, 'shutting down');
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
          this.logger.debug({ step: step.name }, 'stopped');
        } catch (error) {
          this.logger.error({ err: error, step: step.name }, 'error while stopping');
        }
      }
      this.logger.info('stopped cleanly');
    })();
    return this.stopping;
  }

  /** SIGINT/SIGTERM run the sequence and exit 0; startup failures run it and exit 1. */
  handleSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          this.logger.warn({ signal }, 'second signal: exiting now');
          process.exit(130);
        }
        void this.stop(signal).then(() => process.exit(0));
      });
    }
  }
}

export function listen(app: Express, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
