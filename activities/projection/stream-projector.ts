import { normalizeActorId } from '../../domain/shared/actor.types';
import type { TStreamEvent } from '../../domain/stream/events.types';
import { streamListColumns } from '../../domain/stream/list-columns';
import { pendingItems, type TPendingItem } from '../../domain/stream/pending-items';
import { applyStreamEvent, replayStream } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { teamMember } from '../../domain/stream/team';
import { defineProjector } from './define-projector';

/** Every login a roster id stands for (the id and the member's email), lowercased, as the inbox matches actors. */
function actorKeys(state: TStreamState, ids: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const id of ids) {
    keys.add(normalizeActorId(id));
    const email = teamMember(state, id)?.email;
    if (email !== undefined) keys.add(normalizeActorId(email));
  }
  return [...keys];
}

/** The stream read model: StreamRecord (list columns and the state) and its PendingItem rows. */
export const createStreamProjector = defineProjector<TStreamState, TStreamEvent, TPendingItem>({
  kind: 'stream',
  table: (db) => db.streamRecord,
  replay: (events: readonly TStreamEvent[]) => replayStream(events),
  apply: applyStreamEvent,
  versionOf: (state: TStreamState) => state.version,
  updatedAt: (state) => state.updatedAt,
  identity: (state) => ({
    workflowId: state.streamId,
    title: state.plan.title,
    timeZone: state.plan.timeZone,
  }),
  items: pendingItems,
  actorKeys,
  columns: (state, _items, now) => streamListColumns(state, now),
});
