import { childCommandsFor } from '../../../domain/campaign/child-commands';
import type { TCampaignEvent, TCampaignEventDraft } from '../../../domain/campaign/events.types';
import { allGoalsMet, dueCampaignAlerts, roiPace, rollupTotals } from '../../../domain/campaign/kpis';
import { CAMPAIGN_PHASES, CAMPAIGN_TERMINAL_PHASES } from '../../../domain/campaign/phases';
import { parseCampaignPlan } from '../../../domain/campaign/plan.schema';
import { applyCampaignEvent, initialCampaignState, replayCampaign } from '../../../domain/campaign/reducer';
import { campaignPlanInputFromState } from '../../../domain/campaign/reuse';
import {
  campaignPlanStartingAt,
  normalizeCampaignTemplate,
  type TCampaignTemplatePlan,
} from '../../../domain/campaign/campaign-template';
import { wallClockShift } from '../../../domain/templates/wall-clock-shift';
import { reviewCampaign } from '../../../domain/campaign/review';
import { canApplyCampaignEvent, CAMPAIGN_TRANSITIONS } from '../../../domain/campaign/transitions';
import { campaignPendingItems } from '../../../domain/campaign/pending-items';
import {
  apply,
  approved,
  at,
  attempt,
  auditor,
  director,
  live,
  manager,
  plan,
  planner,
  T0,
} from './campaign-fixtures';

describe('campaign transition table', () => {
  it('lists every event type, and nothing happens after the end', () => {
    const types = Object.keys(CAMPAIGN_TRANSITIONS);
    expect(types.length).toBeGreaterThan(25);
    for (const phase of CAMPAIGN_TERMINAL_PHASES.filter((p) => p === 'completed'))
      for (const type of types)
        expect(canApplyCampaignEvent(phase, { type } as unknown as TCampaignEventDraft)).toBe(false);
  });

  it('moves forward through the windows only, one at a time', () => {
    const order = ['scheduled', 'preheat', 'burst', 'tail', 'review'];
    for (const from of CAMPAIGN_PHASES)
      for (const to of ['preheat', 'burst', 'tail', 'review'] as const) {
        const ok = canApplyCampaignEvent(from, { type: 'PhaseEntered', phase: to });
        expect(ok).toBe(order.indexOf(to) === order.indexOf(from) + 1 && order.includes(from));
      }
  });
});

