import type { Config } from '../config';
import type { Logger } from '../logger';
import { createPlatformSimulator } from './platform-simulator';

/**
 * For `npm start`: when ANALYTICS_BASE_URL is unset, runs the platform simulator (a stand-in for the external live
 * platform, with generated numbers) and returns the config pointed at it; otherwise returns the config unchanged.
 * `close` is undefined when nothing was started.
 */
export async function ensureAnalyticsEndpoint(
  config: Config,
  logger: Logger,
): Promise<{ config: Config; close?: () => Promise<void> }> {
  if (config.analytics.baseUrl) return { config };
  const simulator = await createPlatformSimulator({ timeline: 'live' });
  logger.warn(
    { url: simulator.url },
    'ANALYTICS_BASE_URL is unset: using the embedded platform SIMULATOR (generated numbers, not real platform data)',
  );
  return {
    config: { ...config, analytics: { ...config.analytics, baseUrl: simulator.url } },
    close: () => simulator.close(),
  };
}
