import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import type { TProjector, TRecordEventsInput, TRecordEventsResult, TWorkflowKind } from './projection.types';
import { createCampaignProjector } from './campaign-projector';
import { createStreamProjector } from './stream-projector';

interface StoredEvent {
  type: string;
  at: string;
  actor: { id: string };
}

/**
 * The read model's intake: stores each shipped event once (by workflow id and sequence number), then brings the
 * projected state up to date by folding the new events with the same reducer the workflow uses. Idempotent: a retry,
 * a replayed batch or a batch already covered by a newer projection changes nothing.
 */
export function createProjectionActivities({ db, logger }: { db: Db; logger: Logger }) {
  const projectors: Record<TWorkflowKind, TProjector> = {
    stream: createStreamProjector(db),
    campaign: createCampaignProjector(db),
  };

  async function storeEvents(input: TRecordEventsInput): Promise<number> {
    const seqs = input.events.map((_, index) => input.fromSeq + index);
    const existing = await db.workflowEvent.findMany({
      where: { workflowId: input.workflowId, seq: { in: seqs } },
      select: { seq: true },
    });
    const have = new Set(existing.map((row) => row.seq));
    const fresh = input.events
      .map((event, index) => ({ event: event as StoredEvent, seq: input.fromSeq + index }))
      .filter(({ seq }) => !have.has(seq));
    if (fresh.length === 0) return 0;
    await db.workflowEvent.createMany({
      data: fresh.map(({ event, seq }) => ({
        workflowId: input.workflowId,
        seq,
        type: event.type,
        at: new Date(event.at),
        actorId: event.actor.id,
        json: JSON.stringify(event),
      })),
    });
    return fresh.length;
  }

  return {
    async recordWorkflowEvents(input: TRecordEventsInput): Promise<TRecordEventsResult> {
      const projector = projectors[input.kind];
      const stored = await storeEvents(input);
      const lastSeq = input.fromSeq + input.events.length - 1;
      if (input.snapshot !== undefined) {
        await projector.save(input.workflowId, input.snapshot);
        return { stored, version: projector.versionOf(input.snapshot) };
      }
      const current = await projector.load(input.workflowId);
      if (current.version >= lastSeq) return { stored, version: current.version };
      let state = current.state;
      let events: readonly unknown[];
      if (state !== undefined && current.version >= input.fromSeq - 1) {
        events = input.events.slice(current.version - input.fromSeq + 1);
      } else {
        // The projection is behind this batch (or absent): rebuild from the stored events, if they are all there.
        const rows = await db.workflowEvent.findMany({
          where: { workflowId: input.workflowId, seq: { lte: lastSeq } },
          orderBy: { seq: 'asc' },
          select: { seq: true, json: true },
        });
        if (rows.length !== lastSeq || rows.some((row, index) => row.seq !== index + 1)) {
          logger.warn({ workflowId: input.workflowId, have: rows.length, need: lastSeq }, 'read model gap');
          return { stored, version: current.version, needsSnapshot: true };
        }
        state = undefined;
        events = rows.map((row) => JSON.parse(row.json) as unknown);
      }
      const next = projector.fold(state, events);
      await projector.save(input.workflowId, next);
      return { stored, version: projector.versionOf(next) };
    },
  };
}
