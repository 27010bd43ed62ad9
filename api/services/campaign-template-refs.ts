import { getTemplate } from '../../activities/templates/template-store';
import { zonedInstant } from '../../domain/campaign/plan.schema';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import type { TStreamPlan } from '../../domain/stream/plan.types';
import { streamPlanStartingAt } from '../../domain/templates/stream-template';
import { ZRecurringTemplateRefSchema, ZStreamTemplateRefSchema } from '../routes/campaigns.types';
import type { Db } from '../../runtime/db';

type Entry = Record<string, unknown>;

function refused(path: (string | number)[], message: string): DomainError {
  return new DomainError('INVALID_INPUT', `Invalid campaign plan at ${path.join('.')}: ${message}`, {
    issues: [{ path, message, code: 'custom' }],
  });
}

async function streamTemplatePlan(
  db: Db,
  templateId: string,
  path: (string | number)[],
): Promise<TStreamPlan> {
  try {
    const template = await getTemplate(db, templateId);
    if (template.kind !== 'stream')
      throw refused(path, `Template ${templateId} is a ${template.kind} template`);
    return template.plan as TStreamPlan;
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') throw refused(path, `No template ${templateId}`);
    throw error;
  }
}

/**
 * A campaign plan may name stream templates instead of writing plans out: a stream `{ key, room, templateId, start }`
 * (start: a local date-time in the campaign's zone, or an instant) and a recurring rule `{ key, weekdays, time,
 * templateId }` ("every Wednesday 20:00 brand day" from the brand-day template). Here they become plans, before the
 * plan is parsed; a missing template is a 400 naming the field.
 */
export async function withTemplatePlans(db: Db, input: unknown): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const plan = input as Entry;
  const zone = typeof plan.timeZone === 'string' ? plan.timeZone : 'Asia/Shanghai';
  const resolve = async (key: 'streams' | 'recurring') => {
    const entries = plan[key];
    if (!Array.isArray(entries)) return entries;
    return Promise.all(
      entries.map(async (raw: unknown, index) => {
        const entry = raw as Entry;
        if (
          typeof entry !== 'object' ||
          entry === null ||
          entry.plan !== undefined ||
          entry.templateId === undefined
        )
          return raw;
        if (key === 'recurring') {
          const { templateId, ...rule } = parseInput(ZRecurringTemplateRefSchema, entry, 'campaign plan', [
            key,
            index,
          ]);
          return { ...rule, plan: await streamTemplatePlan(db, templateId, [key, index, 'templateId']) };
        }
        const { templateId, start, ...rest } = parseInput(ZStreamTemplateRefSchema, entry, 'campaign plan', [
          key,
          index,
        ]);
        const template = await streamTemplatePlan(db, templateId, [key, index, 'templateId']);
        const at = zonedInstant(start, zone);
        if (at === undefined)
          throw refused(
            [key, index, 'start'],
            'Expected the stream start: 2027-06-18T20:00 (campaign zone) or an instant',
          );
        return { ...rest, plan: streamPlanStartingAt(template, at) };
      }),
    );
  };
  return { ...plan, streams: await resolve('streams'), recurring: await resolve('recurring') };
}
