import { hasAnyRole, sameActorId, type TActor } from '../../domain/shared/actor.types';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { resolveNewStart, type TNewStart } from '../../domain/templates/new-start';
import {
  isTemplateKind,
  TEMPLATE_KINDS,
  type TTemplateKind,
  type TTemplateKindName,
  type TTemplatePlan,
} from '../../domain/templates/template-kinds';
import type { Db } from '../../runtime/db';

export interface TTemplateSummary {
  id: string;
  kind: TTemplateKindName;
  name: string;
  /** From the plan: its title, start and zone (the zone a new start is read in). */
  title: string;
  startIso: string;
  timeZone: string;
  createdBy: string;
  createdAt: string;
  source: string | null;
  /** Set when the stored plan no longer passes today's plan rules: it must be saved again before use. */
  problem?: string;
}

export interface TTemplateDetail<K extends TTemplateKindName = TTemplateKindName> extends TTemplateSummary {
  plan: TTemplatePlan<K>;
}

type Row = {
  id: string;
  kind: string;
  name: string;
  planJson: string;
  createdBy: string;
  createdAt: Date;
  source: string | null;
};

/** A stored template with its plan parsed by today's schema (a template saved by an older version is judged again). */
function toDetail(row: Row): TTemplateDetail {
  if (!isTemplateKind(row.kind))
    throw new DomainError(
      'INVALID_STATE',
      `Template ${row.id} is of kind ${row.kind}, unknown to this version`,
    );
  // One kind at a time: TypeScript cannot follow a runtime kind into the registry's union of plan types.
  const kind = TEMPLATE_KINDS[row.kind] as unknown as TTemplateKind<TTemplateDetail['plan']>;
  const plan = kind.parsePlan(JSON.parse(row.planJson));
  const { title, startIso, timeZone } = kind.describe(plan);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    title,
    startIso,
    timeZone,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    source: row.source,
    plan,
  };
}

const summary = ({ plan: _plan, ...rest }: TTemplateDetail): TTemplateSummary => rest;

export async function saveTemplate(
  db: Db,
  actor: TActor,
  input: { kind: TTemplateKindName; name: string; plan: unknown; source?: string },
): Promise<TTemplateDetail> {
  const plan = TEMPLATE_KINDS[input.kind].parsePlan(input.plan);
  const row = await db.template.create({
    data: {
      kind: input.kind,
      name: input.name,
      planJson: JSON.stringify(plan),
      createdBy: actor.id,
      source: input.source ?? null,
    },
  });
  return toDetail(row);
}

export async function listTemplates(
  db: Db,
  filter: { kind?: TTemplateKindName; limit?: number } = {},
): Promise<TTemplateSummary[]> {
  const rows = await db.template.findMany({
    where: filter.kind === undefined ? {} : { kind: filter.kind },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.limit ?? 200,
  });
  return rows.map((row) => {
    try {
      return summary(toDetail(row));
    } catch (error) {
      // One template saved under older rules must not hide the others: it is listed with what is wrong with it.
      if (!isDomainError(error)) throw error;
      const raw = JSON.parse(row.planJson) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      return {
        id: row.id,
        kind: row.kind as TTemplateKindName,
        name: row.name,
        title: text(raw.title),
        startIso: text(raw.scheduledStart),
        timeZone: text(raw.timeZone),
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
        source: row.source,
        problem: error.message,
      };
    }
  });
}

export async function getTemplate(db: Db, id: string): Promise<TTemplateDetail> {
  const row = await db.template.findUnique({ where: { id } });
  if (row === null) throw new DomainError('NOT_FOUND', `No template ${id}`);
  return toDetail(row);
}

/** Managers delete any template; an operator the ones they saved. */
export async function deleteTemplate(db: Db, actor: TActor, id: string): Promise<TTemplateSummary> {
  const template = await getTemplate(db, id);
  if (!hasAnyRole(actor, ['manager']) && !sameActorId(actor.id, template.createdBy))
    throw new DomainError('FORBIDDEN_ROLE', 'Deleting a template is for role manager, or whoever saved it');
  await db.template.delete({ where: { id } });
  return summary(template);
}

/** The template's plan moved to a new start: what "create from this template" starts. */
export async function planFromTemplate<K extends TTemplateKindName>(
  db: Db,
  id: string,
  kind: K,
  start: TNewStart,
): Promise<{ template: TTemplateDetail<K>; plan: TTemplatePlan<K> }> {
  const template = await getTemplate(db, id);
  if (template.kind !== kind)
    throw new DomainError(
      'INVALID_INPUT',
      `Template ${id} is a ${template.kind} template, not a ${kind} one`,
    );
  // One kind at a time: TypeScript cannot follow K into the registry's union of kinds.
  const def = TEMPLATE_KINDS[kind] as unknown as TTemplateKind<TTemplatePlan<K>>;
  const newStart = resolveNewStart(template.startIso, template.timeZone, start);
  return {
    template: template as TTemplateDetail<K>,
    plan: def.startingAt(template.plan as TTemplatePlan<K>, newStart),
  };
}
