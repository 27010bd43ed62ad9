import { SYSTEM_ACTOR } from '../../../domain/shared/actor.types';
import { addSeconds } from '../../../domain/shared/time';
import { alertRecipients } from '../../../domain/metrics';
import { nextDeadline } from '../../../domain/stream/next-deadline';
import { gateStatus, pendingItems, streamDeadlines } from '../../../domain/stream/selectors';
import { SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import { ev, HOUR, manager, plan, START_UTC, stateAfter, t } from './stream-fixtures';

const utc = (seconds: number) => addSeconds(START_UTC, seconds);

describe('streamDeadlines', () => {
  it('hangs every instant off the scheduled start before going live', () => {
    expect(streamDeadlines(stateAfter('scanned'))).toEqual({
      preheatStart: utc(-24 * HOUR),
      gateCutoff: utc(-2 * HOUR),
      checklistReminders: [utc(-24 * HOUR), utc(-HOUR), utc(-15 * 60)],
      checklistDue: utc(-5 * 60),
      liveStart: START_UTC,
      liveEnd: utc(2 * HOUR),
      tailEnd: utc(26 * HOUR),
    });
  });

  it('moves live end and tail end with an extension', () => {
    const d = streamDeadlines(stateAfter('extended'));
    expect(d.liveEnd).toBe(utc(2.5 * HOUR));
    expect(d.tailEnd).toBe(utc(26.5 * HOUR));
  });

  it('moves live end by the length of a burst pause, counting an open pause up to now', () => {
    const paused = stateAfter('burst', [ev('Paused', t(600), manager, { reason: '断流' })]);
    expect(streamDeadlines(paused, t(900)).liveEnd).toBe(utc(2 * HOUR + 300));
    const resumed = stateAfter('burst', [
      ev('Paused', t(600), manager, { reason: '断流' }),
      ev('Resumed', t(1200), manager, { pausedSeconds: 600 }),
      ev('StreamExtended', t(1300), manager, { minutes: 60, reason: '加播' }),
    ]);
    expect(streamDeadlines(resumed).liveEnd).toBe(utc(3 * HOUR + 600));
    expect(streamDeadlines(resumed).tailEnd).toBe(utc(27 * HOUR + 600));
  });

  it('does not move the announced start for a pause during preheat', () => {
    const state = stateAfter('preheat', [ev('Paused', t(-10 * HOUR), manager, { reason: '等待品牌确认' })]);
    expect(streamDeadlines(state, t(-HOUR)).liveStart).toBe(START_UTC);
    expect(streamDeadlines(state, t(-HOUR)).liveEnd).toBe(utc(2 * HOUR));
  });

  it('reports actual times once phases have happened', () => {
    const early = stateAfter('burst', [ev('StreamEndedEarly', t(1800), manager, { reason: '断货' })]);
    expect(streamDeadlines(early).liveEnd).toBe(utc(1800));
    expect(streamDeadlines(early).tailEnd).toBe(utc(1800 + 24 * HOUR));
  });
});

describe('gates', () => {
  it('lists what keeps the gates closed', () => {
    expect(gateStatus(stateAfter('scanned'))).toEqual({
      script: false,
      products: false,
      passed: false,
      blockers: [
        { kind: 'script_pending', revision: 1 },
        { kind: 'products_unchecked' },
        { kind: 'product_pending', sku: SAMPLE_PRODUCT_SKU },
      ],
    });
    expect(gateStatus(stateAfter('productDecided')).passed).toBe(true);
  });

  it('lets a dropped product out of the product gate, but not a rejected one', () => {
    const rejected = stateAfter('productsChecked', [
      ev(
        'ProductDecided',
        t(-90 * HOUR),
        { id: 'r2@example.com', roles: ['reviewer'] },
        { sku: SAMPLE_PRODUCT_SKU, decision: 'rejected', reason: '缺溯源' },
      ),
    ]);
    expect(gateStatus(rejected).blockers).toEqual([{ kind: 'product_rejected', sku: SAMPLE_PRODUCT_SKU }]);
    const dropped = stateAfter('productsChecked', [
      ev('ProductDropped', t(-90 * HOUR), SYSTEM_ACTOR, { sku: SAMPLE_PRODUCT_SKU }),
    ]);
    // The product gate is through; the script still pitches the dropped product, so its author must revise it.
    expect(gateStatus(dropped)).toMatchObject({
      products: true,
      script: false,
      blockers: [
        { kind: 'script_pitches_dropped', revision: 1, segment: 'pitch-hf001', sku: SAMPLE_PRODUCT_SKU },
        expect.anything(),
      ],
    });
    expect(pendingItems(dropped).map((item) => item.kind)).toContain('script_revision');
  });
});

describe('pendingItems', () => {
  it('asks reviewers for the script, due after the SLA, and counts reminders', () => {
    const [item] = pendingItems(stateAfter('scanned'));
    expect(item).toEqual({
      key: 'script:r1',
      kind: 'script',
      subject: { revision: 1 },
      assigneeRole: 'reviewer',
      assignees: ['reviewer@example.com'],
      escalateTo: ['manager@example.com'],
      since: t(-100 * HOUR + 5),
      dueAt: addSeconds(t(-100 * HOUR + 5), 4 * HOUR),
      nextReminderAt: addSeconds(t(-100 * HOUR + 5), HOUR),
      remindersSent: 0,
      escalated: false,
    });
    const reminded = stateAfter('scanned', [
      ev('ReminderSent', t(-99 * HOUR), SYSTEM_ACTOR, {
        approvalKey: 'script:r1',
        to: ['reviewer@example.com'],
      }),
    ]);
    expect(pendingItems(reminded)[0]).toMatchObject({ remindersSent: 1, nextReminderAt: t(-98 * HOUR) });
  });

  it('caps approval due dates at the gate cutoff', () => {
    const late = stateAfter('planned', [
      ev('ScriptSubmitted', t(-3 * HOUR), manager, {
        revision: 1,
        segments: plan.script,
        submittedBy: 'reviewer@example.com',
      }),
    ]);
    const [item] = pendingItems(late);
    expect(item?.dueAt).toBe(utc(-2 * HOUR));
    expect(item?.assignees).toEqual([]); // the only reviewer submitted it...
    expect(item?.openToRole).toBe('manager'); // ...so a manager sees it, to assign someone
  });

  it('pushes a due date back by pauses after the request', () => {
    const paused = stateAfter('scanned', [
      ev('Paused', t(-99 * HOUR), manager, { reason: '等品牌' }),
      ev('Resumed', t(-98 * HOUR), manager, { pausedSeconds: HOUR }),
    ]);
    expect(pendingItems(paused)[0]?.dueAt).toBe(addSeconds(t(-100 * HOUR + 5), 5 * HOUR));
  });

  it('asks for the product decision after the check, then nothing until preheat', () => {
    expect(pendingItems(stateAfter('productsChecked')).map((p) => p.key)).toEqual([
      `product:${SAMPLE_PRODUCT_SKU}`,
    ]);
    expect(pendingItems(stateAfter('productDecided'))).toEqual([]);
  });

  it('asks the room operator for the checklist in preheat, with fixed reminder instants', () => {
    const [item] = pendingItems(stateAfter('preheat'));
    expect(item).toMatchObject({
      key: 'checklist',
      assignees: ['ops@example.com'],
      dueAt: utc(-300),
      nextReminderAt: utc(-24 * HOUR),
    });
    expect(item?.escalateTo).not.toContain('host@example.com');
    const reminded = stateAfter('preheat', [
      ev('ReminderSent', t(-24 * HOUR), SYSTEM_ACTOR, { approvalKey: 'checklist', to: ['ops@example.com'] }),
    ]);
    expect(pendingItems(reminded)[0]?.nextReminderAt).toBe(utc(-HOUR));
    expect(pendingItems(stateAfter('checklist'))).toEqual([]);
  });

  it('asks managers to sign the review off once the report is in', () => {
    expect(pendingItems(stateAfter('review'))).toEqual([]);
    expect(pendingItems(stateAfter('reported'))).toEqual([
      expect.objectContaining({
        key: 'review-signoff',
        assigneeRole: 'manager',
        assignees: ['manager@example.com'],
        dueAt: t(27 * HOUR + 72 * HOUR),
      }),
    ]);
  });
});

describe('pendingItems beyond decisions: the work that waits on someone', () => {
  it('gives a rejected script back to its author', () => {
    const rejected = stateAfter('scanned', [
      ev(
        'ScriptDecided',
        t(-99 * HOUR),
        { id: 'reviewer@example.com', roles: ['reviewer'] },
        {
          revision: 1,
          decision: 'rejected',
          reasons: ['含极限词'],
          acceptedFindingIds: [],
        },
      ),
    ]);
    expect(pendingItems(rejected)).toEqual([
      expect.objectContaining({
        key: 'revise:r1',
        kind: 'script_revision',
        assignees: ['planner@example.com'],
        subject: { revision: 1, reason: '含极限词' },
        dueAt: utc(-2 * HOUR),
      }),
    ]);
  });

  it('asks the managers to reschedule or cancel a blocked stream', () => {
    const blocked = stateAfter('scanned', [
      ev('StreamBlocked', t(-2 * HOUR), SYSTEM_ACTOR, { reason: 'cutoff' }),
    ]);
    expect(pendingItems(blocked).find((item) => item.kind === 'blocked')).toMatchObject({
      assignees: ['manager@example.com'],
      dueAt: START_UTC,
    });
  });

  it('asks the managers to retry a review whose report failed', () => {
    const failed = stateAfter('review', [
      ev('ReviewFailed', t(27 * HOUR), SYSTEM_ACTOR, { reason: 'db down' }),
    ]);
    expect(pendingItems(failed)).toEqual([
      expect.objectContaining({ kind: 'review_retry', assignees: ['manager@example.com'] }),
    ]);
  });
});

describe('live helpers', () => {
  it('never sends live alerts to the host', () => {
    expect(alertRecipients(plan.team, true)).toEqual(['ops@example.com', 'cohost@example.com']);
  });
});

describe('nextDeadline', () => {
  it('in compliance: the first approval due, or the cutoff; once the gates passed, the start of preheat', () => {
    expect(nextDeadline(stateAfter('scanned'), t(-100 * HOUR + 10))).toEqual({
      kind: 'approval_due',
      at: utc(-96 * HOUR + 5),
    });
    expect(nextDeadline(stateAfter('productDecided'), t(-97 * HOUR))).toEqual({
      kind: 'preheat_start',
      at: utc(-24 * HOUR),
    });
  });
});
