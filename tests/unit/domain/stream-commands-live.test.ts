import * as commands from '../../../domain/stream/commands';
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
} from './stream-fixtures';

describe('live adjustments', () => {
  it('record incidents from the room during preheat, burst and tail only', () => {
    const incident = { kind: 'complaint', description: '观众投诉发货慢' };
    expect(
      commands.validateRecordIncident(stateAfter('burst'), incident, { id: 'cs@example.com', roles: [] })
        .steps,
    ).toEqual([]);
    expectDomainError(
      () => commands.validateRecordIncident(stateAfter('burst'), incident, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => commands.validateRecordIncident(stateAfter('scanned'), incident, ops),
      'INVALID_PHASE',
    );
  });
  it('extend and end early: managers, during burst only', () => {
    const extend = { minutes: 120, reason: '补货后加播两小时' };
    expect(commands.validateExtend(stateAfter('burst'), extend, manager)).toEqual(extend);
    expectDomainError(() => commands.validateExtend(stateAfter('burst'), extend, ops), 'FORBIDDEN_ROLE');
    expectDomainError(() => commands.validateExtend(stateAfter('preheat'), extend, manager), 'INVALID_PHASE');
    expectDomainError(
      () => commands.validateExtend(stateAfter('burst'), { ...extend, minutes: 0 }, manager),
      'INVALID_INPUT',
    );
    expect(() => commands.validateEndEarly(stateAfter('burst'), { reason: '售罄' }, admin)).not.toThrow();
    expectDomainError(
      () => commands.validateEndEarly(stateAfter('tail'), { reason: '售罄' }, manager),
      'INVALID_PHASE',
    );
  });
  it('pause and resume: managers, one pause at a time, not in draft or after the end', () => {
    const paused = stateAfter('burst', [ev('Paused', t(60), manager, { reason: '断流' })]);
    expect(() => commands.validatePause(stateAfter('burst'), { reason: '断流' }, manager)).not.toThrow();
    expectDomainError(() => commands.validatePause(paused, { reason: '断流' }, manager), 'INVALID_STATE');
    expectDomainError(
      () => commands.validatePause(stateAfter('planned'), { reason: 'x' }, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => commands.validatePause(stateAfter('burst'), { reason: 'x' }, auditor),
      'FORBIDDEN_ROLE',
    );
    expect(() => commands.validateResume(paused, {}, manager)).not.toThrow();
    expectDomainError(() => commands.validateResume(stateAfter('burst'), {}, manager), 'INVALID_STATE');
    expectDomainError(() => commands.validateResume(stateAfter('completed'), {}, manager), 'INVALID_PHASE');
  });
});

describe('validateAdvance', () => {
  it('moves one phase forward from the phase the manager saw', () => {
    expect(commands.validateAdvance(stateAfter('burst'), { from: 'burst', to: 'tail' }, manager)).toEqual({
      from: 'burst',
      to: 'tail',
    });
    expect(() =>
      commands.validateAdvance(stateAfter('productDecided'), { from: 'compliance', to: 'preheat' }, manager),
    ).not.toThrow();
  });
  it('refuses stale views, skipping, skipping compliance, paused streams and non-managers', () => {
    expectDomainError(
      () => commands.validateAdvance(stateAfter('tail'), { from: 'burst', to: 'tail' }, manager),
      'STALE_REVISION',
    );
    expectDomainError(
      () => commands.validateAdvance(stateAfter('preheat'), { from: 'preheat', to: 'tail' }, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => commands.validateAdvance(stateAfter('scanned'), { from: 'compliance', to: 'preheat' }, manager),
      'INVALID_STATE',
    );
    const paused = stateAfter('burst', [ev('Paused', t(60), manager, { reason: '断流' })]);
    expectDomainError(
      () => commands.validateAdvance(paused, { from: 'burst', to: 'tail' }, manager),
      'INVALID_STATE',
    );
    expectDomainError(
      () => commands.validateAdvance(stateAfter('burst'), { from: 'burst', to: 'tail' }, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => commands.validateAdvance(stateAfter('reported'), { from: 'review', to: 'completed' }, manager),
      'INVALID_PHASE',
    );
  });
});

describe('reschedule, cancel, sign review', () => {
  const reschedule = { scheduledStart: '2026-12-08T20:00:00+08:00', reason: '主播档期冲突' };
  it('reschedules before going live, into the future only', () => {
    expect(
      commands.validateReschedule(stateAfter('preheat'), reschedule, manager, { now: t(-HOUR) }),
    ).toEqual(reschedule);
    expectDomainError(
      () => commands.validateReschedule(stateAfter('burst'), reschedule, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () =>
        commands.validateReschedule(stateAfter('preheat'), reschedule, manager, {
          now: '2026-12-09T00:00:00Z',
        }),
      'INVALID_INPUT',
    );
    expectDomainError(
      () =>
        commands.validateReschedule(
          stateAfter('preheat'),
          { ...reschedule, scheduledStart: '2026-12-08T20:00' },
          manager,
        ),
      'INVALID_INPUT',
    );
    expectDomainError(
      () => commands.validateReschedule(stateAfter('preheat'), reschedule, planner),
      'FORBIDDEN_ROLE',
    );
  });
  it('cancels before going live only, and nothing happens after cancel', () => {
    expect(() =>
      commands.validateCancel(stateAfter('preheat'), { reason: '品牌方撤单' }, manager),
    ).not.toThrow();
    expectDomainError(
      () => commands.validateCancel(stateAfter('burst'), { reason: '品牌方撤单' }, manager),
      'INVALID_PHASE',
    );
    const cancelled = stateAfter('preheat', [ev('Cancelled', t(-HOUR), manager, { reason: '撤单' })]);
    expectDomainError(
      () => commands.validateCancel(cancelled, { reason: 'again' }, manager),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => commands.validateSubmitScript(cancelled, { baseRevision: 1, segments: plan.script }, planner),
      'INVALID_PHASE',
    );
  });
  it('signs off the named review report: a manager who did not write it', () => {
    expect(commands.validateSignReview(stateAfter('reported'), { reportId: 'report-1' }, manager)).toEqual({
      reportId: 'report-1',
    });
    expectDomainError(
      () => commands.validateSignReview(stateAfter('review'), { reportId: 'report-1' }, manager),
      'INVALID_STATE',
    );
    expectDomainError(
      () => commands.validateSignReview(stateAfter('reported'), { reportId: 'report-0' }, manager),
      'STALE_REVISION',
    );
    expectDomainError(
      () => commands.validateSignReview(stateAfter('reported'), { reportId: 'report-1' }, reviewer),
      'FORBIDDEN_ROLE',
    );
    expectDomainError(
      () => commands.validateSignReview(stateAfter('completed'), { reportId: 'report-1' }, manager),
      'INVALID_PHASE',
    );
    const ownReport = stateAfter('review', [
      ev('ReviewReported', t(27 * HOUR), manager, { reportId: 'report-2', summary: '复盘' }),
    ]);
    expectDomainError(
      () => commands.validateSignReview(ownReport, { reportId: 'report-2' }, manager),
      'SELF_APPROVAL',
    );
  });
});
