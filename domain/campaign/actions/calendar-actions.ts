import { spec } from '../../engine/input-spec';
import { DomainError } from '../../shared/errors';
import { isBefore } from '../../shared/time';
import { CAMPAIGN_STREAMS_MAX, overlappingSlot, slotOutsideBurst, type TSlot } from '../plan-rules';
import type { TCampaignState, TCampaignStream } from '../state.types';
import { isLive, isStartedBeforeLive, onCalendar, slotOf } from '../streams';
import { isUnstarted } from '../shift';
import { defineCampaignAction, MANAGER, reasonSpec } from './define';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const extendBurst = defineCampaignAction({
  name: 'extend-burst',
  summary:
    'Extend the burst (延长): the tail moves with it, live streams run longer, streams not on air yet start later',
  input: spec.object({ minutes: spec.int(1, 7 * 24 * 60), reason: reasonSpec }),
  phases: ['burst'],
  who: [MANAGER],
  events(state, input, _actor, ctx) {
    const streams = Object.values(state.streams);
    return [
      {
        type: 'BurstExtended',
        minutes: input.minutes,
        reason: input.reason,
        extendedLive: streams.filter(isLive).map((s) => s.key),
        // Everything after "now" slides by the extension, so the order of the day and its rooms stay as planned.
        moved: streams
          .filter(
            (s) => (isUnstarted(s) || isStartedBeforeLive(s)) && !isBefore(s.plan.scheduledStart, ctx.now),
          )
          .map((s) => s.key),
      },
    ];
  },
  form: 'fields',
  prefill: () => ({ minutes: 120 }),
});

function findStream(state: TCampaignState, key: string): TCampaignStream {
  const stream = state.streams[key];
  if (stream === undefined) throw new DomainError('NOT_FOUND', `No stream ${key} in this campaign`);
  return stream;
}

export const addStream = defineCampaignAction({
  name: 'add-stream',
  summary:
    'Add a stream like one already planned (its plan with a new start, room and title), inside the burst',
  input: spec.object({
    key: spec.text({ max: 64 }),
    copyOf: spec.text({ max: 64 }),
    scheduledStart: spec.instant(),
    room: spec.optional(spec.text({ max: 64 })),
    title: spec.optional(spec.text({ max: 200 })),
  }),
  phases: ['approval', 'scheduled', 'preheat', 'burst', 'blocked'],
  who: [{ owner: true }, MANAGER],
  check(state, input, _actor, ctx) {
    const issue = (field: string, message: string) =>
      new DomainError('INVALID_INPUT', `${field}: ${message}`, {
        issues: [{ path: [field], message, code: 'custom' }],
      });
    if (!KEY.test(input.key)) throw issue('key', 'Letters, digits, - and _');
    if (state.streams[input.key] !== undefined)
      throw issue('key', `Stream ${input.key} is already in this campaign`);
    findStream(state, input.copyOf);
    if (Object.keys(state.streams).length >= CAMPAIGN_STREAMS_MAX)
      throw new DomainError('INVALID_STATE', `A campaign holds at most ${CAMPAIGN_STREAMS_MAX} streams`);
    if (!isBefore(ctx.now, input.scheduledStart)) throw issue('scheduledStart', 'Not in the future');
    const model = state.streams[input.copyOf]!;
    const slot: TSlot = {
      key: input.key,
      room: input.room ?? model.room,
      start: input.scheduledStart,
      durationMinutes: model.plan.plannedDurationMinutes,
    };
    if (slotOutsideBurst(slot, state.windows))
      throw issue(
        'scheduledStart',
        `Outside the burst window ${state.windows.burstStart} – ${state.windows.burstEnd}`,
      );
    const clash = overlappingSlot(slot, Object.values(state.streams).filter(onCalendar).map(slotOf));
    if (clash !== undefined) throw issue('room', `Overlaps ${clash.key} in room ${slot.room}`);
  },
  events(state, input) {
    const model = state.streams[input.copyOf]!;
    return [
      {
        type: 'StreamAdded',
        entry: {
          key: input.key,
          room: input.room ?? model.room,
          origin: 'added',
          plan: {
            ...model.plan,
            title: input.title ?? model.plan.title,
            scheduledStart: input.scheduledStart,
          },
        },
      },
    ];
  },
  form: 'fields',
});

export const cancelStream = defineCampaignAction({
  name: 'cancel-stream',
  summary:
    'Take one stream out: not started yet, it never starts; before live it is cancelled; live, it ends early',
  input: spec.object({ key: spec.text({ max: 64 }), reason: reasonSpec }),
  phases: ['approval', 'scheduled', 'preheat', 'burst', 'blocked'],
  who: [MANAGER],
  check(state, input) {
    const stream = findStream(state, input.key);
    if (!onCalendar(stream))
      throw new DomainError(
        'INVALID_STATE',
        `Stream ${input.key} is ${stream.status}; there is nothing to stop`,
      );
  },
  events: (_state, input) => [{ type: 'StreamDropped', key: input.key, reason: input.reason }],
  form: 'fields',
  confirm: true,
});
