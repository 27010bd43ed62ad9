/**
 * The few things the bench reads out of API responses, each tolerant of the small shape changes the redesign may make
 * (a compact create result, `items` instead of `approvals`, cursor pagination). When none of the known shapes match,
 * the error names the shapes tried, so a changed API fails loudly instead of measuring nothing.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function describe(value: unknown): string {
  return isObject(value) ? `keys ${Object.keys(value).join(', ')}` : JSON.stringify(value)?.slice(0, 200);
}

/** POST /api/streams: `{ id }` or `{ state: { streamId } }`. */
export function createdStreamId(body: unknown): string {
  if (isObject(body)) {
    if (typeof body.id === 'string') return body.id;
    if (isObject(body.state) && typeof body.state.streamId === 'string') return body.state.streamId;
    if (typeof body.streamId === 'string') return body.streamId;
  }
  throw new Error(
    `created stream: no id in body.id, body.state.streamId or body.streamId (${describe(body)})`,
  );
}

/** A page of a list endpoint: its items under one of the known keys, and the cursor of the next page if any. */
export function listPage(body: unknown, keys: readonly string[]): { items: Json[]; nextCursor?: string } {
  if (!isObject(body)) throw new Error(`list: not an object (${describe(body)})`);
  const key = keys.find((candidate) => Array.isArray(body[candidate]));
  if (key === undefined) throw new Error(`list: no array under ${keys.join(' or ')} (${describe(body)})`);
  const cursor = body.nextCursor;
  return {
    items: (body[key] as unknown[]).filter(isObject),
    ...(typeof cursor === 'string' || typeof cursor === 'number' ? { nextCursor: String(cursor) } : {}),
  };
}

export const APPROVAL_LIST_KEYS = ['approvals', 'items'] as const;
export const STREAM_LIST_KEYS = ['streams', 'items'] as const;
/** The query parameter that carries `nextCursor` back. */
export const CURSOR_PARAM = 'cursor';

/** GET /api/streams/:id: the state, at `body.state` (today) or the body itself. */
export function streamState(body: unknown): Json {
  if (isObject(body) && isObject(body.state)) return body.state;
  if (isObject(body) && typeof body.phase === 'string') return body;
  throw new Error(`stream: no state in body.state or body (${describe(body)})`);
}

export function streamPhase(body: unknown): string {
  const phase = streamState(body).phase;
  if (typeof phase !== 'string') throw new Error('stream: state.phase is not a string');
  return phase;
}

/**
 * Pending work beside the state (`pendingItems` since the redesign, `pendingApprovals` before) or inside it; each has
 * at least a `kind`.
 */
export function pendingApprovalKinds(body: unknown): string[] {
  const state = streamState(body);
  const list = [body, state]
    .filter(isObject)
    .flatMap((holder) => [holder.pendingItems, holder.pendingApprovals])
    .find(Array.isArray);
  if (!Array.isArray(list))
    throw new Error('stream: no pendingItems or pendingApprovals beside or inside the state');
  return list.filter(isObject).map((item) => String(item.kind));
}

/** The current script revision and its findings, which a script decision must name. */
export function currentScriptRevision(body: unknown): { revision: number; findingIds: string[] } {
  const script = streamState(body).script;
  if (!isObject(script) || !Array.isArray(script.revisions))
    throw new Error('stream: no state.script.revisions');
  const revisions = script.revisions.filter(isObject);
  const current =
    revisions.find((r) => r.revision === script.currentRevision) ?? revisions[revisions.length - 1];
  if (current === undefined || typeof current.revision !== 'number')
    throw new Error('stream: no current script revision');
  const findings = Array.isArray(current.findings) ? current.findings.filter(isObject) : undefined;
  if (findings === undefined) throw new Error('stream: the current script revision is not scanned yet');
  return { revision: current.revision, findingIds: findings.map((f) => String(f.id)) };
}
