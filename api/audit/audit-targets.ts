/** The audit log's target column: wide enough for a list of stream ids, short enough to stay an index key. */
export const AUDIT_TARGET_MAX = 500;
const SEPARATOR = ',';

/**
 * One target, or several (a metric batch names every stream it feeds) joined by commas; past AUDIT_TARGET_MAX
 * characters the list ends in "+N more", so the row still says how many streams were touched.
 */
export function auditTargets(ids: readonly string[]): string | undefined {
  let joined = '';
  for (const [index, id] of ids.entries()) {
    const next = joined === '' ? id.slice(0, AUDIT_TARGET_MAX) : `${joined}${SEPARATOR}${id}`;
    const rest = ids.length - index - 1;
    const reserved = rest > 0 ? `${SEPARATOR}+${rest} more`.length : 0;
    if (joined !== '' && next.length + reserved > AUDIT_TARGET_MAX)
      return `${joined}${SEPARATOR}+${ids.length - index} more`;
    joined = next;
  }
  return joined === '' ? undefined : joined;
}

/** Filter rows by one target: the whole column, or one entry of a list. */
export function targetFilter(target: string) {
  return {
    OR: [
      { target },
      { target: { startsWith: `${target}${SEPARATOR}` } },
      { target: { endsWith: `${SEPARATOR}${target}` } },
      { target: { contains: `${SEPARATOR}${target}${SEPARATOR}` } },
    ],
  };
}
