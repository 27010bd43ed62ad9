import type { Db } from '../../runtime/db';

export interface StreamProjection {
  streamId: string;
  title: string;
  owner: string;
  phase: string;
  scheduledStart: string;
  pendingApprovals: number;
  /** Number of domain events applied; a projection never replaces a newer one. */
  stateVersion: number;
  state: unknown;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export function createProjectionActivities({ db }: { db: Db }) {
  return {
    /** Idempotent: retries and replays of an older version are no-ops. */
    async projectStreamState(projection: StreamProjection): Promise<void> {
      const data = {
        title: projection.title,
        owner: projection.owner,
        phase: projection.phase,
        scheduledStart: new Date(projection.scheduledStart),
        pendingApprovals: projection.pendingApprovals,
        stateVersion: projection.stateVersion,
        stateJson: JSON.stringify(projection.state),
      };
      const updated = await db.streamRecord.updateMany({
        where: { id: projection.streamId, stateVersion: { lt: projection.stateVersion } },
        data,
      });
      if (updated.count > 0) return;
      try {
        await db.streamRecord.create({ data: { id: projection.streamId, ...data } });
      } catch (error) {
        // Already there with the same or a newer version: nothing to do.
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}
