import { z } from 'zod';
import { ZLocalTimeSchema, ZQuietHoursSchema } from '../time/time.types';

const HOUR_MINUTES = 60;

export const ZFanPreviewPolicySchema = z.object({
  /** Recipients' quiet hours, read in the stream's zone (fans are assumed to be where the stream is). */
  quietHours: ZQuietHoursSchema.default({ start: '23:00', end: '08:00' }),
  /** Core fans: exclusive early notice and a last call. */
  coreLeadMinutes: z.array(z.number().int().min(1)).default([24 * HOUR_MINUTES, HOUR_MINUTES]),
  /** Active fans: a time-slot reminder. */
  activeLeadMinutes: z.array(z.number().int().min(1)).default([HOUR_MINUTES]),
  /** Casual fans get the stream in the daily preview digest, sent at this local time on the day of the stream. */
  casualDigestLocalTime: ZLocalTimeSchema.default('10:00'),
});
export type TFanPreviewPolicy = z.infer<typeof ZFanPreviewPolicySchema>;
