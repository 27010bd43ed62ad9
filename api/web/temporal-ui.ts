import type { Config } from '../../runtime/config';

/**
 * Where Temporal's own web UI is, for links to a workflow's run: the embedded dev server's UI port on the host people
 * reach liveops on. An external cluster's UI is not known to liveops: no link then (undefined).
 */
export function temporalUiBase(
  config: Pick<Config, 'temporal' | 'devServer' | 'publicBaseUrl'>,
): string | undefined {
  if (config.temporal.address !== undefined) return undefined;
  const publicUrl = new URL(config.publicBaseUrl);
  return `${publicUrl.protocol}//${publicUrl.hostname}:${config.devServer.uiPort}`;
}

/** The page of one run's history in Temporal's UI. */
export function temporalRunUrl(base: string, namespace: string, workflowId: string, runId: string): string {
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}
