import type { Client } from '@temporalio/client';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../../workflows/search-attributes';
import type { StreamListFilter, StreamSummary } from './stream-lists';

/** A value inside a visibility query string literal. */
const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Streams as Temporal's visibility store sees them (the search attributes each stream sets at start and on every
 * phase change), for when the read model is behind (its database was down) or an auditor wants Temporal's own word.
 * Fewer columns than the read model: no pending items, no next deadline.
 */
export async function listStreamsFromVisibility(
  temporal: Client,
  filter: Omit<StreamListFilter, 'pendingFor' | 'pending' | 'cursor'>,
): Promise<{ items: Array<Omit<StreamSummary, 'pendingItems'> & { pendingItems: null }>; more: boolean }> {
  const clauses = [`${SA_KIND.name} = 'stream'`];
  if (filter.phase) clauses.push(`${SA_PHASE.name} = ${literal(filter.phase)}`);
  if (filter.owner) clauses.push(`${SA_OWNER.name} = ${literal(filter.owner)}`);
  if (filter.from)
    clauses.push(`${SA_SCHEDULED_START.name} >= ${literal(new Date(filter.from).toISOString())}`);
  if (filter.to) clauses.push(`${SA_SCHEDULED_START.name} < ${literal(new Date(filter.to).toISOString())}`);
  const items: Array<Omit<StreamSummary, 'pendingItems'> & { pendingItems: null }> = [];
  let more = false;
  for await (const execution of temporal.workflow.list({ query: clauses.join(' AND ') })) {
    if (items.length === filter.limit) {
      more = true;
      break;
    }
    const attributes = execution.typedSearchAttributes;
    const memo = (execution.memo ?? {}) as { title?: unknown; timeZone?: unknown };
    items.push({
      id: execution.workflowId,
      title: typeof memo.title === 'string' ? memo.title : execution.workflowId,
      owner: attributes.get(SA_OWNER) ?? '',
      phase: attributes.get(SA_PHASE) ?? '',
      scheduledStart: attributes.get(SA_SCHEDULED_START)?.toISOString() ?? '',
      timeZone: typeof memo.timeZone === 'string' ? memo.timeZone : 'Asia/Shanghai',
      paused: false,
      nextDeadline: null,
      // Visibility's own status would say; the read model's column is what lists keep, so this list leaves it open.
      closedAs: null,
      pendingItems: null,
      updatedAt: (execution.closeTime ?? execution.startTime).toISOString(),
    });
  }
  return { items, more };
}
