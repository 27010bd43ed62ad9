import { campaignAction, validateCampaignAction } from '../../../domain/campaign/actions';
import { remainingStreamKeys } from '../../../domain/campaign/actions/run-actions';
import { childCommandsFor, unairedStreams } from '../../../domain/campaign/child-commands';
import type { TCampaignEvent, TCampaignEventDraft } from '../../../domain/campaign/events.types';
import { parseCampaignPlan } from '../../../domain/campaign/plan.schema';
import { applyCampaignEvent, initialCampaignState } from '../../../domain/campaign/reducer';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import { isChildPhaseNews } from '../../../domain/campaign/streams';
import type { TActor } from '../../../domain/shared/actor.types';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';

const planner: TActor = { id: 'planner@example.com', name: '策划', roles: ['operator'] };
const manager: TActor = { id: 'manager@example.com', roles: ['manager'] };
const T0 = '2027-06-01T00:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function plan(extra: Record<string, unknown> = {}) {
  const stream = (start: string) => ({
    ...buildSamplePlan({ scheduledStart: start, owner: planner.id }),
    plannedDurationMinutes: 60,
  });
  return parseCampaignPlan({
    name: '品牌日',
    owner: planner.id,
    goals: { gmv: 1000, roiFloor: 2 },
    budget: 500,
    windows: { preheatStart: at(60), burstStart: at(120), burstEnd: at(600), tailEnd: at(700) },
    streams: [
      { key: 'a', room: 'A', plan: stream(at(130)) },
      { key: 'b', room: 'A', plan: stream(at(300)) },
      { key: 'c', room: 'B', plan: stream(at(400)) },
    ],
    team: { manager: [{ id: manager.id, name: '经理' }] },
    ...extra,
  });
}

let clock = 0;
function apply(state: TCampaignState, draft: TCampaignEventDraft, minute?: number): TCampaignState {
  clock = minute ?? clock + 1;
  return applyCampaignEvent(state, { ...draft, at: at(clock), actor: manager } as TCampaignEvent);
}

/** Applies `draft` and returns the commands the campaign sends its streams for it. */
function commandsAfter(state: TCampaignState, draft: TCampaignEventDraft) {
  const after = apply(state, draft);
  const event = { ...draft, at: at(clock), actor: manager } as TCampaignEvent;
  return { after, commands: childCommandsFor(state, after, event, after.version) };
}

function inPreheat(): TCampaignState {
  clock = 0;
  let state = initialCampaignState('c1', plan(), T0, planner);
  state = apply(state, { type: 'PlanDecided', revision: 1, decision: 'approved', reason: '' });
  return apply(state, { type: 'PhaseEntered', phase: 'preheat' }, 60);
}

describe('a child start that was in flight while the campaign moved on', () => {
  it('on a stream taken out meanwhile: it stays out and is cancelled', () => {
    let state = inPreheat();
    state = apply(state, { type: 'StreamDropped', key: 'a', reason: 'host ill' });
    const { after, commands } = commandsAfter(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    expect(after.streams.a).toMatchObject({ status: 'dropped', startedAt: expect.any(String) });
    expect(commands).toEqual([
      expect.objectContaining({ key: 'a', action: 'cancel', patch: 'child-start-race' }),
    ]);
  });

  it('on a held stream: it runs paused by the campaign, so releasing resumes it', () => {
    let state = inPreheat();
    state = apply(state, { type: 'StreamsHeld', keys: ['a'], reason: 'ROI' });
    const { after, commands } = commandsAfter(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    expect(after.streams.a).toMatchObject({ status: 'started', pausedByCampaign: true });
    expect(commands.map((c) => c.action)).toEqual(['pause']);
    const released = commandsAfter(after, { type: 'StreamsReleased', keys: ['a'] });
    expect(released.commands.map((c) => c.action)).toEqual(['resume']);
  });

  it('in a cancelled campaign: recorded, and cancelled', () => {
    let state = inPreheat();
    state = apply(state, { type: 'CampaignCancelled', reason: 'brand pulled out' });
    const { after, commands } = commandsAfter(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
    expect(after.streams.b!.startedAt).toBeDefined();
    expect(commands).toEqual([
      expect.objectContaining({ key: 'b', action: 'cancel', input: { reason: '品牌日: brand pulled out' } }),
    ]);
  });
});

describe('the end of the burst', () => {
  it('stops what has not gone on air: unstarted ones never start, started ones before live are cancelled', () => {
    let state = inPreheat();
    state = apply(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
    state = apply(state, { type: 'PhaseEntered', phase: 'burst' }, 120);
    state = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'burst', version: 20 });
    state = apply(state, { type: 'ChildPhaseChanged', key: 'b', phase: 'compliance', version: 5 });
    state = apply(state, { type: 'AdvancedNow', from: 'burst', to: 'tail', reason: 'goals met by hand' });
    expect(unairedStreams(state)).toEqual({ notStarted: ['c'], beforeLive: ['b'] });
    const { after, commands } = commandsAfter(state, {
      type: 'UnairedStreamsStopped',
      notStarted: ['c'],
      beforeLive: ['b'],
      reason: 'the burst is over',
    });
    expect(after.streams.c).toMatchObject({ status: 'dropped', droppedReason: 'the burst is over' });
    expect(commands).toEqual([expect.objectContaining({ key: 'b', action: 'cancel' })]);
    expect(commands[0]!.fallbacks).toBeUndefined();
  });
});

describe('what the campaign knows of a stream', () => {
  it('never goes back to an older report, but follows a stream that itself goes back (a new script in preheat)', () => {
    let state = inPreheat();
    state = apply(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    state = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'burst', version: 30 });
    const a = state.streams.a!;
    expect(isChildPhaseNews(a, 'preheat', 25)).toBe(false);
    expect(isChildPhaseNews(a, 'tail', 31)).toBe(true);
    expect(isChildPhaseNews(a, 'burst', 40)).toBe(false);
    const back = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'compliance', version: 12 });
    expect(
      isChildPhaseNews({ ...back.streams.a!, phase: 'preheat', phaseVersion: 10 }, 'compliance', 12),
    ).toBe(true);
  });

  it('stops a stream as it is when it hears: before live a cancel that falls back to end-early, and the other way', () => {
    let state = inPreheat();
    state = apply(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
    state = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'burst', version: 9 });
    const { commands } = commandsAfter(state, { type: 'CampaignCancelled', reason: 'x' });
    expect(commands.map((c) => [c.key, c.action, c.fallbacks])).toEqual([
      ['a', 'end-early', ['cancel']],
      ['b', 'cancel', ['end-early']],
    ]);
  });

  it('takes a slot back when the stream refused to move (a reschedule that did not happen changes nothing)', () => {
    let state = inPreheat();
    state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
    state = apply(state, { type: 'PhaseEntered', phase: 'burst' }, 120);
    const slot = state.streams.b!.plan.scheduledStart;
    const extended = commandsAfter(state, {
      type: 'BurstExtended',
      minutes: 30,
      reason: 'restock',
      moved: ['b', 'c'],
      extendedLive: [],
    });
    const reschedule = extended.commands.find((c) => c.action === 'reschedule')!;
    expect(reschedule.slotKept).toBe(slot);
    expect(extended.after.streams.b!.plan.scheduledStart).not.toBe(slot);
    const refused = apply(extended.after, {
      type: 'ChildCommandFailed',
      key: 'b',
      command: 'reschedule',
      reason: 'INVALID_PHASE: live',
      slotKept: reschedule.slotKept!,
    });
    expect(refused.streams.b!.plan.scheduledStart).toBe(slot);
    // The unstarted stream moved with the burst and stays moved.
    expect(refused.streams.c!.plan.scheduledStart).toBe(extended.after.streams.c!.plan.scheduledStart);
  });

  it("records who wrote each stream: the campaign's submitter, or whoever added one", () => {
    let state = inPreheat();
    expect(state.streams.a!.author).toEqual({ id: planner.id, name: '策划', roles: ['operator'] });
    state = apply(state, {
      type: 'StreamAdded',
      entry: { key: 'd', room: 'C', origin: 'added', plan: state.streams.a!.plan },
    });
    expect(state.streams.d!.author).toEqual({ id: manager.id, roles: ['manager'] });
  });
});

