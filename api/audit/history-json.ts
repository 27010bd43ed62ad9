import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils';

/** Protobuf map fields of the Temporal API: payload metadata, search attributes, memo and header fields. */
const MAP_FIELDS = new Set(['metadata', 'indexedFields', 'fields']);

function sortMaps(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => sortMaps(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => [k, sortMaps(v, k)] as const,
  );
  if (key !== undefined && MAP_FIELDS.has(key)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * A run's history in Temporal's JSON (historyToJSON: what `temporal workflow show -o json` writes), with the entries
 * of protobuf maps in key order. The server sends map entries in any order, so without this the same closed history
 * fetched twice gives different bytes, and digests of two exports could not be compared. Fields keep proto order.
 */
export function historyJson(history: History): string {
  return JSON.stringify(sortMaps(JSON.parse(historyToJSON(history))), null, 2);
}
