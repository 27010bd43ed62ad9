import { z } from 'zod';
import { ZTimeZoneSchema } from '../time/time.types';

/** Field schemas every notification template shares. */

// Links end up in href attributes: only http(s), so a javascript: URL can never reach a mail client.
export const ZLinkSchema = z.url({ protocol: /^https?$/ });
export const ZTitleSchema = z.string().trim().min(1).max(200);
export const ZPersonSchema = z.string().trim().min(1).max(100);
export const ZInstantSchema = z.number().int();

/** Every template names its stream (or campaign) and formats its times in that one's own zone. */
export const ZStreamBaseSchema = z.object({ streamTitle: ZTitleSchema, timeZone: ZTimeZoneSchema });
