import { SYSTEM_ACTOR } from '../../../domain/shared/actor.types';
import * as commands from '../../../domain/stream/commands';
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
    expect(commands.validateSubmitScript(stateAfter('scanned'), input, planner).segments).toHaveLength(4);
    expect(() =>
      commands.validateSubmitScript(stateAfter('scanned'), input, { id: planner.id, roles: [] }),
    ).not.toThrow();
  });
  it('refuses other roles, stale edits, live streams, bad segments', () => {
    expectDomainError(
      () => commands.validateSubmitScript(stateAfter('scanned'), input, auditor),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => commands.validateSubmitScript(stateAfter('scanned'), { ...input, baseRevision: 0 }, planner),
      'STALE_REVISION',
    );
    expectDomainError(
      () => commands.validateSubmitScript(stateAfter('burst'), input, planner),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => commands.validateSubmitScript(stateAfter('scanned'), { ...input, segments: [] }, planner),
      'INVALID_INPUT',
    );
    const dropped = stateAfter('productsChecked', [
      ev('ProductDropped', t(-90 * HOUR), SYSTEM_ACTOR, { sku: SAMPLE_PRODUCT_SKU }),
    ]);
    expectDomainError(() => commands.validateSubmitScript(dropped, input, planner), 'INVALID_INPUT');
  });
});

describe('validateDecideScript', () => {
  it('accepts a reviewer who accepts every finding with a reason, and returns the parsed input', () => {
    expect(commands.validateDecideScript(stateAfter('scanned'), decideR1, reviewer)).toMatchObject({
      revision: 1,
    });
    expect(
      commands.validateDecideScript(
        stateAfter('scanned'),
        { revision: 1, decision: 'rejected', reasons: ['极限词'] },
        reviewer,
      ).acceptedFindingIds,
    ).toEqual([]);
  });
  it('refuses the wrong role, the submitter, stale or unknown revisions, repeated decisions', () => {
    expectDomainError(
      () => commands.validateDecideScript(stateAfter('scanned'), decideR1, planner),
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
      () => commands.validateDecideScript(selfSubmitted, { revision: 1, decision: 'approved' }, reviewer),
      'SELF_APPROVAL',
    );
    expectDomainError(
      () =>
        commands.validateDecideScript(
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
    expectDomainError(() => commands.validateDecideScript(revised, decideR1, reviewer), 'STALE_REVISION');
    expectDomainError(
      () => commands.validateDecideScript(revised, { ...decideR1, revision: 5 }, reviewer),
      'NOT_FOUND',
    );
    expectDomainError(
      () => commands.validateDecideScript(stateAfter('scriptDecided'), decideR1, reviewer),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => commands.validateDecideScript(stateAfter('completed'), decideR1, reviewer),
      'INVALID_PHASE',
    );
  });
  it('refuses a decision before the scan, or one that skips findings', () => {
    expectDomainError(
      () => commands.validateDecideScript(stateAfter('submitted'), decideR1, reviewer),
      'INVALID_STATE',
    );
    const scanned = stateAfter('scanned');
    expectDomainError(
      () => commands.validateDecideScript(scanned, { revision: 1, decision: 'approved' }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateDecideScript(scanned, { ...decideR1, acceptedFindingIds: [] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateDecideScript(scanned, { ...decideR1, acceptedFindingIds: ['x:0:y'] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateDecideScript(scanned, { ...decideR1, reasons: [] }, reviewer),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateDecideScript(scanned, { revision: 1, decision: 'rejected' }, reviewer),
      'INVALID_INPUT',
    );
  });
});

describe('validateDecideProduct', () => {
  const approve = { sku: SAMPLE_PRODUCT_SKU, decision: 'approved' };
  it('accepts a reviewer once documents are checked and clean', () => {
    expect(commands.validateDecideProduct(stateAfter('productsChecked'), approve, reviewer)).toMatchObject({
      reason: '',
    });
  });
  it('refuses the wrong role, the plan owner, unknown or decided products, unchecked or faulty documents', () => {
    expectDomainError(
      () => commands.validateDecideProduct(stateAfter('productsChecked'), approve, ops),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () =>
        commands.validateDecideProduct(stateAfter('productsChecked'), approve, {
          ...planner,
          roles: ['reviewer'],
        }),
      'SELF_APPROVAL',
    );
    expectDomainError(
      () =>
        commands.validateDecideProduct(stateAfter('productsChecked'), { ...approve, sku: 'NOPE' }, reviewer),
      'NOT_FOUND',
    );
    expectDomainError(
      () => commands.validateDecideProduct(stateAfter('productDecided'), approve, reviewer),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => commands.validateDecideProduct(stateAfter('scanned'), approve, reviewer),
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
    expectDomainError(() => commands.validateDecideProduct(faulty, approve, reviewer), 'INVALID_STATE');
    expectDomainError(
      () => commands.validateDecideProduct(faulty, { ...approve, decision: 'rejected' }, reviewer),
      'INVALID_INPUT',
    );
    expect(() =>
      commands.validateDecideProduct(
        faulty,
        { ...approve, decision: 'rejected', reason: '缺溯源凭证' },
        reviewer,
      ),
    ).not.toThrow();
  });
});

describe('validateSignChecklist', () => {
  it('accepts the rostered room operator (any id case) or a manager', () => {
    expect(() => commands.validateSignChecklist(stateAfter('preheat'), checklistItems, ops)).not.toThrow();
    expect(() =>
      commands.validateSignChecklist(stateAfter('preheat'), checklistItems, manager),
    ).not.toThrow();
  });
  it('refuses others, incomplete lists, a second signature, and live streams', () => {
    expectDomainError(
      () => commands.validateSignChecklist(stateAfter('preheat'), checklistItems, outsider),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => commands.validateSignChecklist(stateAfter('preheat'), { items: ['equipment'] }, ops),
      'INVALID_INPUT',
    );
    expectDomainError(
      () =>
        commands.validateSignChecklist(stateAfter('preheat'), { items: [...checklistItems.items, 'x'] }, ops),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateSignChecklist(stateAfter('checklist'), checklistItems, ops),
      'ALREADY_DECIDED',
    );
    expectDomainError(
      () => commands.validateSignChecklist(stateAfter('burst'), checklistItems, ops),
      'INVALID_PHASE',
    );
  });
});
