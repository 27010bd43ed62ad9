import path from 'node:path';
import { z } from 'zod';
import { ZChatChannelsSchema, type TChatChannels } from '../activities/notify/chat-channel.types';
import { DEFAULT_DATA_DIR } from './database-url';

const port = z.coerce.number().int().min(1).max(65535);
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable liveops reads, parsed once at boot. `.env.example` documents each of them; the
 * docker-compose test checks that the compose file sets only keys this schema knows.
 */
export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LIVEOPS_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'a file:, libsql://, http(s):// or ws(s):// URL')
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'host:port, e.g. temporal.example.com:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('liveops'),
  TEMPORAL_TLS: booleanFlag.default(false),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/, error: 'an http(s):// URL' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465')
    .optional(),
  MAIL_FROM: z.string().min(3).default('liveops <liveops@localhost>'),
  SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
  ANALYTICS_BASE_URL: z.url({ protocol: /^https?$/, error: 'an http(s):// URL' }).optional(),
  ANALYTICS_TOKEN: z.string().min(1).optional(),
  ANALYTICS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s):// URL' })
    .default('http://localhost:3000'),
  NOTIFY_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  NOTIFY_CHAT_CHANNELS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(ZChatChannelsSchema)
    .optional(),
  LIVEOPS_ADMIN_EMAIL: z.email().optional(),
  LIVEOPS_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  LIVEOPS_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LIVEOPS_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LIVEOPS_METRICS_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  LIVEOPS_WORKFLOW_CACHE: z.coerce.number().int().min(10).max(100_000).default(1000),
  LIVEOPS_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'a size such as 256kb or 1mb')
    .default('256kb'),
  TRUST_PROXY: z
    .string()
    .transform((value): boolean | number | string =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    )
    .optional(),
});

export type Env = z.infer<typeof ENV_SCHEMA>;

export interface TemporalConfig {
  /** Undefined means: start the embedded dev server and connect to it. */
  address?: string;
  namespace: string;
  taskQueue: string;
  tls?: {
    clientCertPath?: string;
    clientKeyPath?: string;
    caPath?: string;
    serverName?: string;
  };
  apiKey?: string;
}

export interface MailConfig {
  /** Undefined: no SMTP; email notifications are held in the outbox for the web UI to show. */
  smtpUrl?: string;
  from: string;
  tlsRejectUnauthorized: boolean;
}

export interface AnalyticsConfig {
  /** Undefined: `npm start` runs the embedded platform simulator and points the client at it. */
  baseUrl?: string;
  token?: string;
  timeoutMs: number;
}

export interface Config {
  env: Env['NODE_ENV'];
  log: { level: Env['LOG_LEVEL']; format: Env['LOG_FORMAT'] };
  http: {
    port: number;
    host: string;
    /** JSON and form body limit (metric batches have their own, larger one); past it: 413. */
    bodyLimit: string;
    /** Express `trust proxy`: decides req.ip (rate limits, audit) and req.secure (secure cookies) behind a proxy. */
    trustProxy: boolean | number | string;
  };
  dataDir: string;
  database: { url?: string; authToken?: string };
  temporal: TemporalConfig;
  devServer: { cliPath?: string; port: number; uiPort: number; dbFile: string };
  /** Temporal's web UI for an external cluster (links from a stream's history); unset: the embedded one's, or none. */
  temporalUiUrl?: string;
  mail: MailConfig;
  analytics: AnalyticsConfig;
  /** Base of links in messages (review report, approval pages). No trailing slash. */
  publicBaseUrl: string;
  notifyLocale: Env['NOTIFY_LOCALE'];
  /** Named chat webhooks; team members refer to them by name (`chatChannel`), so tokens stay out of history. */
  chatChannels: TChatChannels;
  auth: AuthConfig;
  /** Workflows a worker keeps in memory (0.26 MB heap, 0.5-0.9 MB RSS per cached stream; see npm run bench). */
  workflowCacheSize: number;
}

export interface AuthConfig {
  /** The first admin, created when no user exists yet; unset: admin@localhost with a random password, logged once. */
  adminEmail?: string;
  adminPassword?: string;
  sessionTtlHours: number;
  /** POST /login attempts per IP per 15 minutes. */
  loginRateLimit: number;
  /** POST /api/metrics batches per token per minute. */
  metricsRateLimit: number;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid configuration: ${variable}: ${expected}`);
  }
}

export function parseConfig(raw: NodeJS.ProcessEnv): Config {
  // Empty strings come from `FOO=` lines in .env files and compose files: treat them as unset.
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ENV_SCHEMA.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      variable,
      `${issue?.message ?? 'invalid'} (got ${JSON.stringify(raw[variable] ?? null)})`,
    );
  }
  const env = parsed.data;
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError(
      'TEMPORAL_TLS_CERT_PATH',
      'set together with TEMPORAL_TLS_KEY_PATH (mTLS needs both)',
    );
  }
  const tlsWanted = env.TEMPORAL_TLS || Boolean(env.TEMPORAL_TLS_CERT_PATH) || Boolean(env.TEMPORAL_API_KEY);
  if (tlsWanted && !env.TEMPORAL_ADDRESS) {
    throw new ConfigError('TEMPORAL_ADDRESS', 'required when TLS or an API key is configured (host:port)');
  }
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    http: {
      port: env.PORT,
      host: env.HOST,
      bodyLimit: env.LIVEOPS_BODY_LIMIT,
      trustProxy: env.TRUST_PROXY ?? false,
    },
    dataDir: path.resolve(env.LIVEOPS_DATA_DIR),
    database: { url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      tls: tlsWanted
        ? {
            clientCertPath: env.TEMPORAL_TLS_CERT_PATH,
            clientKeyPath: env.TEMPORAL_TLS_KEY_PATH,
            caPath: env.TEMPORAL_TLS_CA_PATH,
            serverName: env.TEMPORAL_TLS_SERVER_NAME,
          }
        : undefined,
      apiKey: env.TEMPORAL_API_KEY,
    },
    devServer: {
      cliPath: env.TEMPORAL_CLI_PATH,
      port: env.TEMPORAL_DEV_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
      dbFile: path.join(path.resolve(env.LIVEOPS_DATA_DIR), 'temporal.db'),
    },
    temporalUiUrl: env.TEMPORAL_UI_URL?.replace(/\/+$/, ''),
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      tlsRejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
    },
    analytics: {
      baseUrl: env.ANALYTICS_BASE_URL?.replace(/\/+$/, ''),
      token: env.ANALYTICS_TOKEN,
      timeoutMs: env.ANALYTICS_TIMEOUT_MS,
    },
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    notifyLocale: env.NOTIFY_LOCALE,
    chatChannels: env.NOTIFY_CHAT_CHANNELS ?? {},
    workflowCacheSize: env.LIVEOPS_WORKFLOW_CACHE,
    auth: {
      adminEmail: env.LIVEOPS_ADMIN_EMAIL?.toLowerCase(),
      adminPassword: env.LIVEOPS_ADMIN_PASSWORD,
      sessionTtlHours: env.LIVEOPS_SESSION_TTL_HOURS,
      loginRateLimit: env.LIVEOPS_LOGIN_RATE_LIMIT,
      metricsRateLimit: env.LIVEOPS_METRICS_RATE_LIMIT,
    },
  };
}

/** For entry points: one clear line naming the variable, exit code 2. */
export function loadConfigOrExit(raw: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`liveops: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
