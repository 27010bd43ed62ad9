import { hasAnyRole, type TActor, type TAppRole } from '../shared/actor.types';
import { DomainError, isDomainError } from '../shared/errors';
import { parseAnySpec, type TInferSpec, type TInputSpec } from './input-spec';

/**
 * One entry per human action of a kind of workflow (a stream, a campaign). Everything else is generated from these
 * entries: the Workflow Update definitions and handlers, the HTTP routes and their OpenAPI, the role checks, the web
 * UI's buttons and forms, and the README's table. Adding an action is one entry plus the reducer case of its event.
 */

/** Who may act: any one clause suffices. Admin passes every clause (break-glass), never separation of duties. */
export type TWhoClause<TRosterRole extends string> =
  /** Anyone holding the application role (e.g. any manager). */
  | { readonly appRole: TAppRole; readonly roster?: undefined }
  /** On this workflow's roster in one of the roles; with `appRole`, holding that application role as well. */
  | { readonly roster: readonly TRosterRole[]; readonly appRole?: TAppRole }
  /** The owner of the plan. */
  | { readonly owner: true };

/** How the engine reads who someone is on one workflow: its owner, its roster, its phase. */
export interface TAccessModel<TState, TPhase extends string, TRosterRole extends string> {
  phaseOf(state: TState): TPhase;
  isTerminal(state: TState): boolean;
  isOwner(state: TState, actor: TActor): boolean;
  /** The roster roles this actor holds on this workflow. */
  rosterRolesOf(state: TState, actor: TActor): readonly TRosterRole[];
}

/** Facts an action may check against that are not in the state: the workflow clock. */
export interface TActionContext {
  /** Current time (workflow time inside a workflow), ISO UTC. */
  now: string;
}

/** A form widget the web UI renders for the action; `fields` renders the input spec's fields generically. */
export type TFormWidget =
  /** No form on the pages: the action is taken through the API (or a dedicated editor). */
  'none' | 'fields' | 'script-editor' | 'script-decision' | 'product-decisions' | 'checklist' | 'confirm';

/**
 * The Temporal Update an action runs as: its name in camelCase (`submit-script` -> `submitScript`). Recorded
 * histories name these Updates, so the rule is fixed: renaming an action renames its Update.
 */
export const updateNameOf = (actionName: string): string =>
  actionName.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

export interface TActionDef<
  TState,
  TPhase extends string,
  TRosterRole extends string,
  TEvent,
  S extends TInputSpec = TInputSpec,
> {
  /** kebab-case, as in URLs: POST /api/<kind>s/:id/actions/<name>; the Temporal Update is its camelCase (updateNameOf). */
  readonly name: string;
  /** One line for the API document. */
  readonly summary: string;
  readonly input: S;
  readonly phases: readonly TPhase[];
  readonly who: readonly TWhoClause<TRosterRole>[];
  /** Input-dependent rules beyond who and when (stale revision, self-approval...); throws a DomainError. */
  check?(state: TState, input: TInferSpec<S>, actor: TActor, ctx: TActionContext): void;
  /** Presentation: whether there is anything to act on now (hides the button; never a refusal by itself). */
  available?(state: TState, actor: TActor): boolean;
  /** The domain event(s) the action produces, applied in order by the workflow's reducer. */
  events(state: TState, input: TInferSpec<S>, actor: TActor, ctx: TActionContext): TEvent[];
  readonly form: TFormWidget;
  /** Values the form fills in from the state (the revision judged, the phase advanced from). */
  prefill?(state: TState): Record<string, unknown>;
  /** Fields the form sends as prefilled, without showing them. */
  readonly hiddenFields?: readonly string[];
  /** Asks for confirmation and a reason in the UI (disruptive: advance, end early, cancel). */
  readonly confirm?: boolean;
  /** Kinds of pending work this action settles: the inbox links each item to its action. */
  readonly settles?: readonly string[];
}

/** An entry with its input type erased, as registries hold them (inputs are parsed by the entry's own spec). */
export interface TAnyActionDef<
  TState,
  TPhase extends string,
  TRosterRole extends string,
  TEvent,
> extends Omit<TActionDef<TState, TPhase, TRosterRole, TEvent, TInputSpec>, 'check' | 'events' | 'input'> {
  readonly input: TInputSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  check?(state: TState, input: any, actor: TActor, ctx: TActionContext): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events(state: TState, input: any, actor: TActor, ctx: TActionContext): TEvent[];
}

