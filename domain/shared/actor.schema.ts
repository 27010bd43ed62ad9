import { z } from 'zod';
import { APP_ROLES } from './actor.types';

/** Edge schemas for roles and actors (deterministic code uses the plain types in actor.types.ts). */
export const ZAppRoleSchema = z.enum(APP_ROLES);

export const ZActorSchema = z.object({
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(ZAppRoleSchema),
});
