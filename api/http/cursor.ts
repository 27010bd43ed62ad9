import { AppError } from './api-error';

/**
 * Opaque page cursors: the sort key of the last row a page showed, so the next page starts strictly after it (stable
 * under inserts, unlike an offset). base64url of a JSON pair [sortValue, id].
 */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string')
      return { sortValue: parsed[0], id: parsed[1] };
  } catch {
    // fall through to the one error below
  }
  const message = 'not a cursor this API gave out (use nextCursor from the last page)';
  // Bad input names its field like every other 400.
  throw new AppError('INVALID_INPUT', `cursor: ${message}`, [
    { path: ['cursor'], message, code: 'custom', in: 'query' },
  ]);
}
