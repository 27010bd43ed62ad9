import { SYSTEM_ACTOR } from '../../../domain/shared/actor.types';
import {
  applyStreamEvent,
  initialStreamState,
  replayStream,
  TIMELINE_LIMIT,
} from '../../../domain/stream/reducer';
import { SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import { gatesPassed } from '../../../domain/stream/selectors';
import type { TStreamEvent } from '../../../domain/stream/events.types';
import {
  CREATED_AT,
  ev,
  expectDomainError,
  happyPathEvents,
  HOUR,
  manager,
  ops,
  plan,
  planner,
  reviewer,
  stateAfter,
  t,
} from './stream-fixtures';

const replayOf = (...events: TStreamEvent[]) =>
  replayStream([ev('StreamPlanned', CREATED_AT, planner, { streamId: 's', plan }), ...events]);

describe('stream reducer: happy path', () => {
  it('goes from plan to completed, recording who did what', () => {
    const steps = happyPathEvents();
    const state = replayStream(steps.map((step) => step.event));
    expect(state.phase).toBe('completed');
    expect(state.version).toBe(steps.length);
    expect(state.timeline.totalCount).toBe(steps.length);
    expect(state.timeline.entries.map((entry) => entry.type)).toEqual(steps.map((step) => step.event.type));
    expect(state.script.revisions[0]?.decision).toMatchObject({
      decision: 'approved_with_findings',
      decidedBy: reviewer.id,
    });
    expect(state.products[SAMPLE_PRODUCT_SKU]?.decision?.decision).toBe('approved');
    expect(state.checklist.signedBy).toBe(ops.id);
    expect(state.schedule.extensionSeconds).toBe(30 * 60);
    expect(state.metrics).toMatchObject({ batches: 1, points: 12, latest: { viewers: 1200, gmv: 3400 } });
    expect(state.incidents).toEqual([
      expect.objectContaining({ id: 'incident-1', kind: 'interruption', recordedBy: ops.id }),
    ]);
    expect(state.alerts.lastFiredAt['conversion-drop']).toBe(t(600));
    expect(state.review).toMatchObject({ reportId: 'report-1', signedOffBy: manager.id });
    expect(state.timeline.entries.at(-1)).toMatchObject({
      actorId: manager.id,
      summary: 'signed off review report-1',
    });
  });

  it('moves draft to compliance on the first submission', () => {
    expect(stateAfter('planned').phase).toBe('draft');
    expect(stateAfter('submitted').phase).toBe('compliance');
  });

  it('never mutates the state it is given', () => {
    let state = initialStreamState('s', plan, CREATED_AT);
    for (const { event } of happyPathEvents().slice(1)) {
      const before = structuredClone(state);
      const next = applyStreamEvent(state, event);
      expect(state).toEqual(before);
      expect(next).not.toBe(state);
      state = next;
    }
  });

  it('folding the rest onto a stored state (JSON) equals replaying from the start, at every split', () => {
    // The projection stores the state as JSON and folds each new batch onto it: both roads must meet.
    const events = [
      ...happyPathEvents()
        .slice(0, 10)
        .map((step) => step.event),
      ev('Paused', t(120), manager, { reason: '设备故障' }),
      ev('Resumed', t(420), manager, { pausedSeconds: 300 }),
      ev('ContinuedAsNew', t(500), SYSTEM_ACTOR, { runNumber: 2 }),
      ...happyPathEvents()
        .slice(10)
        .map((step) => step.event),
    ];
    const whole = replayStream(events);
    for (let split = 1; split < events.length; split += 1) {
      const stored = JSON.parse(JSON.stringify(replayStream(events.slice(0, split)))) as typeof whole;
      expect(events.slice(split).reduce(applyStreamEvent, stored)).toEqual(whole);
    }
    expect(whole.schedule).toMatchObject({
      pausedTotalSeconds: 300,
      pauses: [{ from: t(120), to: t(420), seconds: 300, phase: 'burst' }],
    });
    expect(whole.schedule.pausedAt).toBeUndefined();
  });
});

describe('stream reducer: reject, revise, approve', () => {
  it('reopens the script gate for a new revision and passes once it is approved', () => {
    const scanned = stateAfter('scanned');
    const rejected = replayOf(
      ...happyPathEvents()
        .slice(1, 3)
        .map((s) => s.event),
      ev('ScriptDecided', t(-99 * HOUR), reviewer, {
        revision: 1,
        decision: 'rejected',
        reasons: ['含极限词'],
        acceptedFindingIds: [],
      }),
      ...happyPathEvents()
        .filter((s) => s.label === 'productsChecked' || s.label === 'productDecided')
        .map((s) => s.event),
    );
    expect(scanned.script.currentRevision).toBe(1);
    expect(gatesPassed(rejected)).toBe(false);

    const segments = plan.script.map((s) =>
      s.id === 'close' ? { ...s, text: '库存只剩两百件，错过今天就要等下次活动了！' } : s,
    );
    const revised = [
      ev('ScriptSubmitted', t(-98 * HOUR), planner, { revision: 2, segments, submittedBy: planner.id }),
      ev('ScriptScanned', t(-98 * HOUR + 5), SYSTEM_ACTOR, { revision: 2, findings: [] }),
    ];
    const pending = revised.reduce(applyStreamEvent, rejected);
    expect(pending.script.currentRevision).toBe(2);
    expect(pending.script.revisions[0]?.decision?.decision).toBe('rejected'); // history kept as evidence
    expect(gatesPassed(pending)).toBe(false);

    const approved = applyStreamEvent(
      pending,
      ev('ScriptDecided', t(-97 * HOUR), reviewer, {
        revision: 2,
        decision: 'approved',
        reasons: [],
        acceptedFindingIds: [],
      }),
    );
    expect(gatesPassed(approved)).toBe(true);
  });
});

describe('stream reducer: refusals and bookkeeping', () => {
  it('refuses events that cannot belong to this history', () => {
    const state = stateAfter('submitted');
    expectDomainError(
      () =>
        applyStreamEvent(
          state,
          ev('ScriptSubmitted', t(0), planner, {
            revision: 3,
            segments: plan.script,
            submittedBy: planner.id,
          }),
        ),
      'STALE_REVISION',
    );
    expectDomainError(
      () => applyStreamEvent(state, ev('ScriptScanned', t(0), SYSTEM_ACTOR, { revision: 7, findings: [] })),
      'NOT_FOUND',
    );
    expectDomainError(
      () => applyStreamEvent(state, ev('ProductDropped', t(0), SYSTEM_ACTOR, { sku: 'NOPE' })),
      'NOT_FOUND',
    );
    expectDomainError(
      () => applyStreamEvent(state, ev('Resumed', t(0), manager, { pausedSeconds: 1 })),
      'INVALID_STATE',
    );
    expectDomainError(
      () => applyStreamEvent(state, ev('StreamPlanned', t(0), planner, { streamId: 'x', plan })),
      'INVALID_PHASE',
    );
    // Transitions the table does not have: a cancelled stream cannot be blocked or go to preheat afterwards.
    const cancelled = applyStreamEvent(state, ev('Cancelled', t(0), manager, { reason: '撤单' }));
    expectDomainError(
      () => applyStreamEvent(cancelled, ev('StreamBlocked', t(1), SYSTEM_ACTOR, { reason: 'cutoff' })),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => applyStreamEvent(cancelled, ev('PhaseEntered', t(1), SYSTEM_ACTOR, { phase: 'preheat' })),
      'INVALID_PHASE',
    );
    expectDomainError(
      () => applyStreamEvent(state, ev('AdvancedNow', t(1), manager, { from: 'preheat', to: 'burst' })),
      'INVALID_PHASE',
    );
    expectDomainError(() => replayStream([]), 'INVALID_INPUT');
  });

  it('keeps the timeline bounded to the last TIMELINE_LIMIT entries and counts all events', () => {
    let state = stateAfter('planned');
    for (let i = 0; i < 600; i += 1)
      state = applyStreamEvent(
        state,
        ev('ReminderSent', t(i), SYSTEM_ACTOR, { approvalKey: 'checklist', to: ['ops@example.com'] }),
      );
    expect(state.timeline.entries).toHaveLength(TIMELINE_LIMIT);
    expect(state.timeline.totalCount).toBe(601);
    expect(state.timeline.entries[0]?.seq).toBe(601 - TIMELINE_LIMIT + 1);
    expect(state.approvalNotices['checklist']).toMatchObject({ reminders: 600, lastReminderAt: t(599) });
  });

  it('does not let a late metric batch overwrite newer values', () => {
    const state = stateAfter('metrics', [
      ev('MetricsReceived', t(120), SYSTEM_ACTOR, {
        count: 3,
        from: t(-60),
        to: t(30),
        latest: { viewers: 900, orders: 7 },
      }),
    ]);
    expect(state.metrics).toMatchObject({
      batches: 2,
      points: 15,
      firstFrom: t(-60),
      lastTo: t(60),
      latest: { viewers: 1200, gmv: 3400, orders: 7 },
    });
  });

  it('rescheduling a blocked stream reopens the gates', () => {
    const blocked = stateAfter('scanned', [
      ev('StreamBlocked', t(-HOUR), SYSTEM_ACTOR, { reason: '审核超时' }),
    ]);
    expect(blocked).toMatchObject({ phase: 'blocked', blockedReason: '审核超时' });
    const state = applyStreamEvent(
      blocked,
      ev('StreamRescheduled', t(-HOUR + 60), manager, {
        scheduledStart: '2026-12-08T20:00:00+08:00',
        reason: '改期一周',
      }),
    );
    expect(state.phase).toBe('compliance');
    expect(state.blockedReason).toBeUndefined();
    expect(state.schedule.scheduledStart).toBe('2026-12-08T20:00:00+08:00');
  });

  it('rescheduling in preheat goes back to compliance: documents re-checked, checklist signed again', () => {
    const state = stateAfter('checklist', [
      ev('StreamRescheduled', t(-HOUR), manager, {
        scheduledStart: '2026-12-08T20:00:00+08:00',
        reason: '改期',
      }),
    ]);
    expect(state.phase).toBe('compliance');
    expect(state.productsCheckedAt).toBeUndefined();
    expect(state.products[SAMPLE_PRODUCT_SKU]!.problems).toBeUndefined();
    expect(state.checklist.signedAt).toBeUndefined();
    expect(gatesPassed(state)).toBe(false);
  });

  it('a new script revision in preheat goes back to compliance; only the script is decided again', () => {
    const state = stateAfter('checklist', [
      ev('ScriptSubmitted', t(-HOUR), planner, {
        revision: 2,
        segments: plan.script,
        submittedBy: planner.id,
      }),
    ]);
    expect(state.phase).toBe('compliance');
    expect(state.products[SAMPLE_PRODUCT_SKU]!.decision?.decision).toBe('approved');
    expect(gatesPassed(state)).toBe(false);
  });

  it('rescheduling re-checks documents and lets a rejected product be decided again', () => {
    const rejected = stateAfter('productsChecked', [
      ev('ProductDecided', t(-98 * HOUR), reviewer, {
        sku: SAMPLE_PRODUCT_SKU,
        decision: 'rejected',
        reason: '质检过期',
      }),
      ev('StreamBlocked', t(-97 * HOUR), SYSTEM_ACTOR, { reason: 'product rejected' }),
      ev('StreamRescheduled', t(-96 * HOUR), manager, {
        scheduledStart: '2026-12-08T20:00:00+08:00',
        reason: '补资质',
      }),
    ]);
    expect(rejected.phase).toBe('compliance');
    expect(rejected.productsCheckedAt).toBeUndefined();
    expect(rejected.products[SAMPLE_PRODUCT_SKU]!.decision).toBeUndefined();
    expect(rejected.products[SAMPLE_PRODUCT_SKU]!.problems).toBeUndefined();

    const approvedThenExpired = stateAfter('productDecided', [
      ev('ProductsChecked', t(-90 * HOUR), SYSTEM_ACTOR, {
        results: [
          {
            sku: SAMPLE_PRODUCT_SKU,
            problems: [{ document: 'qualityInspection', kind: 'expired', detail: 'x' }],
          },
        ],
      }),
    ]);
    expect(approvedThenExpired.products[SAMPLE_PRODUCT_SKU]!.decision).toBeUndefined();
    expect(gatesPassed(approvedThenExpired)).toBe(false);
  });

  it('ending early moves burst to tail at that moment; cancelling is terminal', () => {
    const ended = stateAfter('burst', [ev('StreamEndedEarly', t(1800), manager, { reason: '断货' })]);
    expect(ended.phase).toBe('tail');
    expect(ended.phaseEnteredAt.tail).toBe(t(1800));
    const cancelled = stateAfter('scanned', [
      ev('Cancelled', t(-50 * HOUR), manager, { reason: '品牌方撤单' }),
    ]);
    expect(cancelled).toMatchObject({ phase: 'cancelled', cancelledReason: '品牌方撤单' });
  });
});
