import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** Pretty output for a person at a terminal, JSON lines for everything else (log shippers, CI). */
export function createLogger(config: Pick<Config, 'log'>, name = 'liveops'): Logger {
  const pretty = config.log.format === 'pretty' || (config.log.format === 'auto' && process.stdout.isTTY);
  return pino({
    name,
    level: config.log.level,
    redact: {
      paths: [
        '*.password',
        '*.token',
        '*.apiKey',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  });
}
