/**
 * Names of URL parameters and body fields that carry secrets, lowercased: their values are redacted in logged and
 * stored URLs, and a body carrying one is fingerprinted with a salted slow hash (see idempotency-fingerprint.ts).
 */
export const SECRET_PARAM_NAMES: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'key',
  'secret',
  'client_secret',
  'password',
  'passwd',
  'pwd',
  'csrf',
  '_csrf',
  'csrf_token',
  'csrftoken',
  'xsrf',
  'x-csrf-token',
  'authorization',
  'session',
  'liveops_session',
  'signature',
  'sig',
]);

export const isSecretParam = (name: string) => SECRET_PARAM_NAMES.has(name.toLowerCase());

const REDACTED = '[redacted]';

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The URL with the values of secret query parameters replaced, everything else byte for byte as it came. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const hashAt = url.indexOf('#', queryAt);
  const query = url.slice(queryAt + 1, hashAt < 0 ? undefined : hashAt);
  const redacted = query
    .split('&')
    .map((pair) => (isSecretParam(paramName(pair)) ? `${pair.split('=', 1)[0] ?? ''}=${REDACTED}` : pair))
    .join('&');
  return `${url.slice(0, queryAt)}?${redacted}${hashAt < 0 ? '' : url.slice(hashAt)}`;
}
