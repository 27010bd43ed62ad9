import type { TWorkflowKind } from '../../activities/projection/projection.types';
import type { TAuditKind } from '../../domain/audit/audit-kind.types';
import { STREAM_AUDIT_KIND } from '../../domain/stream/audit-kind';
import { CAMPAIGN_AUDIT_KIND } from '../../domain/campaign/audit-kind';

/**
 * The one place a kind of workflow joins the audit tooling (export, replay, reconstruction, the auditor's pages): its
 * workflow type, its reducer and where a continued run carries its state. Keyed by the projection's kinds, so adding
 * a kind there without registering it here does not compile.
 */
export const AUDIT_KINDS: Readonly<Record<TWorkflowKind, TAuditKind>> = {
  stream: STREAM_AUDIT_KIND,
  campaign: CAMPAIGN_AUDIT_KIND,
};

export function auditKindOfType(workflowType: string): TAuditKind | undefined {
  return Object.values(AUDIT_KINDS).find((kind) => kind.workflowType === workflowType);
}

export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as TWorkflowKind[];
