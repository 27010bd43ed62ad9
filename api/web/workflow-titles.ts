import type { Db } from '../../runtime/db';

export interface WorkflowTitle {
  title: string;
  /** The page of the stream or campaign. */
  path: string;
}

/** Stream titles and campaign names by workflow id, for lists that would otherwise show ids. */
export async function workflowTitles(db: Db, ids: readonly string[]): Promise<Map<string, WorkflowTitle>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [streams, campaigns] = await Promise.all([
    db.streamRecord.findMany({ where: { id: { in: unique } }, select: { id: true, title: true } }),
    db.campaignRecord.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, WorkflowTitle>([
    ...streams.map((s) => [s.id, { title: s.title, path: `/streams/${encodeURIComponent(s.id)}` }] as const),
    ...campaigns.map(
      (c) => [c.id, { title: c.name, path: `/campaigns/${encodeURIComponent(c.id)}` }] as const,
    ),
  ]);
}
