import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Custom search attributes, so that lists and approval inboxes are visibility queries instead of scans.
export const SA_KIND = defineSearchAttributeKey('LiveopsKind', SearchAttributeType.KEYWORD);
export const SA_PHASE = defineSearchAttributeKey('LiveopsPhase', SearchAttributeType.KEYWORD);
export const SA_PENDING_APPROVAL = defineSearchAttributeKey(
  'LiveopsPendingApproval',
  SearchAttributeType.BOOL,
);
export const SA_SCHEDULED_START = defineSearchAttributeKey(
  'LiveopsScheduledStart',
  SearchAttributeType.DATETIME,
);
export const SA_OWNER = defineSearchAttributeKey('LiveopsOwner', SearchAttributeType.KEYWORD);

export const LIVEOPS_SEARCH_ATTRIBUTES = [
  SA_KIND,
  SA_PHASE,
  SA_PENDING_APPROVAL,
  SA_SCHEDULED_START,
  SA_OWNER,
];
