export type TCsvCell = string | number | boolean | null | undefined;

export interface TCsvOptions {
  /**
   * Prefix text cells that start with = + - @ (or a tab / CR) with an apostrophe, so a spreadsheet does not run them as
   * formulas (CSV injection: a product or viewer name can be anything). Numbers are never altered. Default true.
   */
  guardFormulas?: boolean;
  /** Prepend a UTF-8 byte order mark so Excel opens Chinese text correctly. Default false. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: TCsvCell, guardFormulas: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return guardFormulas && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(text: string): string {
  // RFC 4180: quote fields with separators, quotes or line breaks; leading/trailing spaces too, which some readers trim.
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line endings; the first row is the header if the caller wants one. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<TCsvCell>>, options: TCsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const body = rows.map((row) => row.map((cell) => quote(cellText(cell, guard))).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}${rows.length ? '\r\n' : ''}`;
}
