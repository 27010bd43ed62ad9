import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { LIVEOPS_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import type { Logger } from './logger';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  TEXT: INDEXED.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: INDEXED.INDEXED_VALUE_TYPE_KEYWORD,
  INT: INDEXED.INDEXED_VALUE_TYPE_INT,
  DOUBLE: INDEXED.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: INDEXED.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: INDEXED.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: INDEXED.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Registers the custom search attributes the workflows upsert. Idempotent; on clusters where the operator API is not
 * allowed (e.g. Temporal Cloud) it logs what an operator has to register instead of failing the boot.
 */
/** The custom search attributes as the operator API registers them (name -> indexed value type). */
export function searchAttributeTypes(): Record<string, temporal.api.enums.v1.IndexedValueType> {
  return Object.fromEntries(LIVEOPS_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPE[key.type]!]));
}

export async function ensureSearchAttributes(
  client: Client,
  namespace: string,
  logger: Logger,
): Promise<void> {
  const wanted = searchAttributeTypes();
  try {
    const existing = await client.connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.fromEntries(
      Object.entries(wanted).filter(([name]) => !(name in (existing.customAttributes ?? {}))),
    );
    if (Object.keys(missing).length === 0) return;
    await client.connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    logger.info({ searchAttributes: Object.keys(missing) }, 'registered search attributes');
  } catch (error) {
    logger.warn(
      { err: error, searchAttributes: LIVEOPS_SEARCH_ATTRIBUTES.map((k) => `${k.name}=${k.type}`) },
      'could not register search attributes: ask a cluster operator to add them',
    );
  }
}
