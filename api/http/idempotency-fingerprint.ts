import type { Request } from 'express';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { sha256 } from '../auth/secrets';
import { CSRF_FIELD } from '../auth/middleware';
import { canonicalJson } from './canonical-json';
import { isSecretParam, redactUrl } from './secret-params';

const SALTED_PREFIX = 'scrypt$';

function carriesSecret(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 8) return false;
  return Object.entries(value).some(([key, item]) => isSecretParam(key) || carriesSecret(item, depth + 1));
}

/** What makes two requests the same: method, URL (secrets redacted) and canonical body, less the CSRF field. */
function canonicalRequest(req: Request): { text: string; secret: boolean } {
  const body: unknown = req.body ?? null;
  const meaning =
    typeof body === 'object' && body !== null && !Array.isArray(body) && CSRF_FIELD in body
      ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== CSRF_FIELD))
      : body;
  return {
    text: canonicalJson([req.method, redactUrl(req.originalUrl), meaning]),
    secret: carriesSecret(meaning),
  };
}

/**
 * The stored fingerprint of a request. sha256 for ordinary bodies; a body with a password in it gets salted scrypt,
 * because a fast digest of a body whose other fields are known is a fast way to guess the password.
 */
export async function requestFingerprint(req: Request): Promise<string> {
  const { text, secret } = canonicalRequest(req);
  return secret ? hashPassword(text) : sha256(text);
}

export async function matchesFingerprint(req: Request, stored: string): Promise<boolean> {
  const { text } = canonicalRequest(req);
  return stored.startsWith(SALTED_PREFIX) ? verifyPassword(text, stored) : stored === sha256(text);
}
