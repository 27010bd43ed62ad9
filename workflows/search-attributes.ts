import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes: set when a workflow starts, and the phase and start again when they change (a handful
 * of upserts per stream, not one per checkpoint). Lists read the database; these serve visibility queries where
 * the database cannot: an auditor's "every stream of this owner in March", and listing while the read model lags.
 */
export const SA_KIND = defineSearchAttributeKey('LiveopsKind', SearchAttributeType.KEYWORD);
export const SA_PHASE = defineSearchAttributeKey('LiveopsPhase', SearchAttributeType.KEYWORD);
export const SA_SCHEDULED_START = defineSearchAttributeKey(
  'LiveopsScheduledStart',
  SearchAttributeType.DATETIME,
);
export const SA_OWNER = defineSearchAttributeKey('LiveopsOwner', SearchAttributeType.KEYWORD);

export const LIVEOPS_SEARCH_ATTRIBUTES = [SA_KIND, SA_PHASE, SA_SCHEDULED_START, SA_OWNER];
