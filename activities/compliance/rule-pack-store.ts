import { DEFAULT_RULE_PACK } from '../../domain/compliance/default-rules';
import { applyPackChanges, type TPackChange } from '../../domain/compliance/pack-changes';
import { ZRulePackSchema, type TRulePackInput } from '../../domain/compliance/rule-pack.types';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import type { Db } from '../../runtime/db';

/** The pack in force: the newest one published, or the one that ships with the code. */
export async function currentRulePack(db: Db): Promise<TRulePackInput> {
  const row = await db.rulePack.findFirst({ orderBy: { createdAt: 'desc' }, select: { json: true } });
  return row === null ? DEFAULT_RULE_PACK : (JSON.parse(row.json) as TRulePackInput);
}

export async function listRulePacks(db: Db) {
  const rows = await db.rulePack.findMany({
    orderBy: { createdAt: 'desc' },
    select: { version: true, basedOn: true, note: true, createdBy: true, createdAt: true },
    take: 200,
  });
  return [
    ...rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), builtIn: false })),
    {
      version: DEFAULT_RULE_PACK.version,
      basedOn: null,
      note: 'ships with the code',
      createdBy: 'liveops',
      createdAt: null,
      builtIn: true,
    },
  ];
}

/**
 * Publishes a new version: the pack in force (or the one named `basedOn`, which must be the one in force: two admins
 * editing at once must not silently drop each other's terms) with terms and exceptions added. Validated with the
 * pack schema before it is stored; never replaces a version.
 */
export async function publishRulePack(
  db: Db,
  actor: TActor,
  input: { version: string; basedOn: string; note?: string; changes: TPackChange[] },
): Promise<TRulePackInput> {
  const base = await currentRulePack(db);
  if (input.basedOn !== base.version)
    throw new DomainError(
      'STALE_REVISION',
      `Pack ${input.basedOn} is not the one in force (${base.version}): reload and redo`,
    );
  if (
    input.version === DEFAULT_RULE_PACK.version ||
    (await db.rulePack.findUnique({ where: { version: input.version } }))
  )
    throw new DomainError(
      'ALREADY_DECIDED',
      `Pack version ${input.version} exists: versions are never replaced`,
    );
  const pack = parseInput(ZRulePackSchema, applyPackChanges(base, input.version, input.changes), 'rule pack');
  await db.rulePack.create({
    data: {
      version: pack.version,
      basedOn: base.version,
      json: JSON.stringify(pack),
      ...(input.note ? { note: input.note } : {}),
      createdBy: actor.id,
    },
  });
  return pack;
}
