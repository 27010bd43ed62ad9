import { checkInputSpec, type TInputSpec } from '../../../domain/engine/input-spec';
import { STREAM_ACTIONS, streamActionsFor } from '../../../domain/stream/actions';
import { isDomainError } from '../../../domain/shared/errors';
import { specToZod } from '../../../api/http/input-spec-zod';
import { MESSAGES } from '../../../api/web/messages';
import { expectDomainError, manager, ops, planner, reviewer, stateAfter, validate } from './stream-fixtures';

const names = (defs: readonly { name: string }[]) => defs.map((d) => d.name);

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

describe('the stream action registry', () => {
  it('names each action and each Update once', () => {
    expect(new Set(names(STREAM_ACTIONS)).size).toBe(STREAM_ACTIONS.length);
    expect(new Set(STREAM_ACTIONS.map((d) => d.update)).size).toBe(STREAM_ACTIONS.length);
    for (const def of STREAM_ACTIONS) expect(def.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('declares only defaults its own specs accept', () => {
    for (const def of STREAM_ACTIONS)
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
      { items: [] },
      { items: ['equipment'] },
      { baseRevision: 1, segments: [{ id: 'a', kind: 'qa', text: 'hi', plannedMinutes: 5 }] },
      { baseRevision: 1, segments: [{ id: 'a', kind: 'qa', text: 'hi', plannedMinutes: 0 }] },
      { from: 'burst', to: 'tail', reason: 'x' },
      { id: 'a@example.com', name: 'A', reason: 'x' },
      { kind: 'complaint', description: 'x', steps: ['a', 'b'] },
      null,
      [],
    ];
    for (const def of STREAM_ACTIONS) {
      const zod = specToZod(def.input);
      for (const sample of samples) {
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
    for (const def of STREAM_ACTIONS) {
      expect(keys.has(`action.${def.name}`)).toBe(true);
      if (def.form === 'fields' && def.input.kind === 'object')
        for (const field of Object.keys(def.input.shape).filter((f) => !def.hiddenFields?.includes(f)))
          expect({ action: def.name, field, known: keys.has(`field.${field}`) }).toMatchObject({
            known: true,
          });
    }
  });

  it('offers each person the actions of the current phase their place allows', () => {
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
  });

  it('hides exactly what the validator would refuse for who and when', () => {
    const people = [reviewer, manager, ops, planner, { id: 'x@example.com', roles: ['operator' as const] }];
    for (const label of ['scanned', 'productsChecked', 'preheat', 'burst', 'reported', 'completed'])
      for (const actor of people)
        for (const def of STREAM_ACTIONS) {
          const state = stateAfter(label);
          let refusal: string | undefined;
          try {
            validate(def.name, state, {}, actor);
          } catch (error) {
            refusal = isDomainError(error) ? error.code : String(error);
          }
          const shown = streamActionsFor(state, actor).some((d) => d.name === def.name);
          // A shown button may still be refused for its input (never for who or when); a hidden one for who or when.
          if (shown) expect(['FORBIDDEN_ROLE', 'INVALID_PHASE']).not.toContain(refusal);
        }
    expectDomainError(
      () => validate('extend', stateAfter('scanned'), { minutes: 30, reason: 'x' }, manager),
      'INVALID_PHASE',
    );
  });
});