describe('plan approval', () => {
  const fresh = () => initialCampaignState('c1', plan(), T0, manager);
  it('is never by its submitter, and a named-approver plan only by them', () => {
    expect(attempt(fresh(), 'decide-plan', { revision: 1, decision: 'approved' }, manager).code).toBe(
      'SELF_APPROVAL',
    );
    expect(
      attempt(fresh(), 'decide-plan', { revision: 1, decision: 'approved' }, director).code,
    ).toBeUndefined();
    expect(attempt(fresh(), 'decide-plan', { revision: 1, decision: 'approved' }, planner).code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(attempt(fresh(), 'decide-plan', { revision: 1, decision: 'approved' }, auditor).code).toBe(
      'FORBIDDEN_ROLE',
    );
    const named = { ...fresh(), plan: { ...fresh().plan, approvers: ['vp@example.com'] } };
    expect(attempt(named, 'decide-plan', { revision: 1, decision: 'approved' }, director).code).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('a rejection needs a reason and goes back to the owner; a revision is a new request', () => {
    let state = fresh();
    expect(attempt(state, 'decide-plan', { revision: 1, decision: 'rejected' }, director).code).toBe(
      'INVALID_INPUT',
    );
    state = apply(
      state,
      { type: 'PlanDecided', revision: 1, decision: 'rejected', reason: 'budget too high' },
      director,
    );
    expect(state.phase).toBe('approval');
    expect(campaignPendingItems(state).map((i) => [i.kind, i.assignees])).toEqual([
      ['plan_revision', [planner.id]],
    ]);
    const { events } = attempt(state, 'revise-plan', { gmv: 800, budget: 300, reason: 'smaller' }, planner);
    state = events.reduce((s, e) => apply(s, e, planner), state);
    expect(state.planRevision).toBe(2);
    expect(state.submittedBy).toBe(planner.id);
    expect(attempt(state, 'decide-plan', { revision: 1, decision: 'approved' }, director).code).toBe(
      'STALE_REVISION',
    );
    state = apply(state, { type: 'PlanDecided', revision: 2, decision: 'approved', reason: '' }, director);
    expect(state.phase).toBe('scheduled');
  });
});

describe('adjustments', () => {
  it('extending the burst moves the tail and the streams not on air yet, and asks the live stream to run longer', () => {
    const state = live();
    const { events } = attempt(state, 'extend-burst', { minutes: 120, reason: '延长 2 小时' }, manager, 140);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'BurstExtended',
        minutes: 120,
        extendedLive: ['a'],
        moved: ['b', 'c'],
      }),
    ]);
    const after = apply(state, events[0]!, manager, 140);
    expect(after.windows.burstEnd).toBe(at(720));
    expect(after.windows.tailEnd).toBe(at(820));
    expect(after.streams.b!.plan.scheduledStart).toBe(at(420));
    expect(after.streams.c!.plan.scheduledStart).toBe(at(520));
    expect(after.streams.a!.plan.scheduledStart).toBe(at(130));
    const commands = childCommandsFor(
      state,
      after,
      { ...events[0]!, at: at(140), actor: manager } as TCampaignEvent,
      99,
    );
    expect(commands.map((c) => [c.key, c.action])).toEqual([
      ['a', 'extend'],
      ['b', 'reschedule'],
    ]);
    expect(commands[1]!.input).toMatchObject({ scheduledStart: at(420) });
    expect(new Set(commands.map((c) => c.id)).size).toBe(2);
  });

  it('adding a stream keeps the calendar rules: inside the burst, no overlap in its room, a new key', () => {
    const state = live();
    const add = (input: Record<string, unknown>) =>
      attempt(state, 'add-stream', { copyOf: 'c', ...input }, manager, 140);
    expect(add({ key: 'd', scheduledStart: at(430), room: 'B' }).code).toBe('INVALID_INPUT');
    expect(add({ key: 'd', scheduledStart: at(590), room: 'C' }).code).toBe('INVALID_INPUT');
    expect(add({ key: 'a', scheduledStart: at(500), room: 'C' }).code).toBe('INVALID_INPUT');
    expect(add({ key: 'd', scheduledStart: at(100), room: 'C' }).code).toBe('INVALID_INPUT');
    const ok = add({ key: 'd', scheduledStart: at(500), room: 'C', title: '加场' });
    expect(ok.code).toBeUndefined();
    const after = apply(state, ok.events[0]!, manager, 141);
    expect(after.streams.d).toMatchObject({ status: 'planned', origin: 'added', workflowId: 'c1--d' });
    expect(after.streams.d!.plan.title).toBe('加场');
  });

  it('cancelling the campaign ends the live stream early and cancels the one before its live', () => {
    const state = live();
    const after = apply(state, { type: 'CampaignCancelled', reason: 'brand pulled out' }, manager, 150);
    expect(after.phase).toBe('cancelled');
    const commands = childCommandsFor(
      state,
      after,
      { type: 'CampaignCancelled', reason: 'brand pulled out', at: at(150), actor: manager },
      50,
    );
    expect(commands.map((c) => [c.key, c.action])).toEqual([
      ['a', 'end-early'],
      ['b', 'cancel'],
    ]);
  });

  it('a pause moves every instant still ahead by its length on resume, and nothing behind it', () => {
    let state = live();
    state = apply(state, { type: 'Paused', reason: 'brand asks to wait' }, manager, 200);
    const { events } = attempt(state, 'resume', {}, manager, 230);
    expect(events).toEqual([expect.objectContaining({ pausedSeconds: 1800 })]);
    const after = apply(state, events[0]!, manager, 230);
    expect(after.windows.burstStart).toBe(at(120));
    expect(after.windows.burstEnd).toBe(at(630));
    expect(after.windows.tailEnd).toBe(at(730));
    expect(after.streams.c!.plan.scheduledStart).toBe(at(430));
    // Started streams keep their own clocks.
    expect(after.streams.b!.plan.scheduledStart).toBe(at(300));
  });

  it('a reschedule moves the whole campaign while nothing has started', () => {
    const state = approved();
    const { events, code } = attempt(
      state,
      'reschedule',
      { preheatStart: at(60 + 1440), reason: 'moved a day' },
      manager,
      10,
    );
    expect(code).toBeUndefined();
    const after = apply(state, events[0]!, manager, 10);
    expect(after.windows.preheatStart).toBe(at(1500));
    expect(after.streams.a!.plan.scheduledStart).toBe(at(130 + 1440));
  });
});

