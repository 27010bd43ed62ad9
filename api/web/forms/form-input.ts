import type { TInputSpec } from '../../../domain/engine/input-spec';
import { parseAnySpec } from '../../../domain/engine/input-spec';
import type { TStreamState } from '../../../domain/stream/state.types';
import type { TFormDef } from './form-frame';
import { fromLocalInputValue, LOCAL_SUFFIX, ZONE_SUFFIX } from '../widgets/zoned-datetime';

type FormBody = Record<string, unknown>;

const text = (body: FormBody, key: string): string | undefined => {
  const value = body[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return String(value.at(-1) ?? '');
  return undefined;
};
const values = (body: FormBody, key: string): string[] => {
  const value = body[key];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? [value] : [];
};
const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** One form field as the spec expects it: numbers from digits, lists from lines or repeated fields. */
function fieldValue(body: FormBody, name: string, spec: TInputSpec): unknown {
  const base = spec.kind === 'optional' || spec.kind === 'default' ? spec.inner : spec;
  const given = text(body, name);
  switch (base.kind) {
    case 'number':
      // Empty fields become NaN so the spec says "expected a number" instead of silently reading zero.
      return given === undefined ? undefined : given.trim() === '' ? Number.NaN : Number(given);
    case 'bool':
      return given === 'true';
    case 'instant': {
      // The picker sends the wall clock and its zone; an API-style ISO value is still accepted as it is.
      const local = text(body, `${name}${LOCAL_SUFFIX}`);
      if (local === undefined || local.trim() === '') return given;
      return fromLocalInputValue(local, text(body, `${name}${ZONE_SUFFIX}`) ?? 'UTC') ?? local;
    }
    case 'list': {
      const repeated = values(body, name);
      return repeated.length === 1 ? lines(repeated[0]!) : repeated;
    }
    default:
      if (given === undefined) return undefined;
      // An empty optional text field means "not given".
      return given.trim() === '' && spec.kind !== base.kind ? undefined : given;
  }
}

/** The script editor sends the wording per segment; everything else stays that of the revision edited. */
function editedSegments(body: FormBody, state: TStreamState | undefined) {
  if (state === undefined) return undefined;
  const baseRevision = Number(text(body, 'baseRevision'));
  const base =
    state.script.revisions.find((r) => r.revision === baseRevision) ?? state.script.revisions.at(-1);
  return (base?.segments ?? state.plan.script).map((segment) => ({
    ...segment,
    text: text(body, `text_${segment.id}`) ?? segment.text,
  }));
}

/**
 * A submitted form as the action's input, parsed with the entry's own spec (the one the API's zod schema and the
 * Update validator come from), so a bad field is refused here with the same message.
 */
export function parseActionForm(
  def: Pick<TFormDef<never>, 'name' | 'input' | 'form'>,
  body: FormBody,
  /** Needed by the script editor only (the segments the author did not change). */
  state: TStreamState | undefined,
): unknown {
  const shape = def.input.kind === 'object' ? def.input.shape : {};
  const input = Object.fromEntries(
    Object.entries(shape)
      .map(([name, spec]) =>
        def.form === 'script-editor' && name === 'segments'
          ? [name, editedSegments(body, state)]
          : [name, fieldValue(body, name, spec)],
      )
      .filter(([, value]) => value !== undefined),
  );
  return parseAnySpec(def.input, input, `${def.name} form`);
}
