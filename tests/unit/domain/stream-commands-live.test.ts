import {
  admin,
  auditor,
  ev,
  expectDomainError,
  HOUR,
  manager,
  ops,
  plan,
  planner,
  reviewer,
  stateAfter,
  t,
  validate,
} from './stream-fixtures';

describe('live adjustments', () => {
  it('record incidents from the room during preheat, burst and tail only', () => {
    const incident = { kind: 'complaint', description: '观众投诉发货慢' };
    expect(
      validate('record-incident', stateAfter('burst'), incident, { id: 'cs@example.com', roles: [] }).steps,
    ).toEqual([]);
    expectDomainError(
      () => validate('record-incident', stateAfter('burst'), incident, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => validate('record-incident', stateAfter('scanned'), incident, ops),
      'INVALID_PHASE',
    );
  });
  it('extend and end early: managers, during burst only', () => {
    const extend = { minutes: 120, reason: '补货后加播两小时' };
    expect(validate('extend', stateAfter('burst'), extend, manager)).toEqual(extend);
    expectDomainError(() => validate('extend', stateAfter('burst'), extend, ops), 'FORBIDDEN_ROLE');
    expectDomainError(() => validate('extend', stateAfter('preheat'), extend, manager), 'INVALID_PHASE');
    expectDomainError(
      () => validate('extend', stateAfter('burst'), { ...extend, minutes: 0 }, manager),
      'INVALID_INPUT',
    );
    expect(() => validate('end-early', stateAfter('burst'), { reason: '售罄' }, admin)).not.toThrow();
    expectDomainError(
      () => validate('end-early', stateAfter('tail'), { reason: '售罄' }, manager),
      'INVALID_PHASE',
    );
  });
  it('pause and resume: managers, one pause at a time, not in draft or after the end', () => {
    const paused = stateAfter('burst', [ev('Paused', t(60), manager, { reason: '断流' })]);
    expect(() => validate('pause', stateAfter('burst'), { reason: '断流' }, manager)).not.toThrow();
    expectDomainError(() => validate('pause', paused, { reason: '断流' }, manager), 'INVALID_STATE');
    expectDomainError(
      () => validate('pause', stateAfter('planned'), { reason: 'x' }, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => validate('pause', stateAfter('burst'), { reason: 'x' }, auditor),
      'FORBIDDEN_ROLE',
    );
    expect(() => validate('resume', paused, {}, manager)).not.toThrow();
    expectDomainError(() => validate('resume', stateAfter('burst'), {}, manager), 'INVALID_STATE');
    expectDomainError(() => validate('resume', stateAfter('completed'), {}, manager), 'INVALID_PHASE');
  });
});

describe('validateAdvance', () => {
  it('moves one phase forward from the phase the manager saw', () => {
    expect(
      validate('advance', stateAfter('burst'), { from: 'burst', to: 'tail', reason: '人工推进' }, manager),
    ).toEqual({
      from: 'burst',
      to: 'tail',
      reason: '人工推进',
    });
    expect(() =>
      validate(
        'advance',
        stateAfter('productDecided'),
        { from: 'compliance', to: 'preheat', reason: '人工推进' },
        manager,
      ),
    ).not.toThrow();
  });
  it('refuses stale views, skipping, skipping compliance, paused streams and non-managers', () => {
    expectDomainError(
      () =>
        validate('advance', stateAfter('tail'), { from: 'burst', to: 'tail', reason: '人工推进' }, manager),
      'STALE_REVISION',
    );
    expectDomainError(
      () =>
        validate(
          'advance',
          stateAfter('preheat'),
          { from: 'preheat', to: 'tail', reason: '人工推进' },
          manager,
        ),
      'INVALID_PHASE',
    );
    expectDomainError(
      () =>
        validate(
          'advance',
          stateAfter('scanned'),
          { from: 'compliance', to: 'preheat', reason: '人工推进' },
          manager,
        ),
      'INVALID_STATE',
    );
    const paused = stateAfter('burst', [ev('Paused', t(60), manager, { reason: '断流' })]);
    expectDomainError(
      () => validate('advance', paused, { from: 'burst', to: 'tail', reason: '人工推进' }, manager),
      'INVALID_STATE',
    );
    expectDomainError(
      () =>
        validate('advance', stateAfter('burst'), { from: 'burst', to: 'tail', reason: '人工推进' }, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () =>
        validate(
          'advance',
          stateAfter('reported'),
          { from: 'review', to: 'completed', reason: '人工推进' },
          manager,
        ),
      'INVALID_PHASE',
    );
  });
});

describe('reschedule, cancel, sign review', () => {
  const reschedule = { scheduledStart: '2026-12-08T20:00:00+08:00', reason: '主播档期冲突' };
  it('reschedules before going live, into the future only', () => {
    expect(validate('reschedule', stateAfter('preheat'), reschedule, manager, { now: t(-HOUR) })).toEqual(
      reschedule,
    );
    expectDomainError(
      () => validate('reschedule', stateAfter('burst'), reschedule, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () =>
        validate('reschedule', stateAfter('preheat'), reschedule, manager, {
          now: '2026-12-09T00:00:00Z',
        }),
      'INVALID_INPUT',
    );
    expectDomainError(
      () =>
        validate(
          'reschedule',
          stateAfter('preheat'),
          { ...reschedule, scheduledStart: '2026-12-08T20:00' },
          manager,
        ),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => validate('reschedule', stateAfter('preheat'), reschedule, planner),
      'FORBIDDEN_ROLE',
    );
  });
  it('cancels before going live only, and nothing happens after cancel', () => {
    expect(() => validate('cancel', stateAfter('preheat'), { reason: '品牌方撤单' }, manager)).not.toThrow();
    expectDomainError(
      () => validate('cancel', stateAfter('burst'), { reason: '品牌方撤单' }, manager),
      'INVALID_PHASE',
    );
    const cancelled = stateAfter('preheat', [ev('Cancelled', t(-HOUR), manager, { reason: '撤单' })]);
    expectDomainError(() => validate('cancel', cancelled, { reason: 'again' }, manager), 'INVALID_PHASE');
    expectDomainError(
      () => validate('submit-script', cancelled, { baseRevision: 1, segments: plan.script }, planner),
      'INVALID_PHASE',
    );
  });
  it('signs off the named review report: a manager who did not write it', () => {
    expect(validate('sign-review', stateAfter('reported'), { reportId: 'report-1' }, manager)).toEqual({
      reportId: 'report-1',
    });
    expectDomainError(
      () => validate('sign-review', stateAfter('review'), { reportId: 'report-1' }, manager),
      'INVALID_STATE',
    );
    expectDomainError(
      () => validate('sign-review', stateAfter('reported'), { reportId: 'report-0' }, manager),
      'STALE_REVISION',
    );
    expectDomainError(
      () => validate('sign-review', stateAfter('reported'), { reportId: 'report-1' }, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => validate('sign-review', stateAfter('completed'), { reportId: 'report-1' }, manager),
      'INVALID_PHASE',
    );
    const ownReport = stateAfter('review', [
      ev('ReviewReported', t(27 * HOUR), manager, { reportId: 'report-2', summary: '复盘' }),
    ]);
    expectDomainError(
      () => validate('sign-review', ownReport, { reportId: 'report-2' }, manager),
      'SELF_APPROVAL',
    );
  });
});
