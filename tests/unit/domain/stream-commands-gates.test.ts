import { SYSTEM_ACTOR } from '../../../domain/shared/actor.types';
import { SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import {
  auditor,
  ev,
  expectDomainError,
  HOUR,
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

const allFindings = (label: string) =>
  stateAfter(label).script.revisions[0]?.findings?.map((f) => f.id) ?? [];
const decideR1 = {
  revision: 1,
  decision: 'approved_with_findings',
  reasons: ['已核实'],
  acceptedFindingIds: allFindings('scanned'),
};
const checklistItems = { items: plan.checklist.map((item) => item.id) };

describe('validateSubmitScript', () => {
  const input = { baseRevision: 1, segments: plan.script };
  it('accepts the operator, the plan owner or the previous submitter', () => {
    expect(validate('submit-script', stateAfter('scanned'), input, planner).segments).toHaveLength(4);
    expect(() =>
      validate('submit-script', stateAfter('scanned'), input, { id: planner.id, roles: [] }),
    ).not.toThrow();
  });
  it('refuses other roles, stale edits, live streams, bad segments', () => {
    expectDomainError(
      () => validate('submit-script', stateAfter('scanned'), input, auditor),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => validate('submit-script', stateAfter('scanned'), { ...input, baseRevision: 0 }, planner),
      'STALE_REVISION',
    );
    expectDomainError(() => validate('submit-script', stateAfter('burst'), input, planner), 'INVALID_PHASE');
    expectDomainError(
      () => validate('submit-script', stateAfter('scanned'), { ...input, segments: [] }, planner),
      'INVALID_INPUT',
    );
    const dropped = stateAfter('productsChecked', [
      ev('ProductDropped', t(-90 * HOUR), SYSTEM_ACTOR, { sku: SAMPLE_PRODUCT_SKU }),
    ]);
    expectDomainError(() => validate('submit-script', dropped, input, planner), 'INVALID_INPUT');
  });
});

describe('validateDecideScript', () => {
  it('accepts a reviewer who accepts every finding with a reason, and returns the parsed input', () => {
    expect(validate('decide-script', stateAfter('scanned'), decideR1, reviewer)).toMatchObject({
      revision: 1,
    });
    expect(
      validate(
        'decide-script',
        stateAfter('scanned'),
        { revision: 1, decision: 'rejected', reasons: ['极限词'] },
        reviewer,
      ).acceptedFindingIds,
    ).toEqual([]);
  });
  it('refuses the wrong role, the submitter, stale or unknown revisions, repeated decisions', () => {
    expectDomainError(
      () => validate('decide-script', stateAfter('scanned'), decideR1, planner),
      'FORBIDDEN_ROLE',
    );
    const selfSubmitted = stateAfter('planned', [
      ev('ScriptSubmitted', t(-90 * HOUR), reviewer, {
        revision: 1,
        segments: plan.script,
        submittedBy: 'REVIEWER@example.com',
      }),
      ev('ScriptScanned', t(-90 * HOUR), SYSTEM_ACTOR, { revision: 1, findings: [] }),
    ]);
    expectDomainError(
      () => validate('decide-script', selfSubmitted, { revision: 1, decision: 'approved' }, reviewer),
      'SELF_APPROVAL',
    );
    expectDomainError(
      () =>
        validate(
          'decide-script',
          selfSubmitted,
          { revision: 1, decision: 'approved' },
          { ...reviewer, roles: ['admin'] },
        ),
      'SELF_APPROVAL',
    );
    const revised = stateAfter('scanned', [
      ev('ScriptSubmitted', t(-99 * HOUR), planner, {
        revision: 2,
        segments: plan.script,
        submittedBy: planner.id,
      }),
    ]);
    expectDomainError(() => validate('decide-script', revised, decideR1, reviewer), 'STALE_REVISION');
    expectDomainError(
      () => validate('decide-script', revised, { ...decideR1, revision: 5 }, reviewer),
      'NOT_FOUND',
    );
    expectDomainError(
      () => validate('decide-script', stateAfter('scriptDecided'), decideR1, reviewer),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => validate('decide-script', stateAfter('completed'), decideR1, reviewer),
      'INVALID_PHASE',
    );
  });
  it('refuses a decision before the scan, or one that skips findings', () => {
    expectDomainError(
      () => validate('decide-script', stateAfter('submitted'), decideR1, reviewer),
      'INVALID_STATE',
    );
    const scanned = stateAfter('scanned');
    expectDomainError(
      () => validate('decide-script', scanned, { revision: 1, decision: 'approved' }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('decide-script', scanned, { ...decideR1, acceptedFindingIds: [] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('decide-script', scanned, { ...decideR1, acceptedFindingIds: ['x:0:y'] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('decide-script', scanned, { ...decideR1, reasons: [] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('decide-script', scanned, { revision: 1, decision: 'rejected' }, reviewer),
      'INVALID_INPUT',
    );
  });
});

describe('validateDecideProduct', () => {
  const approve = { sku: SAMPLE_PRODUCT_SKU, decision: 'approved' };
  it('accepts a reviewer once documents are checked and clean', () => {
    expect(validate('decide-product', stateAfter('productsChecked'), approve, reviewer)).toMatchObject({
      reason: '',
    });
  });
  it('refuses the wrong role, the plan owner, unknown or decided products, unchecked or faulty documents', () => {
    expectDomainError(
      () => validate('decide-product', stateAfter('productsChecked'), approve, ops),
      'FORBIDDEN_ROLE',
    );
    // The owner is no reviewer of this stream: refused by the roster rule before separation of duties...
    const owner = { ...planner, roles: ['reviewer' as const] };
    expectDomainError(
      () => validate('decide-product', stateAfter('productsChecked'), approve, owner),
      'FORBIDDEN_ROLE',
    );
    // ...and when the roster does list them as a reviewer, separation of duties still refuses.
    const checked = stateAfter('productsChecked');
    const ownerOnRoster = {
      ...checked,
      plan: {
        ...checked.plan,
        team: {
          ...checked.plan.team,
          reviewer: [...checked.plan.team.reviewer, { id: planner.id, name: '策划' }],
        },
      },
    };
    expectDomainError(() => validate('decide-product', ownerOnRoster, approve, owner), 'SELF_APPROVAL');
    expectDomainError(
      () => validate('decide-product', stateAfter('productsChecked'), { ...approve, sku: 'NOPE' }, reviewer),
      'NOT_FOUND',
    );
    expectDomainError(
      () => validate('decide-product', stateAfter('productDecided'), approve, reviewer),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => validate('decide-product', stateAfter('scanned'), approve, reviewer),
      'INVALID_STATE',
    );
    const faulty = stateAfter('scanned', [
      ev('ProductsChecked', t(-90 * HOUR), SYSTEM_ACTOR, {
        results: [
          {
            sku: SAMPLE_PRODUCT_SKU,
            problems: [{ document: 'traceability', kind: 'missing', detail: '溯源凭证 missing' }],
          },
        ],
      }),
    ]);
    expectDomainError(() => validate('decide-product', faulty, approve, reviewer), 'INVALID_STATE');
    expectDomainError(
      () => validate('decide-product', faulty, { ...approve, decision: 'rejected' }, reviewer),
      'INVALID_INPUT',
    );
    expect(() =>
      validate(
        'decide-product',
        faulty,
        { ...approve, decision: 'rejected', reason: '缺溯源凭证' },
        reviewer,
      ),
    ).not.toThrow();
  });
});

describe('validateSignChecklist', () => {
  it('accepts the rostered room operator (any id case) or a manager', () => {
    expect(() => validate('sign-checklist', stateAfter('preheat'), checklistItems, ops)).not.toThrow();
    expect(() => validate('sign-checklist', stateAfter('preheat'), checklistItems, manager)).not.toThrow();
  });
  it('refuses others, incomplete lists, a second signature, and live streams', () => {
    expectDomainError(
      () => validate('sign-checklist', stateAfter('preheat'), checklistItems, outsider),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => validate('sign-checklist', stateAfter('preheat'), { items: ['equipment'] }, ops),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('sign-checklist', stateAfter('preheat'), { items: [...checklistItems.items, 'x'] }, ops),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('sign-checklist', stateAfter('checklist'), checklistItems, ops),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => validate('sign-checklist', stateAfter('burst'), checklistItems, ops),
      'INVALID_PHASE',
    );
  });
});

describe('who reviews: the roster, or someone a manager assigned', () => {
  const offRoster = { id: 'other-team-reviewer@example.com', roles: ['reviewer' as const] };
  it('refuses a reviewer who is not on this stream, script and products alike', () => {
    expectDomainError(
      () => validate('decide-script', stateAfter('scanned'), decideR1, offRoster),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () =>
        validate(
          'decide-product',
          stateAfter('productsChecked'),
          { sku: SAMPLE_PRODUCT_SKU, decision: 'approved' },
          offRoster,
        ),
      'FORBIDDEN_ROLE',
    );
  });
  it('lets a manager assign them; then they decide, and the timeline says who assigned whom', () => {
    const assign = { id: offRoster.id, name: '外部审核', reason: '本组审核休假' };
    expectDomainError(
      () => validate('assign-reviewer', stateAfter('scanned'), assign, reviewer),
      'FORBIDDEN_ROLE',
    );
    expect(validate('assign-reviewer', stateAfter('scanned'), assign, manager)).toEqual(assign);
    const assigned = stateAfter('scanned', [
      ev('ReviewerAssigned', t(-99 * HOUR), manager, {
        member: { id: offRoster.id, name: '外部审核', email: offRoster.id },
        reason: '本组审核休假',
      }),
    ]);
    expect(validate('decide-script', assigned, decideR1, offRoster)).toMatchObject({ revision: 1 });
    expect(assigned.timeline.entries.at(-1)).toMatchObject({ type: 'ReviewerAssigned', actorId: manager.id });
  });
  it('never assigns the plan owner to review their own plan', () => {
    expectDomainError(
      () =>
        validate(
          'assign-reviewer',
          stateAfter('scanned'),
          { id: planner.id, name: '策划', reason: 'x' },
          manager,
        ),
      'SELF_APPROVAL',
    );
  });
});
