import { z } from 'zod';
import { ZAppRoleSchema } from '../../domain/shared/actor.schema';

/**
 * The email is the actor id everywhere: on stream rosters (ids at most 100 characters) and in notifications, whose
 * person fields hold at most 100. A longer one could sign in but never be named or reached.
 */
const ACTOR_ID_MAX = 100;

export const ZCreateUserInputSchema = z.object({
  email: z
    .email()
    .max(ACTOR_ID_MAX)
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  roles: z.array(ZAppRoleSchema).min(1),
  /** Omit for integration users that only use API tokens. */
  password: z.string().min(12).max(200).optional(),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInputSchema>;

export const ZUpdateUserInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    roles: z.array(ZAppRoleSchema).min(1).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, {
    message: 'Nothing to change: give name, roles or disabled',
  });
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInputSchema>;

export const ZResetPasswordInputSchema = z.object({ password: z.string().min(12).max(200) });

export const ZUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZAppRoleSchema),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUserSchema>;

export const ZCreateTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Whose token: a user id or email; omitted: the caller's own. */
  user: z.string().trim().min(1).max(254).optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TCreateTokenInput = z.infer<typeof ZCreateTokenInputSchema>;

export const ZApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ZCreatedTokenSchema = ZApiTokenSchema.extend({
  /** The token itself: shown in this response only, stored as a hash. */
  token: z.string(),
});
