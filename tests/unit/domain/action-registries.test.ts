import { updateNameOf } from '../../../domain/engine/action';
import { specToZod } from '../../../api/http/input-spec-zod';
import { MESSAGES } from '../../../api/web/messages';
import {
  CAMPAIGN_ACTIONS,
  campaignActionsFor,
  validateCampaignAction,
  type TCampaignActionDef,
} from '../../../domain/campaign/actions';
import { CHILD_COMMAND_NAMES, type TCampaignEvent } from '../../../domain/campaign/events.types';
import { applyCampaignEvent, initialCampaignState } from '../../../domain/campaign/reducer';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import { CAMPAIGN_TRANSITIONS } from '../../../domain/campaign/transitions';
import type { TAnyActionDef, TActionContext } from '../../../domain/engine/action';
import { checkInputSpec, type TInputSpec } from '../../../domain/engine/input-spec';
import type { TTransitionTable } from '../../../domain/engine/transitions';
import type { TActor } from '../../../domain/shared/actor.types';
import { isDomainError } from '../../../domain/shared/errors';
import {
  STREAM_ACTIONS,
  streamActionsFor,
  validateStreamAction,
  type TStreamActionDef,
} from '../../../domain/stream/actions';
import type { TStreamEvent } from '../../../domain/stream/events.types';
import { applyStreamEvent } from '../../../domain/stream/reducer';
import { SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import type { TStreamState } from '../../../domain/stream/state.types';
import { STREAM_TRANSITIONS } from '../../../domain/stream/transitions';
import * as campaign from './campaign-fixtures';
import {
  admin,
  auditor,
  ev,
  expectDomainError,
  manager,
  ops,
  outsider,
  plan,
  planner,
  reviewer,
  stateAfter,
  t,
  validate,
} from './stream-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TDef = TAnyActionDef<any, string, string, { type: string }>;

/**
 * What the registry invariants need to know about one kind of workflow: its actions, how the workflow judges one
 * (the Update validator) and how the UI offers them, its reducer and transition table, and states in every phase
 * its actions may happen in, with the people who might act and an input each action accepts.
 */
interface TKindUnderTest<TState> {
  kind: string;
  registry: readonly TDef[];
  /** The message-key prefix of its buttons' labels. */
  labels: 'action' | 'campaignAction';
  validate(def: TDef, state: TState, input: unknown, actor: TActor, ctx: TActionContext): unknown;
  shown(state: TState, actor: TActor): readonly TDef[];
  /** The reducer: throws when the transition table refuses the event in the state's phase. */
  apply(state: TState, event: { type: string; at: string; actor: TActor }): TState;
  transitions: TTransitionTable<string, string>;
  states: Array<{ label: string; state: TState; now: string }>;
  people: TActor[];
  /** Per action, an input it accepts in some state (the form's prefilled fields are added): a new action needs one. */
  inputs: Record<string, (state: TState) => Record<string, unknown>>;
}

const reason = { reason: 'checked with the team' };
const later = (iso: string, minutes = 1) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const STREAM: TKindUnderTest<TStreamState> = {
  kind: 'stream',
  registry: STREAM_ACTIONS,
  labels: 'action',
  validate: (def, state, input, actor, ctx) =>
    validateStreamAction(def as TStreamActionDef, state, input, actor, ctx),
  shown: streamActionsFor,
  apply: (state, event) => applyStreamEvent(state, event as TStreamEvent),
  transitions: STREAM_TRANSITIONS,
  states: [
    ...[
      'planned',
      'submitted',
      'scanned',
      'scriptDecided',
      'productsChecked',
      'productDecided',
      'preheat',
      'checklist',
      'burst',
      'extended',
      'tail',
      'review',
      'reported',
      'completed',
    ].map((label) => ({ label, state: stateAfter(label) })),
    { label: 'paused', state: stateAfter('scanned', [ev('Paused', t(-99 * 3600), manager, reason)]) },
    {
      label: 'blocked',
      state: stateAfter('productsChecked', [ev('StreamBlocked', t(-3600), manager, reason)]),
    },
    { label: 'cancelled', state: stateAfter('scanned', [ev('Cancelled', t(-99 * 3600), manager, reason)]) },
    {
      label: 'review failed',
      state: stateAfter('review', [ev('ReviewFailed', t(27 * 3600), manager, reason)]),
    },
    {
      label: 'two products',
      state: stateAfter('scanned', [
        ev('ProductAdded', t(-99 * 3600), manager, { product: { ...plan.products[0]!, sku: 'HF-002' } }),
      ]),
    },
  ].map(({ label, state }) => ({ label, state, now: later(state.updatedAt) })),
  people: [reviewer, manager, ops, planner, outsider, auditor, admin, { ...ops, roles: [] }],
  inputs: {
    'submit-script': () => ({ segments: plan.script }),
    'decide-script': (state) => ({
      decision: 'approved_with_findings',
      reasons: ['全网最低价 已核实比价截图'],
      acceptedFindingIds: (
        state.script.revisions.find((r) => r.revision === state.script.currentRevision)?.findings ?? []
      ).map((finding) => finding.id),
    }),
    'decide-product': () => ({ sku: SAMPLE_PRODUCT_SKU, decision: 'approved', reason: '资质齐全' }),
    'assign-reviewer': () => ({ id: 'second-reviewer@example.com', name: '二审', ...reason }),
    'replace-document': () => ({
      sku: SAMPLE_PRODUCT_SKU,
      document: 'qualityInspection',
      issuer: '质检中心',
      number: 'QI-2',
      expiresOn: '2030-01-01',
    }),
    'add-product': () => ({ ...plan.products[0]!, sku: 'HF-003' }),
    'drop-product': () => ({ sku: 'HF-002', ...reason }),
    'sign-checklist': () => ({ items: plan.checklist.map((item) => item.id) }),
    'record-incident': () => ({ kind: 'complaint', description: '观众投诉', steps: ['回复'] }),
    extend: () => ({ minutes: 30, ...reason }),
    'end-early': () => reason,
    pause: () => reason,
    resume: () => ({}),
    advance: () => reason,
    reschedule: (state) => ({ scheduledStart: later(state.schedule.scheduledStart, 60), ...reason }),
    cancel: () => reason,
    'retry-review': () => ({}),
    'sign-review': () => ({}),
  },
};

const c = campaign;
const fresh = () => initialCampaignState('c1', c.plan(), c.T0, c.planner);
const live = c.live();
const tail = c.apply(live, { type: 'PhaseEntered', phase: 'tail' }, c.manager, 610);
const review = c.apply(tail, { type: 'PhaseEntered', phase: 'review' }, c.manager, 710);
const reported = c.apply(review, { type: 'ReviewReported', reportId: 'campaign-report', summary: 'GMV 85%' });

const CAMPAIGN: TKindUnderTest<TCampaignState> = {
  kind: 'campaign',
  registry: CAMPAIGN_ACTIONS,
  labels: 'campaignAction',
  validate: (def, state, input, actor, ctx) =>
    validateCampaignAction(def as TCampaignActionDef, state, input, actor, ctx),
  shown: campaignActionsFor,
  apply: (state, event) => applyCampaignEvent(state, event as TCampaignEvent),
  transitions: CAMPAIGN_TRANSITIONS,
  states: [
    { label: 'approval', state: fresh() },
    {
      label: 'approval, named approvers',
      state: { ...fresh(), plan: { ...fresh().plan, approvers: [c.director.id] } },
    },
    { label: 'approval, paused', state: c.apply(fresh(), { type: 'Paused', ...reason }) },
    {
      label: 'rejected',
      state: c.apply(
        fresh(),
        { type: 'PlanDecided', revision: 1, decision: 'rejected', reason: 'budget' },
        c.director,
      ),
    },
    { label: 'blocked', state: c.apply(fresh(), { type: 'CampaignBlocked', ...reason }) },
    { label: 'scheduled', state: c.approved() },
    {
      label: 'preheat',
      state: c.apply(c.approved(), { type: 'PhaseEntered', phase: 'preheat' }, c.manager, 60),
    },
    { label: 'burst', state: live },
    { label: 'burst, paused', state: c.apply(live, { type: 'Paused', ...reason }) },
    {
      label: 'burst, ROI under the floor',
      state: c.apply(live, {
        type: 'ContinueConfirmationRequested',
        roi: 1,
        floor: 2,
        belowSince: c.at(100),
        dueAt: c.at(200),
      }),
    },
    { label: 'burst, streams held', state: c.apply(live, { type: 'StreamsHeld', keys: ['c'], ...reason }) },
    { label: 'tail', state: tail },
    { label: 'review', state: review },
    { label: 'review failed', state: c.apply(review, { type: 'ReviewFailed', reason: 'no numbers' }) },
    { label: 'reported', state: reported },
    {
      label: 'completed',
      state: c.apply(reported, { type: 'ReviewSignedOff', reportId: 'campaign-report' }),
    },
    { label: 'cancelled', state: c.apply(live, { type: 'CampaignCancelled', ...reason }) },
  ].map(({ label, state }) => ({ label, state, now: later(state.updatedAt) })),
  people: [c.planner, c.manager, c.director, c.auditor, outsider, admin],
  inputs: {
    'decide-plan': () => ({ decision: 'approved', reason: '预算合理' }),
    'revise-plan': () => ({ budget: 600, ...reason }),
    reschedule: (state) => ({ preheatStart: later(state.windows.preheatStart, 24 * 60), ...reason }),
    'extend-burst': () => ({ minutes: 30, ...reason }),
    'add-stream': () => ({ key: 'd', copyOf: 'c', scheduledStart: c.at(500), room: 'C' }),
    'cancel-stream': () => ({ key: 'c', ...reason }),
    'confirm-continue': () => ({ decision: 'pause_remaining', ...reason }),
    'release-streams': () => ({}),
    pause: () => reason,
    resume: () => ({}),
    advance: () => reason,
    cancel: () => reason,
    'retry-review': () => ({}),
    'sign-review': () => ({}),
  },
};

/** Every default of a spec, with the spec it must pass. */
function defaults(spec: TInputSpec): Array<{ inner: TInputSpec; value: unknown }> {
  switch (spec.kind) {
    case 'default':
      return [{ inner: spec.inner, value: spec.value }, ...defaults(spec.inner)];
    case 'optional':
      return defaults(spec.inner);
    case 'list':
      return defaults(spec.of);
    case 'object':
      return Object.values(spec.shape).flatMap(defaults);
    default:
      return [];
  }
}

/** The input a person sends from the form: the fields they fill in, and the ones the form fills in from the state. */
function formInput<TState>(kind: TKindUnderTest<TState>, def: TDef, state: TState): Record<string, unknown> {
  const sample = kind.inputs[def.name];
  if (sample === undefined)
    throw new Error(`${kind.kind} action ${def.name} has no sample input in this test`);
  const prefill: Record<string, unknown> = def.prefill?.(state) ?? {};
  const hidden = Object.fromEntries((def.hiddenFields ?? []).map((field) => [field, prefill[field]]));
  return { ...prefill, ...sample(state), ...hidden };
}

/** The validator's verdict: the refusal's code, or undefined with the events the action would apply. */
function judge<TState>(kind: TKindUnderTest<TState>, def: TDef, state: TState, now: string, actor: TActor) {
  const ctx = { now };
  try {
    const input = kind.validate(def, state, formInput(kind, def, state), actor, ctx);
    return { refusal: undefined, events: def.events(state, input, actor, ctx) };
  } catch (error) {
    if (isDomainError(error)) return { refusal: error.code as string, events: [] };
    throw error;
  }
}

/** Refusals for who and when: the ones a person never sees as a button. */
const WHO_OR_WHEN = ['FORBIDDEN_ROLE', 'INVALID_PHASE', 'SELF_APPROVAL'];

describe.each([STREAM, CAMPAIGN] as Array<TKindUnderTest<unknown>>)('the $kind action registry', (kind) => {
  const names = (defs: readonly TDef[]) => defs.map((d) => d.name);

  it('names each action and each Update once', () => {
    expect(new Set(names(kind.registry)).size).toBe(kind.registry.length);
    expect(new Set(kind.registry.map((d) => updateNameOf(d.name))).size).toBe(kind.registry.length);
    for (const def of kind.registry) expect(def.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('declares only defaults its own specs accept', () => {
    for (const def of kind.registry)
      for (const { inner, value } of defaults(def.input)) expect(checkInputSpec(inner, value).ok).toBe(true);
  });

  it('gives the HTTP edge (zod) and the Update validator (spec) the same verdict', () => {
    const samples: unknown[] = [
      {},
      { reason: '' },
      { reason: 'ok' },
      { reason: '\ud800' },
      { reason: 'x'.repeat(2001) },
      { minutes: 0, reason: 'x' },
      { minutes: 30, reason: 'x' },
      { minutes: 30.5, reason: 'x' },
      { scheduledStart: '2026-12-01T20:00:00', reason: 'x' },
      { scheduledStart: '2026-12-01T20:00:00+08:00', reason: 'x' },
      { sku: 'A', decision: 'approved' },
      { sku: 'A', decision: 'maybe' },
      { revision: 1, decision: 'rejected', reasons: ['x'] },
      { revision: 1, decision: 'approved', reason: '' },
      { revision: '1', decision: 'approved', reason: '' },
      { items: [] },
      { items: ['equipment'] },
      { baseRevision: 1, segments: [{ id: 'a', kind: 'qa', text: 'hi', plannedMinutes: 5 }] },
      { baseRevision: 1, segments: [{ id: 'a', kind: 'qa', text: 'hi', plannedMinutes: 0 }] },
      { from: 'burst', to: 'tail', reason: 'x' },
      { from: 'nowhere', reason: 'x' },
      { id: 'a@example.com', name: 'A', reason: 'x' },
      { kind: 'complaint', description: 'x', steps: ['a', 'b'] },
      { budget: -1, reason: 'x' },
      { budget: 10, gmv: 1e13, reason: 'x' },
      { key: 'd', copyOf: 'c', scheduledStart: 'soon' },
      { decision: 'pause_remaining', reason: 'x' },
      { reportId: 'r', note: 'x'.repeat(2001) },
      null,
      [],
    ];
    for (const def of kind.registry) {
      const zod = specToZod(def.input);
      for (const sample of [...samples, ...kind.states.map(({ state }) => formInput(kind, def, state))]) {
        const verdicts = { action: def.name, sample, zod: zod.safeParse(sample).success };
        expect({ ...verdicts, spec: checkInputSpec(def.input, sample).ok }).toEqual({
          ...verdicts,
          spec: verdicts.zod,
        });
      }
    }
  });

  it('has words for every action and field in both languages of the web UI', () => {
    const keys = new Set(Object.keys(MESSAGES));
    for (const def of kind.registry) {
      expect({ action: def.name, known: keys.has(`${kind.labels}.${def.name}`) }).toMatchObject({
        known: true,
      });
      if (def.form === 'fields' && def.input.kind === 'object')
        for (const field of Object.keys(def.input.shape).filter((f) => !def.hiddenFields?.includes(f)))
          expect({ action: def.name, field, known: keys.has(`field.${field}`) }).toMatchObject({
            known: true,
          });
    }
  });

  it('shows each person exactly the actions the validator would not refuse them for who or when', () => {
    const mismatches: unknown[] = [];
    for (const { label, state, now } of kind.states)
      for (const actor of kind.people) {
        const shown = names(kind.shown(state, actor));
        for (const def of kind.registry) {
          const { refusal } = judge(kind, def, state, now, actor);
          // Hidden as well: an action of the API only, or one with nothing to act on now (never a refusal by itself).
          const offered =
            !WHO_OR_WHEN.includes(refusal ?? '') &&
            def.form !== 'none' &&
            (def.available?.(state, actor) ?? true);
          if (shown.includes(def.name) !== offered)
            mismatches.push({ state: label, actor: actor.id, action: def.name, shown: !offered, refusal });
        }
      }
    expect(mismatches).toEqual([]);
  });

  it('lists for each action only phases its events may be applied in, and its events apply wherever it is accepted', () => {
    const produced = new Map<string, Set<string>>();
    const refused: unknown[] = [];
    for (const { label, state, now } of kind.states)
      for (const actor of kind.people)
        for (const def of kind.registry) {
          const { refusal, events } = judge(kind, def, state, now, actor);
          if (refusal !== undefined) continue;
          let next = state;
          for (const draft of events) {
            produced.set(def.name, (produced.get(def.name) ?? new Set()).add(draft.type));
            try {
              next = kind.apply(next, { ...draft, at: now, actor });
            } catch (error) {
              refused.push({ state: label, action: def.name, event: draft.type, error: String(error) });
            }
          }
        }
    expect(refused).toEqual([]);
    // Every action was accepted somewhere, so its events are known; each may happen in every phase the action lists.
    expect(kind.registry.filter((def) => !produced.has(def.name)).map((def) => def.name)).toEqual([]);
    const impossible = kind.registry.flatMap((def) =>
      def.phases.flatMap((phase) =>
        [...produced.get(def.name)!]
          .filter((type) => !(kind.transitions[type] ?? []).some((rule) => rule.from.includes(phase)))
          .map((type) => `${def.name} in ${phase}: ${type}`),
      ),
    );
    expect(impossible).toEqual([]);
  });
});

describe('the stream action registry', () => {
  it('has an action for every command a campaign sends its streams', () => {
    for (const name of CHILD_COMMAND_NAMES) {
      const def = STREAM_ACTIONS.find((d) => d.name === name);
      expect(def).toBeDefined();
    }
  });

  it('offers each person the actions of the current phase their place allows', () => {
    const names = (defs: readonly TDef[]) => defs.map((d) => d.name);
    const compliance = stateAfter('scanned');
    expect(names(streamActionsFor(compliance, reviewer))).toEqual(['decide-script']);
    // By then the script was decided (the happy path decides it before the documents are checked).
    expect(names(streamActionsFor(stateAfter('productsChecked'), reviewer))).toEqual(['decide-product']);
    expect(names(streamActionsFor(compliance, manager))).toEqual(
      expect.arrayContaining([
        'assign-reviewer',
        'pause',
        'advance',
        'reschedule',
        'cancel',
        'sign-checklist',
      ]),
    );
    expect(names(streamActionsFor(compliance, manager))).not.toContain('extend');
    expect(names(streamActionsFor(compliance, planner))).toEqual(['submit-script']);

    const burst = stateAfter('burst');
    expect(names(streamActionsFor(burst, manager))).toEqual(
      expect.arrayContaining(['extend', 'end-early', 'pause', 'advance', 'record-incident']),
    );
    expect(names(streamActionsFor(burst, manager))).not.toContain('cancel');
    expect(streamActionsFor(burst, reviewer)).toEqual([]);
    // On the roster as room operator: records incidents and signs the checklist by that place, whatever the app role.
    expect(names(streamActionsFor(burst, { ...ops, roles: [] }))).toEqual(['record-incident']);
    expect(names(streamActionsFor(stateAfter('preheat'), { ...ops, roles: [] }))).toEqual(
      expect.arrayContaining(['sign-checklist', 'record-incident']),
    );
    expect(streamActionsFor(burst, planner)).toEqual([]);
    expectDomainError(
      () => validate('extend', stateAfter('scanned'), { minutes: 30, reason: 'x' }, manager),
      'INVALID_PHASE',
    );
  });
});
