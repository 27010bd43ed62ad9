import { z } from 'zod';
import { ZMetricNameSchema } from '../../domain/metrics';

/**
 * The contract of the live platform's analytics HTTP API as liveops consumes it (we own this contract; an adapter per
 * real platform maps onto it). Late and missing data are normal: every number may be null, a series may be empty or
 * have holes, and final stats may arrive T+1 (`final: false` until then).
 *
 *   GET /v1/streams/:streamId/snapshot -> ZLiveSnapshotSchema   (real-time numbers)
 *   GET /v1/streams/:streamId/stats    -> ZStreamStatsSchema    (totals + per-minute series)
 *   Authorization: Bearer <ANALYTICS_TOKEN>; 404 = the platform does not know the stream.
 */
export const ZStreamStatusSchema = z.enum(['scheduled', 'live', 'ended']);

const ZReadingSchema = z.number().finite().nonnegative().nullable();
const ZMetricReadingsSchema = z.partialRecord(ZMetricNameSchema, ZReadingSchema);

export const ZLiveSnapshotSchema = z.object({
  streamId: z.string().min(1),
  status: ZStreamStatusSchema,
  asOf: z.iso.datetime({ offset: true }),
  metrics: ZMetricReadingsSchema,
  /** The embedded platform simulator says so: its numbers are generated, never real. */
  simulated: z.boolean().optional(),
});
export type TLiveSnapshot = z.infer<typeof ZLiveSnapshotSchema>;

export const ZSeriesSchema = z.object({
  metric: ZMetricNameSchema,
  points: z.array(z.object({ ts: z.iso.datetime({ offset: true }), value: ZReadingSchema })),
});

export const ZStreamStatsSchema = z.object({
  streamId: z.string().min(1),
  status: ZStreamStatusSchema,
  /** False while the platform may still correct the numbers (T+1 platforms). */
  final: z.boolean(),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  totals: ZMetricReadingsSchema,
  series: z.array(ZSeriesSchema),
  simulated: z.boolean().optional(),
});
export type TStreamStats = z.infer<typeof ZStreamStatsSchema>;
