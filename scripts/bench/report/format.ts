import { REQUEST_TIMEOUT_MS } from '../http/http-client';

/** Numbers as the tables show them: units chosen by size, NaN as a dash. */

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${value.toFixed(0)} B`;
}

export function mb(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} MB` : '-';
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '-';
  // Two decimals near the targets (1.5x, 2x), so "missed by 1.0x" cannot hide a miss.
  return `${value >= 10 ? value.toFixed(0) : value >= 2 ? value.toFixed(1) : value.toFixed(2)}x`;
}

/** "met", or by how much the target is missed (measured / limit). */
export function verdict(measured: number, limit: number): string {
  if (!Number.isFinite(measured) || !Number.isFinite(limit)) return 'not measured';
  return measured <= limit ? 'met' : `missed by ${ratio(measured / limit)}`;
}

export function samples(
  n: number,
  options: { errors?: number; timeouts?: number; capped?: boolean } = {},
): string {
  const parts = [`n=${n}`];
  if (options.errors) parts.push(`${options.errors} err`);
  if (options.timeouts)
    parts.push(`${options.timeouts} unanswered in ${REQUEST_TIMEOUT_MS / 1000} s (counted as that)`);
  if (options.capped) parts.push('time cap');
  return parts.join(' ');
}