/** Declares one entry with its input type inferred from the spec. */
export function defineAction<TState, TPhase extends string, TRosterRole extends string, TEvent>() {
  return <S extends TInputSpec>(
    def: TActionDef<TState, TPhase, TRosterRole, TEvent, S>,
  ): TActionDef<TState, TPhase, TRosterRole, TEvent, S> => def;
}

function clauseHolds<TState, TRosterRole extends string>(
  clause: TWhoClause<TRosterRole>,
  access: TAccessModel<TState, string, TRosterRole>,
  state: TState,
  actor: TActor,
): boolean {
  if ('owner' in clause) return access.isOwner(state, actor);
  if (clause.roster !== undefined) {
    const held = access.rosterRolesOf(state, actor);
    const onRoster = clause.roster.some((role) => held.includes(role));
    return onRoster && (clause.appRole === undefined || actor.roles.includes(clause.appRole));
  }
  return actor.roles.includes(clause.appRole);
}

/** "reviewer on the roster as reviewer, or manager": the who-clauses in words, for refusals and documents. */
export function describeWho<TRosterRole extends string>(who: readonly TWhoClause<TRosterRole>[]): string {
  return who
    .map((clause) => {
      if ('owner' in clause) return "the plan's owner";
      if (clause.roster === undefined) return `role ${clause.appRole}`;
      const roles = clause.roster.join(' or ');
      return clause.appRole === undefined
        ? `on the roster as ${roles}`
        : `role ${clause.appRole} on the roster as ${roles}`;
    })
    .join(', or ');
}

/** Auditors read and verify; they never change what they audit, whatever roster they appear on. */
export function isAuditorOnly(actor: TActor): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === 'auditor');
}

/**
 * Who and when, independent of the input: FORBIDDEN_ROLE when no clause holds, INVALID_PHASE outside the action's
 * phases (and after the end). The same check decides the refusal in the workflow and the buttons in the web UI.
 */
export function assertPermitted<TState, TPhase extends string, TRosterRole extends string, TEvent>(
  def: TAnyActionDef<TState, TPhase, TRosterRole, TEvent>,
  access: TAccessModel<TState, TPhase, TRosterRole>,
  state: TState,
  actor: TActor,
): void {
  const allowed =
    hasAnyRole(actor, ['admin']) ||
    (!isAuditorOnly(actor) && def.who.some((clause) => clauseHolds(clause, access, state, actor)));
  if (!allowed)
    throw new DomainError(
      'FORBIDDEN_ROLE',
      `${def.name} is for ${describeWho(def.who)}; ${actor.id} (${actor.roles.join(', ') || 'no role'}) is not`,
    );
  const phase = access.phaseOf(state);
  if (access.isTerminal(state))
    throw new DomainError('INVALID_PHASE', `${def.name}: it is ${phase}; nothing changes after that`);
  if (!def.phases.includes(phase))
    throw new DomainError(
      'INVALID_PHASE',
      `${def.name} is possible in ${def.phases.join(', ')}, not in ${phase}`,
    );
}

/** The Update validator: who and when, then the input, then the action's own rules. Returns the parsed input. */
export function validateAction<TState, TPhase extends string, TRosterRole extends string, TEvent>(
  def: TAnyActionDef<TState, TPhase, TRosterRole, TEvent>,
  access: TAccessModel<TState, TPhase, TRosterRole>,
  state: TState,
  input: unknown,
  actor: TActor,
  ctx: TActionContext,
): unknown {
  assertPermitted(def, access, state, actor);
  const parsed = parseAnySpec(def.input, input, def.name);
  def.check?.(state, parsed, actor, ctx);
  return parsed;
}

/** The actions this person may take now (who and when), and that have something to act on. */
export function availableActions<TState, TPhase extends string, TRosterRole extends string, TEvent>(
  registry: readonly TAnyActionDef<TState, TPhase, TRosterRole, TEvent>[],
  access: TAccessModel<TState, TPhase, TRosterRole>,
  state: TState,
  actor: TActor,
): TAnyActionDef<TState, TPhase, TRosterRole, TEvent>[] {
  return registry.filter((def) => {
    try {
      assertPermitted(def, access, state, actor);
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
    return def.available?.(state, actor) ?? true;
  });
}
