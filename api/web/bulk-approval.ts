import type { RequestHandler, Router } from 'express';
import { isDomainError } from '../../domain/shared/errors';
import { streamAction } from '../../domain/stream/actions';
import type { StreamService } from '../services/streams';
import type { createPageHandler } from './page-handler';
import { refusal, type PageError } from './refusal';
import type { createRenderers } from './renderers';

/** A bulk approval names at most this many products (an inbox page holds fewer). */
const MAX_BULK = 100;

/**
 * POST /inbox/approve-products: the reviewer's ticked products, each approved by its own action (the same Update, the
 * same validator, the same audit row), so a bulk approval can never do what one approval could not. Refusals are
 * listed with their reason; the rest stand.
 */
export function registerBulkApproval(
  router: Router,
  deps: {
    streams: StreamService;
    page: ReturnType<typeof createPageHandler>;
    forms: RequestHandler;
    renderInbox: ReturnType<typeof createRenderers>['renderInbox'];
  },
): void {
  const decideProduct = streamAction('decide-product')!;
  router.post(
    '/inbox/approve-products',
    deps.forms,
    deps.page(async (req, res, ctx) => {
      res.locals.audit = { action: 'stream.decide-product.bulk' };
      const raw = (req.body as Record<string, unknown> | undefined)?.items;
      const picked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        .map(String)
        .slice(0, MAX_BULK)
        .map((value) => {
          const [streamId = '', sku = ''] = value.split(' ');
          return { streamId, sku };
        })
        .filter((p) => p.streamId !== '' && p.sku !== '');
      res.locals.audit = {
        action: 'stream.decide-product.bulk',
        target: [...new Set(picked.map((p) => p.streamId))].join(',').slice(0, 500),
      };
      if (picked.length === 0) {
        await deps.renderInbox(res, ctx, 400, { error: ctx.t('inbox.bulkNone') });
        return;
      }
      let approved = 0;
      const refused: Array<{ label: string; reason: PageError }> = [];
      for (const { streamId, sku } of picked) {
        try {
          await deps.streams.act(streamId, decideProduct, ctx.actor, {
            sku,
            decision: 'approved',
            reason: '',
          });
          approved += 1;
        } catch (error) {
          if (!isDomainError(error)) throw error;
          refused.push({ label: sku, reason: refusal(ctx, error) });
        }
      }
      await deps.renderInbox(res, ctx, refused.length > 0 && approved === 0 ? 409 : 200, {
        bulk: { approved, refused },
      });
    }),
  );
}
