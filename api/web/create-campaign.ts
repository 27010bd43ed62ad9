import { zonedInstant } from '../../domain/campaign/plan.schema';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError } from '../../domain/shared/errors';
import { isValidTimeZone } from '../../domain/shared/time';
import { buildSamplePlan } from '../../domain/stream/sample-plan';
import type { TTeamRoster } from '../../domain/stream/plan.types';
import { zonedParts } from '../../domain/time/zoned-time';
import { DEMO_TIMING } from './create-stream';

/** What the campaign form holds, as typed (strings), so a refused form comes back as the person left it. */
export interface CampaignForm {
  name: string;
  timeZone: string;
  preheatStart: string;
  burstStart: string;
  burstEnd: string;
  tailEnd: string;
  gmv: string;
  orders: string;
  newFollowers: string;
  roiFloor: string;
  budget: string;
  endBurstWhenGoalsMet: boolean;
  /** One stream per line: key, room, local start (YYYY-MM-DDTHH:MM), minutes, title. */
  streams: string;
}

const FIELDS = [
  'name',
  'timeZone',
  'preheatStart',
  'burstStart',
  'burstEnd',
  'tailEnd',
  'gmv',
  'orders',
  'newFollowers',
  'roiFloor',
  'budget',
  'streams',
] as const;

/** A local date-time as a datetime-local input shows it: YYYY-MM-DDTHH:MM in the zone. */
function localInput(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** A campaign over the next days: preheat tomorrow, a three-day burst, a day of tail, three sample streams at 20:00. */
export function campaignFormDefaults(now = Date.now(), timeZone = 'Asia/Shanghai'): CampaignForm {
  const day = 86_400_000;
  const at = (days: number, hour: number) => {
    const p = zonedParts(now + days * day, timeZone);
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
  };
  return {
    name: '品牌日大促',
    timeZone,
    preheatStart: at(1, 10),
    burstStart: at(3, 0),
    burstEnd: at(5, 23),
    tailEnd: at(7, 23),
    gmv: '500000',
    orders: '5000',
    newFollowers: '20000',
    roiFloor: '3',
    budget: '100000',
    endBurstWhenGoalsMet: false,
    streams: [3, 4, 5].map((d, i) => `day-${i + 1}, A, ${at(d, 20)}, 120, 品牌专场 第${i + 1}天`).join('\n'),
  };
}

export function campaignFormFrom(body: Record<string, unknown>): CampaignForm {
  const form = Object.fromEntries(
    FIELDS.map((key) => [key, typeof body[key] === 'string' ? body[key] : '']),
  ) as Omit<CampaignForm, 'endBurstWhenGoalsMet'>;
  return { ...form, endBurstWhenGoalsMet: body.endBurstWhenGoalsMet === 'true' };
}

const amount = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * The form as a campaign plan: windows as typed (local times in the zone; the plan schema reads them), goals as
 * numbers, each stream line as the sample plan with that slot and title and this installation's people on its team.
 * Lines that cannot be read are refused naming the line.
 */
export function planFromCampaignForm(form: CampaignForm, actor: TActor, team: Partial<TTeamRoster>): unknown {
  const zone = isValidTimeZone(form.timeZone) ? form.timeZone : 'Asia/Shanghai';
  const streams = form.streams
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [key, room, start, minutes, ...title] = line.split(',').map((part) => part.trim());
      const startAt = zonedInstant(start ?? '', zone);
      if (
        !key ||
        !room ||
        startAt === undefined ||
        !Number.isInteger(Number(minutes)) ||
        Number(minutes) <= 0
      )
        throw new DomainError(
          'INVALID_INPUT',
          `streams line ${index + 1}: expected "key, room, YYYY-MM-DDTHH:MM, minutes, title"`,
          {
            issues: [
              {
                path: ['streams', index],
                message: 'expected "key, room, YYYY-MM-DDTHH:MM, minutes, title"',
                code: 'custom',
              },
            ],
          },
        );
      const sample = buildSamplePlan({ scheduledStart: startAt, owner: actor.id, timing: DEMO_TIMING });
      return {
        key,
        room,
        plan: {
          ...sample,
          title: title.join(',') || sample.title,
          plannedDurationMinutes: Number(minutes),
          timeZone: zone,
          team: { ...sample.team, ...team },
        },
      };
    });
  const goals = Object.fromEntries(
    (['gmv', 'orders', 'newFollowers', 'roiFloor'] as const)
      .map((key) => [key, amount(form[key])] as const)
      .filter(([, value]) => value !== undefined),
  );
  return {
    name: form.name,
    owner: actor.id,
    timeZone: form.timeZone,
    goals,
    budget: amount(form.budget) ?? 0,
    windows: {
      preheatStart: form.preheatStart,
      burstStart: form.burstStart,
      burstEnd: form.burstEnd,
      tailEnd: form.tailEnd,
    },
    streams,
    team: {
      manager: team.manager ?? [],
      analyst: team.analyst ?? [],
      room_operator: team.room_operator ?? [],
    },
    rules: { endBurstWhenGoalsMet: form.endBurstWhenGoalsMet },
  };
}

export { localInput };
