import { permittedActions, ACTION_PERMITS } from '../../../domain/stream/action-permits';
import { validateExtend, validateDecideScript } from '../../../domain/stream/commands';
import { expectDomainError, manager, ops, planner, reviewer, stateAfter } from './stream-fixtures';

describe('action permits', () => {
  it('offer each role the actions of the current phase only', () => {
    const compliance = stateAfter('scanned');
    expect(permittedActions(compliance, reviewer)).toEqual(['decide-script', 'decide-product']);
    expect(permittedActions(compliance, manager)).toEqual(
      expect.arrayContaining(['pause', 'advance', 'reschedule', 'cancel', 'sign-checklist']),
    );
    expect(permittedActions(compliance, manager)).not.toContain('extend');

    const burst = stateAfter('burst');
    expect(permittedActions(burst, manager)).toEqual(
      expect.arrayContaining(['extend', 'end-early', 'pause', 'advance', 'record-incident']),
    );
    expect(permittedActions(burst, manager)).not.toContain('cancel');
    expect(permittedActions(burst, reviewer)).toEqual([]);
    // On the roster as room operator: may record incidents without an app role that allows it.
    expect(permittedActions(burst, { ...ops, roles: [] })).toEqual(['record-incident']);
    expect(permittedActions(stateAfter('burst'), planner)).toEqual(['record-incident']);
  });

  it('are what the validators enforce: a refused permit is the validator refusal', () => {
    const compliance = stateAfter('scanned');
    expect(() => ACTION_PERMITS.extend(compliance, manager)).toThrow();
    expectDomainError(
      () => validateExtend(compliance, { minutes: 30, reason: 'x' }, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => validateDecideScript(compliance, { revision: 1, decision: 'rejected', reasons: ['x'] }, manager),
      'FORBIDDEN_ROLE',
    );
    expect(permittedActions(compliance, manager)).not.toContain('decide-script');
  });
});
