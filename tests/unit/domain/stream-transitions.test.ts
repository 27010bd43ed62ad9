import { nextPhaseFor } from '../../../domain/engine/transitions';
import type { TStreamEvent, TStreamEventType } from '../../../domain/stream/events.types';
import {
  PHASE_ORDER,
  PRE_LIVE_PHASES,
  STREAM_PHASES,
  type TStreamPhase,
} from '../../../domain/stream/phases';
import { canApplyStreamEvent, STREAM_TRANSITIONS } from '../../../domain/stream/transitions';

const EVENT_TYPES = Object.keys(STREAM_TRANSITIONS) as TStreamEventType[];

/** An event of each type; PhaseEntered and AdvancedNow name every possible destination. */
function probes(): TStreamEvent[] {
  return EVENT_TYPES.flatMap((type) => {
    if (type === 'PhaseEntered')
      return STREAM_PHASES.map((phase) => ({ type, phase }) as unknown as TStreamEvent);
    if (type === 'AdvancedNow')
      return STREAM_PHASES.flatMap((from) =>
        STREAM_PHASES.map((to) => ({ type, from, to }) as unknown as TStreamEvent),
      );
    return [{ type } as unknown as TStreamEvent];
  });
}

const targetOf = (event: TStreamEvent) =>
  event.type === 'PhaseEntered' ? event.phase : event.type === 'AdvancedNow' ? event.to : undefined;

/** Every (phase, event) pair the table allows, with where it leads. */
const EDGES = STREAM_PHASES.flatMap((phase) =>
  probes().flatMap((event) => {
    const to = nextPhaseFor(STREAM_TRANSITIONS, targetOf, phase, event);
    return to === undefined ? [] : [{ from: phase, event, to }];
  }),
);
const order = (phase: TStreamPhase) => PHASE_ORDER.indexOf(phase);

describe('stream transition table, checked over every phase and every event', () => {
  it('has a rule list for every event type, and no two rules of one event answer the same question', () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(25);
    for (const [type, rules] of Object.entries(STREAM_TRANSITIONS)) {
      for (const phase of STREAM_PHASES) {
        const targets = rules.filter((r) => r.from.includes(phase)).map((r) => r.to);
        expect({ type, phase, duplicates: targets.length - new Set(targets).size }).toEqual({
          type,
          phase,
          duplicates: 0,
        });
      }
    }
  });

  it('lets nothing happen after completion, and only machine facts after a cancellation', () => {
    expect(EDGES.filter((e) => e.from === 'completed')).toEqual([]);
    const afterCancel = EDGES.filter((e) => e.from === 'cancelled');
    expect([...new Set(afterCancel.map((e) => e.event.type))].sort()).toEqual([
      'AlertRaised',
      'MetricsReceived',
    ]);
    expect(afterCancel.every((e) => e.to === 'cancelled')).toBe(true);
  });

  it('never takes a stream that went live back before the live, nor review back to tail', () => {
    for (const edge of EDGES.filter((e) => ['burst', 'tail', 'review'].includes(e.from))) {
      expect({ ...edge, ok: edge.to === edge.from || order(edge.to) > order(edge.from) }).toMatchObject({
        ok: true,
      });
    }
  });

  it('cancels only before the live, blocks only from compliance, completes only by a review sign-off', () => {
    const into = (phase: TStreamPhase) => EDGES.filter((e) => e.to === phase && e.from !== phase);
    expect(
      into('cancelled').every((e) => e.event.type === 'Cancelled' && PRE_LIVE_PHASES.includes(e.from)),
    ).toBe(true);
    expect(into('blocked').map((e) => [e.from, e.event.type])).toEqual([['compliance', 'StreamBlocked']]);
    expect(into('completed').map((e) => [e.from, e.event.type])).toEqual([['review', 'ReviewSignedOff']]);
  });

  it('moves forward one step at a time, by timer or by a manager, and reaches every phase from draft', () => {
    const forward = EDGES.filter((e) => e.event.type === 'PhaseEntered' || e.event.type === 'AdvancedNow');
    for (const edge of forward) expect(order(edge.to)).toBe(order(edge.from) + 1);
    const reached = new Set<TStreamPhase>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const edge of EDGES)
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...STREAM_PHASES].sort());
  });

  it('sends a stream whose start, script or lineup changes in preheat back to compliance, never past it', () => {
    const backToCompliance = EDGES.filter((e) => e.from === 'preheat' && e.to === 'compliance');
    expect(backToCompliance.map((e) => e.event.type).sort()).toEqual([
      'DocumentReplaced',
      'ProductAdded',
      'ProductDropped',
      'ScriptSubmitted',
      'StreamRescheduled',
    ]);
  });

  it('answers loops: a timer result after a human cancellation cannot be applied', () => {
    expect(canApplyStreamEvent('cancelled', { type: 'StreamBlocked' })).toBe(false);
    expect(canApplyStreamEvent('cancelled', { type: 'PhaseEntered', phase: 'preheat' } as TStreamEvent)).toBe(
      false,
    );
    expect(canApplyStreamEvent('preheat', { type: 'PhaseEntered', phase: 'preheat' } as TStreamEvent)).toBe(
      false,
    );
    expect(
      canApplyStreamEvent('compliance', { type: 'PhaseEntered', phase: 'preheat' } as TStreamEvent),
    ).toBe(true);
    expect(canApplyStreamEvent('review', { type: 'PhaseEntered', phase: 'tail' } as TStreamEvent)).toBe(
      false,
    );
  });
});
