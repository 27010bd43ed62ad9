import type { Config } from '../../runtime/config';

/**
 * Where Temporal's own web UI is, for links to a workflow's run: TEMPORAL_UI_URL when set (an external cluster's UI),
 * else the embedded dev server's UI port on the host people reach liveops on; an external cluster without it: no link.
 */
export function temporalUiBase(
  config: Pick<Config, 'temporal' | 'devServer' | 'publicBaseUrl' | 'temporalUiUrl'>,
): string | undefined {
  if (config.temporalUiUrl !== undefined) return config.temporalUiUrl;
  if (config.temporal.address !== undefined) return undefined;
  const publicUrl = new URL(config.publicBaseUrl);
  return `${publicUrl.protocol}//${publicUrl.hostname}:${config.devServer.uiPort}`;
}

/** The page of one run's history in Temporal's UI. */
export function temporalRunUrl(base: string, namespace: string, workflowId: string, runId: string): string {
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}