describe('numbers and the rules that act on them', () => {
  it('rolls up sums of the streams, conversion from the sums, ROI against the budget', () => {
    const totals = rollupTotals(
      {
        a: { gmv: 600, orders: 6, participants: 100, newFollowers: 3 },
        b: { gmv: 400.5, orders: 4, participants: 300, newFollowers: 0 },
      },
      500,
    );
    expect(totals).toEqual({
      gmv: 1000.5,
      orders: 10,
      participants: 400,
      new_followers: 3,
      conversion_rate: 10 / 400,
      roi: 1000.5 / 500,
    });
    expect(allGoalsMet({ gmv: 1000, orders: 10 }, totals)).toBe(true);
    expect(allGoalsMet({ gmv: 1000, orders: 11 }, totals)).toBe(false);
    expect(allGoalsMet({}, totals)).toBe(false);
  });

  it('judges ROI on pace: the budget spread over the burst', () => {
    const window = { burstStart: at(0), burstEnd: at(100) };
    expect(roiPace(100, 1000, window, Date.parse(at(10)))).toBeCloseTo(1, 6);
    expect(roiPace(100, 1000, window, Date.parse(at(100)))).toBeCloseTo(0.1, 6);
    expect(roiPace(100, 0, window, Date.parse(at(10)))).toBeUndefined();
  });

  it('threshold alerts respect their cool-down', () => {
    const alerts = [{ id: 'low-roi', metric: 'roi' as const, below: 2 }];
    const now = Date.parse(at(100));
    expect(dueCampaignAlerts(alerts, { roi: 1.5 }, {}, now, 600)).toHaveLength(1);
    expect(dueCampaignAlerts(alerts, { roi: 1.5 }, { 'low-roi': at(95) }, now, 600)).toHaveLength(0);
    expect(dueCampaignAlerts(alerts, { roi: 1.5 }, { 'low-roi': at(80) }, now, 600)).toHaveLength(1);
    expect(dueCampaignAlerts(alerts, { roi: 2.5 }, {}, now, 600)).toHaveLength(0);
  });

  it('ROI under the floor starts the clock; the answer "pause the rest" holds every stream not on air', () => {
    let state = live();
    state = apply(
      state,
      { type: 'KpisRolledUp', totals: { gmv: 10, roi: 0.02 }, perStream: {}, roiPace: 0.5 },
      manager,
      200,
    );
    expect(state.steering.roiBelowSince).toBe(at(200));
    state = apply(
      state,
      { type: 'ContinueConfirmationRequested', roi: 0.5, floor: 2, belowSince: at(200), dueAt: at(240) },
      manager,
      230,
    );
    expect(campaignPendingItems(state).map((i) => i.kind)).toEqual(['continue_confirmation']);
    const { events } = attempt(
      state,
      'confirm-continue',
      { decision: 'pause_remaining', reason: 'stop the bleeding' },
      manager,
      231,
    );
    expect(events.map((e) => e.type)).toEqual(['ContinueDecided', 'StreamsHeld']);
    expect(events[1]).toMatchObject({ keys: ['b', 'c'] });
    const after = events.reduce((s, e) => apply(s, e, manager, 231), state);
    expect(after.streams.c!.status).toBe('held');
    expect(after.streams.b!.pausedByCampaign).toBe(true);
    expect(after.steering.confirmation).toBeUndefined();
  });
});

