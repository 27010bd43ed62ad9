import type { RequestHandler } from 'express';
import { normalizeActorId } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { AppError, sendError } from './api-error';
import { matchesFingerprint, requestFingerprint } from './idempotency-fingerprint';
import { redactUrl } from './secret-params';
import './locals';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A key is remembered for a day; after that the same key starts a new request. */
const RECORD_TTL_MS = 24 * 3_600_000;

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === 'P2002';

/** Answers that say nothing about the request itself are not stored, so a retry can still succeed. */
const replayable = (status: number) => status < 500 && status !== 429;

/** The response as stored: without the fields the route marked secret (they are shown once, never kept). */
function withoutSecrets(body: unknown, secretFields: readonly string[]) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { stored: body, withheld: [] };
  const withheld = secretFields.filter((field) => Object.prototype.hasOwnProperty.call(body, field));
  const stored = Object.fromEntries(Object.entries(body).filter(([key]) => !withheld.includes(key)));
  return { stored: withheld.length > 0 ? stored : body, withheld };
}

function secretNotReplayed(status: number, responseBody: string, withheld: string): AppError {
  const response = JSON.parse(responseBody) as { id?: unknown };
  const what = typeof response.id === 'string' ? response.id : 'it';
  return new AppError(
    'IDEMPOTENCY_SECRET_NOT_REPLAYED',
    `this Idempotency-Key already created ${what}; its ${withheld.replace(/,/g, ', ')} was shown once and is not ` +
      'stored, so it cannot be shown again: if that answer was lost, revoke it and create another with a new key',
    { status, response, withheld: withheld.split(',') },
  );
}

/**
 * `Idempotency-Key` on a POST (after authentication, keyed per actor): the first request runs and its JSON response is
 * stored before it is sent; the same key with the same method, path and body (compared as canonical JSON: key order
 * does not matter) replays that response (header `Idempotent-Replayed: true`) without running anything; with another
 * request it is 422 IDEMPOTENCY_CONFLICT, and while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. Secrets
 * never enter the store: a response with secret fields (a new API token) is stored without them and never replayed
 * (409 IDEMPOTENCY_SECRET_NOT_REPLAYED, with the rest of the response in the details).
 */
export function createIdempotencyMiddleware({ db, logger }: { db: Db; logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    const actor = res.locals.actor;
    // Unreadable input is answered by the route; there is nothing to remember about it.
    if (req.method !== 'POST' || key === undefined || !actor || res.locals.inputError !== undefined)
      return next();
    if (!KEY_PATTERN.test(key))
      return sendError(
        res,
        new AppError('INVALID_INPUT', 'Idempotency-Key must be 1 to 255 visible ASCII characters', [
          {
            in: 'header',
            path: ['Idempotency-Key'],
            code: 'invalid_format',
            message: 'visible ASCII, 1 to 255',
          },
        ]),
      );
    const actorId = normalizeActorId(actor.id);
    const where = { actorId_key: { actorId, key } };

    let record = await db.idempotencyRecord.findUnique({ where });
    if (record && Date.now() - record.createdAt.getTime() > RECORD_TTL_MS) {
      await db.idempotencyRecord.deleteMany({ where: { id: record.id } });
      record = null;
    }
    if (record) {
      if (!(await matchesFingerprint(req, record.requestHash)))
        return sendError(
          res,
          new AppError('IDEMPOTENCY_CONFLICT', 'this Idempotency-Key was used for a different request'),
        );
      if (record.status === null || record.responseBody === null)
        return sendError(
          res,
          new AppError('IDEMPOTENCY_IN_PROGRESS', 'the request with this Idempotency-Key is still running'),
        );
      if (record.withheldFields)
        return sendError(res, secretNotReplayed(record.status, record.responseBody, record.withheldFields));
      res.locals.audit = {
        ...(res.locals.audit ?? { action: `${req.method} ${req.path}` }),
        outcome: 'replayed',
      };
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(record.status).type('application/json').send(record.responseBody);
      return;
    }

    // Expired records go as new ones come: what a key stored is not kept past its day.
    await db.idempotencyRecord.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - RECORD_TTL_MS) } },
    });
    try {
      await db.idempotencyRecord.create({
        data: {
          actorId,
          key,
          method: req.method,
          path: redactUrl(req.originalUrl).slice(0, 500),
          requestHash: await requestFingerprint(req),
        },
      });
    } catch (error) {
      if (isUniqueViolation(error))
        return sendError(
          res,
          new AppError('IDEMPOTENCY_IN_PROGRESS', 'the request with this Idempotency-Key is still running'),
        );
      throw error;
    }

    let settled = false;
    const forget = () => db.idempotencyRecord.deleteMany({ where: { actorId, key } });
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (settled) return json(body);
      settled = true;
      const status = res.statusCode;
      const { stored, withheld } = withoutSecrets(body, res.locals.secretFields ?? []);
      const persist = replayable(status)
        ? db.idempotencyRecord.update({
            where,
            data: {
              status,
              responseBody: JSON.stringify(stored),
              withheldFields: withheld.length > 0 ? withheld.join(',') : null,
            },
          })
        : forget();
      // Stored before it is sent: a client that retries after seeing the answer always finds it.
      void persist
        .catch((error: unknown) =>
          logger.error({ err: error, reqId: req.id }, 'idempotency record not stored'),
        )
        .finally(() => json(body));
      return res;
    };
    res.on('close', () => {
      // Answered without JSON, or the client went away before an answer: the key is free again.
      if (!settled) {
        settled = true;
        forget().catch((error: unknown) => logger.warn({ err: error }, 'idempotency record not released'));
      }
    });
    next();
  };
}
