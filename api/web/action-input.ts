import type { z } from 'zod';
import { parseInput } from '../../domain/shared/parse-input';
import * as inputs from '../../domain/stream/commands.types';
import type { TStreamState } from '../../domain/stream/state.types';
import { STREAM_ACTIONS, type StreamActionName } from '../../workflows/stream/messages';

type FormBody = Record<string, unknown>;

const ACTION_SCHEMAS: Record<StreamActionName, z.ZodType> = {
  'submit-script': inputs.ZSubmitScriptInputSchema,
  'decide-script': inputs.ZDecideScriptInputSchema,
  'decide-product': inputs.ZDecideProductInputSchema,
  'sign-checklist': inputs.ZSignChecklistInputSchema,
  'record-incident': inputs.ZRecordIncidentInputSchema,
  extend: inputs.ZExtendInputSchema,
  'end-early': inputs.ZEndEarlyInputSchema,
  pause: inputs.ZPauseInputSchema,
  resume: inputs.ZResumeInputSchema,
  advance: inputs.ZAdvanceInputSchema,
  reschedule: inputs.ZRescheduleInputSchema,
  cancel: inputs.ZCancelInputSchema,
  'sign-review': inputs.ZSignReviewInputSchema,
};

export function isStreamAction(name: string): name is StreamActionName {
  return Object.prototype.hasOwnProperty.call(STREAM_ACTIONS, name);
}

const text = (body: FormBody, key: string): string => {
  const value = body[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return String(value.at(-1) ?? '');
  return '';
};
const list = (body: FormBody, key: string): string[] => {
  const value = body[key];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? [value] : [];
};
const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
/** Empty fields become NaN so the schema says "expected number" instead of silently reading zero. */
const number = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

/** Form fields as the action's input object, before validation (see parseActionForm). */
function formToInput(action: StreamActionName, body: FormBody, state: TStreamState): unknown {
  switch (action) {
    case 'submit-script': {
      const baseRevision = number(text(body, 'baseRevision'));
      const base =
        state.script.revisions.find((r) => r.revision === baseRevision) ?? state.script.revisions.at(-1);
      // People edit the wording; ids, kinds, products and timings stay those of the revision they edited.
      const segments = (base?.segments ?? state.plan.script).map((segment) => ({
        ...segment,
        text: body[`text_${segment.id}`] === undefined ? segment.text : text(body, `text_${segment.id}`),
      }));
      return { baseRevision, segments };
    }
    case 'decide-script':
      return {
        revision: number(text(body, 'revision')),
        decision: text(body, 'decision'),
        reasons: lines(text(body, 'reason')),
        acceptedFindingIds: list(body, 'acceptedFindingIds'),
      };
    case 'decide-product':
      return { sku: text(body, 'sku'), decision: text(body, 'decision'), reason: text(body, 'reason') };
    case 'sign-checklist':
      return { items: list(body, 'items') };
    case 'record-incident':
      return {
        kind: text(body, 'kind'),
        description: text(body, 'description'),
        steps: lines(text(body, 'steps')),
      };
    case 'extend':
      return { minutes: number(text(body, 'minutes')), reason: text(body, 'reason') };
    case 'end-early':
    case 'pause':
    case 'cancel':
      return { reason: text(body, 'reason') };
    case 'resume':
      return text(body, 'reason').trim() === '' ? {} : { reason: text(body, 'reason') };
    case 'advance':
      return { from: text(body, 'from'), to: text(body, 'to') };
    case 'reschedule':
      return { scheduledStart: text(body, 'scheduledStart'), reason: text(body, 'reason') };
    case 'sign-review':
      return { reportId: text(body, 'reportId') };
  }
}

/** Parses a submitted action form with the same zod schema the API and the Update validators use. */
export function parseActionForm(action: StreamActionName, body: FormBody, state: TStreamState): unknown {
  return parseInput(ACTION_SCHEMAS[action], formToInput(action, body, state), `${action} form`);
}
