import type { TStreamEvent } from './events.types';

/** One line per event for the audit timeline ("who did what"); payloads stay in Temporal history. */
export function summarizeEvent(event: TStreamEvent): string {
  switch (event.type) {
    case 'StreamPlanned':
      return `planned "${event.plan.title}" for ${event.plan.scheduledStart}`;
    case 'ScriptSubmitted':
      return `submitted script r${event.revision} (${event.segments.length} segments)`;
    case 'ScriptScanned':
      return `scanned script r${event.revision}: ${event.findings.length + (event.truncated ?? 0)} findings`;
    case 'ScriptDecided':
      return `script r${event.revision} ${event.decision}${event.packVersion ? ` (rules ${event.packVersion})` : ''}${event.reasons.length > 0 ? `: ${event.reasons.join('; ')}` : ''}`;
    case 'ProductsChecked': {
      const withProblems = event.results.filter((result) => result.problems.length > 0).length;
      return `checked ${event.results.length} products: ${withProblems} with document problems`;
    }
    case 'ProductDecided':
      return `product ${event.sku} ${event.decision}${event.reason ? `: ${event.reason}` : ''}`;
    case 'ProductDropped':
      return `dropped product ${event.sku}${event.reason ? `: ${event.reason}` : ''}`;
    case 'ProductAdded':
      return `added product ${event.product.sku} (${event.product.name}, ${event.product.category})`;
    case 'DocumentReplaced':
      return `replaced ${event.document} of ${event.sku}: ${event.replacement.number}, valid until ${event.replacement.expiresOn}`;
    case 'ReviewerAssigned':
      return `assigned reviewer ${event.member.name} (${event.member.id}): ${event.reason}`;
    case 'ReminderSent':
      return `reminded ${event.to.join(', ')} about ${event.approvalKey}`;
    case 'ApprovalEscalated':
      return `escalated ${event.approvalKey} to ${event.to.join(', ')}`;
    case 'StreamBlocked':
      return `blocked: ${event.reason}`;
    case 'StreamRescheduled':
      return `rescheduled to ${event.scheduledStart}${event.reason ? `: ${event.reason}` : ''}`;
    case 'PhaseEntered':
      return `entered ${event.phase}`;
    case 'ChecklistSigned':
      return `signed checklist (${event.items.join(', ')})`;
    case 'ChecklistEscalated':
      return `escalated unsigned checklist to ${event.to.join(', ')}`;
    case 'MetricsReceived':
      return `received ${event.count} ${event.source ?? ''} metric points (${event.from} to ${event.to})`.replace(
        '  ',
        ' ',
      );
    case 'AlertRaised':
      return `alert ${event.ruleId}: ${event.message}`;
    case 'IncidentRecorded':
      return `incident (${event.kind}): ${event.description}`;
    case 'StreamExtended':
      return `extended by ${event.minutes} min: ${event.reason}`;
    case 'StreamEndedEarly':
      return `ended early: ${event.reason}`;
    case 'Paused':
      return `paused: ${event.reason}`;
    case 'Resumed':
      return `resumed after ${event.pausedSeconds} s`;
    case 'AdvancedNow':
      return `advanced ${event.from} -> ${event.to}${event.reason ? `: ${event.reason}` : ''}`;
    case 'Cancelled':
      return `cancelled: ${event.reason}`;
    case 'ReviewReported':
      return `review report ${event.reportId}`;
    case 'ReviewFailed':
      return `review report could not be built: ${event.reason}`;
    case 'ReviewRetryRequested':
      return 'asked to build the review report again';
    case 'ReviewSignedOff':
      return `signed off review ${event.reportId}`;
    case 'ContinuedAsNew':
      return `continued as new (run ${event.runNumber})`;
  }
}
