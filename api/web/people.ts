import type { Db } from '../../runtime/db';

/** People's names by the ids they act under (emails, any case), for columns that would otherwise show emails. */
export async function userNames(
  db: Db,
  ids: ReadonlyArray<string | null | undefined>,
): Promise<Map<string, string>> {
  const emails = [
    ...new Set(ids.filter((id): id is string => typeof id === 'string').map((id) => id.trim().toLowerCase())),
  ];
  if (emails.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: { email: true, name: true },
  });
  return new Map(users.map((u) => [u.email, u.name]));
}

/** The name for an id from such a map, else the id itself. */
export const nameOr = (names: ReadonlyMap<string, string>, id: string | null | undefined): string =>
  id ? (names.get(id.trim().toLowerCase()) ?? id) : '–';
