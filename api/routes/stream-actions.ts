import { STREAM_ACTIONS } from '../../domain/stream/actions';
import type { ApiRoutes } from '../http/route';
import type { StreamService } from '../services/streams';
import { registerActionRoutes } from './action-routes';
import { ZStreamIdParamsSchema } from './streams.types';

export { ZActionResultSchema } from './action-routes';

/** POST /api/streams/:id/actions/<action>, one route per entry of the stream action registry. */
export function registerStreamActionRoutes(routes: ApiRoutes, { streams }: { streams: StreamService }) {
  registerActionRoutes(routes, {
    kind: 'stream',
    registry: STREAM_ACTIONS,
    params: ZStreamIdParamsSchema,
    act: (id, def, actor, input) => streams.act(id, def, actor, input),
  });
}
