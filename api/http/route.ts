import { Router, type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { TActor, TAppRole } from '../../domain/shared/actor.types';
import { requireActor, requireRole } from '../auth/middleware';
import { AppError, zodIssues } from './api-error';
import './locals';

/** Who may call a route: anyone, any signed-in actor, or actors with one of the roles (admin always passes). */
export type TRouteAccess = 'public' | 'authenticated' | { roles: readonly TAppRole[] };

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'delete';
  /** Express path, e.g. /api/streams/:id. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: TRouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  /** How the body is sent; default JSON. */
  bodyType?: 'json' | 'form';
  /**
   * false: `body` documents the input but the handler gets it as sent, because the domain parses it with the same
   * spec after deciding who may act (workflow actions: a refusal for who or when comes before one for the input).
   */
  validateBody?: boolean;
  /** Audit action of a mutating route, e.g. stream.create; reads are not audited. */
  action?: string;
  success: { status: number; description: string; schema?: z.ZodType; contentTypes?: string[] };
  /** Top-level fields of the success body shown once (a new token): the idempotency store never keeps them. */
  secretFields?: readonly string[];
  /** Route-specific refusals (besides 400, 401, 403 and 429 that every route may answer), for the document. */
  refusals?: Partial<Record<number, string>>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The authenticated actor; only a public route sees undefined. */
  actor: TActor;
  req: Request;
  res: Response;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error.issues).map((issue) => ({ ...issue, in: where }));
  const first = issues[0];
  const at = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw new AppError('INVALID_INPUT', `Invalid ${where}${at}: ${first?.message ?? 'unknown error'}`, issues);
}

/**
 * The one route wrapper: access check first (401 / 403 before any input is judged), then params, query and body
 * through their zod schemas (400 with the issues), then the handler. A handler returns the JSON body of the success
 * status, or answers itself (HTML, CSV). Errors go to the app's error handler, which maps codes to statuses.
 */
export class ApiRoutes {
  readonly specs: RouteSpec[] = [];
  readonly router = Router();

  /** Routes served elsewhere (the metrics router, the login form) still belong in the OpenAPI document. */
  document(spec: RouteSpec): void {
    this.specs.push(spec);
  }

  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    spec: RouteSpec<P, Q, B>,
    handler: (input: RouteInput<Out<P>, Out<Q>, Out<B>>) => Promise<unknown> | unknown,
  ): void {
    this.specs.push(spec as unknown as RouteSpec);
    const guards =
      spec.access === 'public'
        ? []
        : spec.access === 'authenticated'
          ? [requireActor]
          : [requireRole(...spec.access.roles)];
    const describe = (req: Request, res: Response, next: NextFunction) => {
      if (spec.secretFields) res.locals.secretFields = spec.secretFields;
      if (spec.action) {
        const target = typeof req.params.id === 'string' ? req.params.id : undefined;
        res.locals.audit = { action: spec.action, ...(target ? { target } : {}) };
      }
      next();
    };
    const run = async (req: Request, res: Response) => {
      if (res.locals.inputError !== undefined) throw res.locals.inputError;
      const params = parsePart(spec.params, req.params, 'path parameters');
      const query = parsePart(spec.query, req.query, 'query');
      const body =
        spec.validateBody === false ? (req.body ?? {}) : parsePart(spec.body, req.body ?? {}, 'body');
      const result = await handler({
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        actor: res.locals.actor as TActor,
        req,
        res,
      });
      if (!res.headersSent) res.status(spec.success.status).json(result ?? null);
    };
    this.router[spec.method](spec.path, describe, ...guards, run);
  }
}
