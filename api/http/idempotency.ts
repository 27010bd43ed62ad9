import type { RequestHandler } from 'express';
import { normalizeActorId } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { sha256 } from '../auth/secrets';
import { AppError, sendError } from './api-error';
import './locals';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A key is remembered for a day; after that the same key starts a new request. */
const RECORD_TTL_MS = 24 * 3_600_000;

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === 'P2002';

/** Answers that say nothing about the request itself are not stored, so a retry can still succeed. */
const replayable = (status: number) => status < 500 && status !== 429;

/**
 * `Idempotency-Key` on a POST (after authentication, keyed per actor): the first request runs and its JSON response is
 * stored before it is sent; the same key with the same method, path and body replays that response (header
 * `Idempotent-Replayed: true`) without running anything; with another request it is 422 IDEMPOTENCY_CONFLICT, and
 * while the first is still running 409 IDEMPOTENCY_IN_PROGRESS.
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
    const requestHash = sha256(JSON.stringify([req.method, req.originalUrl, req.body ?? null]));

    let record = await db.idempotencyRecord.findUnique({ where });
    if (record && Date.now() - record.createdAt.getTime() > RECORD_TTL_MS) {
      await db.idempotencyRecord.deleteMany({ where: { id: record.id } });
      record = null;
    }
    if (record) {
      if (record.requestHash !== requestHash)
        return sendError(
          res,
          new AppError('IDEMPOTENCY_CONFLICT', 'this Idempotency-Key was used for a different request'),
        );
      if (record.status === null || record.responseBody === null)
        return sendError(
          res,
          new AppError('IDEMPOTENCY_IN_PROGRESS', 'the request with this Idempotency-Key is still running'),
        );
      res.locals.audit = {
        ...(res.locals.audit ?? { action: `${req.method} ${req.path}` }),
        outcome: 'replayed',
      };
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(record.status).type('application/json').send(record.responseBody);
      return;
    }

    try {
      await db.idempotencyRecord.create({
        data: { actorId, key, method: req.method, path: req.originalUrl.slice(0, 500), requestHash },
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
      const persist = replayable(status)
        ? db.idempotencyRecord.update({ where, data: { status, responseBody: JSON.stringify(body) } })
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