describe('pause and the ROI rule', () => {
  it("moves the ROI rule's clocks by the pause: the stretch under the floor and an open question's deadline", () => {
    let state = inPreheat();
    state = apply(state, { type: 'PhaseEntered', phase: 'burst' }, 120);
    state = apply(state, { type: 'KpisRolledUp', totals: { gmv: 10 }, perStream: {}, roiPace: 0.1 }, 130);
    state = apply(
      state,
      { type: 'ContinueConfirmationRequested', roi: 0.1, floor: 2, belowSince: at(130), dueAt: at(170) },
      160,
    );
    const since = state.steering.roiBelowSince!;
    state = apply(state, { type: 'Paused', reason: 'brand call' }, 165);
    state = apply(state, { type: 'Resumed', pausedSeconds: 600 }, 175);
    expect(state.steering.confirmation!.dueAt).toBe(at(180));
    expect(Date.parse(state.steering.roiBelowSince!) - Date.parse(since)).toBe(600_000);
  });

  it('refuses plans whose clocks would flood the managers (the floors every kind shares)', () => {
    expect(() => plan({ rules: { roiFloor: { forSeconds: 1 } } })).toThrow();
    expect(() => plan({ rules: { roiFloor: { confirmWithinSeconds: 1 } } })).toThrow();
    expect(() => plan({ timing: { rollupEverySeconds: 1 } })).toThrow();
    expect(
      plan({ timing: { rollupEverySeconds: 10 }, rules: { roiFloor: { forSeconds: 60 } } }),
    ).toBeDefined();
  });
});

describe('resume and the rooms', () => {
  const resume = (state: TCampaignState, minute: number) => {
    const def = campaignAction('resume')!;
    const ctx = { now: at(minute) };
    try {
      validateCampaignAction(def, state, {}, manager, ctx);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses a resume that would move a stream not started yet onto a started one in its room', () => {
    let state = inPreheat();
    // 'b' (room A, 300-360) is started and keeps its slot; 'a' (room A, 130-190) has not started and moves by the pause.
    state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' }, 65);
    state = apply(state, { type: 'Paused', reason: 'brand call' }, 70);
    expect(resume(state, 75)).toBeUndefined();
    expect(resume(state, 270)).toMatch(/stream a .* onto b in room A/);
  });
});

describe('the streams the ROI rule holds', () => {
  it('are those still to come: not started, or started and not live yet; never one past its live', () => {
    let state = inPreheat();
    state = apply(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
    state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
    state = apply(state, { type: 'PhaseEntered', phase: 'burst' }, 120);
    state = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'tail', version: 40 });
    state = apply(state, { type: 'ChildPhaseChanged', key: 'b', phase: 'preheat', version: 12 });
    expect(remainingStreamKeys(state)).toEqual(['b', 'c']);
  });
});
