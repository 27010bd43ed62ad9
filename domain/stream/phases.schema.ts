import { z } from 'zod';
import { STREAM_PHASES } from './phases';

export const ZStreamPhaseSchema = z.enum(STREAM_PHASES);