describe('review and reuse', () => {
  it('names the best and worst streams and the causes of each missed goal', () => {
    const review = reviewCampaign({
      goals: { gmv: 1000 },
      totals: { gmv: 700 },
      streams: [
        {
          key: 'a',
          title: 'A',
          slotStart: at(1),
          status: 'ended',
          phase: 'completed',
          kpis: { gmv: 600, orders: 1, participants: 1, newFollowers: 0 },
          incidents: [{ kind: 'interruption', description: 'network down 5 min' }],
          alerts: [],
        },
        {
          key: 'b',
          title: 'B',
          slotStart: at(2),
          status: 'ended',
          phase: 'completed',
          kpis: { gmv: 100, orders: 1, participants: 1, newFollowers: 0 },
          incidents: [],
          alerts: [],
        },
        {
          key: 'c',
          title: 'C',
          slotStart: at(3),
          status: 'failed',
          phase: 'blocked',
          problem: 'script rejected',
          kpis: { gmv: 0, orders: 0, participants: 0, newFollowers: 0 },
          incidents: [],
          alerts: [],
        },
      ],
      campaignAlerts: [],
    });
    expect(review.best).toMatchObject({ key: 'a', gmv: 600 });
    expect(review.worst).toMatchObject({ key: 'b', gmv: 100 });
    expect(review.missedStreams.map((m) => m.key)).toEqual(['c']);
    expect(review.shortfalls[0]!.text.en).toContain('700 of 1000');
    expect(review.causes.map((c) => c.en).join(' ')).toMatch(
      /did not go on air.*script rejected.*network down/,
    );
    expect(review.suggestions.length).toBeGreaterThan(0);
  });

  it('a campaign as it stood becomes a plan again, moved with local times kept, and saves as a template', () => {
    const state = live();
    const input = campaignPlanInputFromState(state) as TCampaignTemplatePlan;
    const year = 365 * 86_400_000;
    const start = new Date(Date.parse(state.windows.preheatStart) + year).toISOString();
    const moved = parseCampaignPlan(campaignPlanStartingAt(input, start));
    expect(moved.windows.preheatStart).toBe(start);
    expect(Date.parse(moved.windows.burstStart) - Date.parse(state.windows.burstStart)).toBe(year);
    expect(moved.streams.map((s) => s.key)).toEqual(['a', 'b', 'c']);
    expect(
      Date.parse(moved.streams[0]!.plan.scheduledStart) - Date.parse(state.streams.a!.plan.scheduledStart),
    ).toBe(year);
    // Saved as a template, the plan parses again (its written form), and a template moves the same way.
    const template = normalizeCampaignTemplate(input);
    expect(parseCampaignPlan(template).streams).toHaveLength(3);
    // 20:00 in Berlin stays 20:00 from winter to summer time.
    const shift = wallClockShift('2027-03-24T19:00:00.000Z', '2027-03-31T18:00:00.000Z', 'Europe/Berlin');
    expect(shift('2027-03-25T19:00:00.000Z')).toBe('2027-04-01T18:00:00.000Z');
  });

  it('the history rebuilds the same state', () => {
    let minute = 0;
    const p = plan();
    const first: TCampaignEvent = {
      type: 'CampaignPlanned',
      at: T0,
      actor: planner,
      campaignId: 'c1',
      plan: p,
      submittedBy: planner.id,
    };
    const events: TCampaignEvent[] = [first];
    let state = initialCampaignState('c1', p, T0, planner);
    const drafts: TCampaignEventDraft[] = [
      { type: 'PlanDecided', revision: 1, decision: 'approved', reason: '' },
      { type: 'PhaseEntered', phase: 'preheat' },
      { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' },
    ];
    for (const draft of drafts) {
      const event = { ...draft, at: at(++minute), actor: director } as TCampaignEvent;
      events.push(event);
      state = applyCampaignEvent(state, event);
    }
    expect(replayCampaign(events)).toEqual(state);
  });
});
