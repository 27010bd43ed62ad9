import { rolesFor } from '../../domain/shared/app-permissions';
import { z } from 'zod';
import { currentRulePack, listRulePacks, publishRulePack } from '../../activities/compliance/rule-pack-store';
import type { Db } from '../../runtime/db';
import type { ApiRoutes } from '../http/route';

const phrase = z.string().trim().min(1).max(80);

export const ZPublishRulePackSchema = z.object({
  /** The new version's name: unique, recorded with every scan and decision it judges. */
  version: z
    .string()
    .trim()
    .regex(/^[\w.@:-]{1,60}$/, 'letters, digits and . @ : _ - (at most 60)'),
  /** The version in force the changes were made against (a concurrent publish makes this stale: 409). */
  basedOn: z.string().trim().min(1).max(60),
  note: z.string().trim().max(500).optional(),
  changes: z
    .array(
      z.object({
        ruleId: z.string().trim().min(1).max(80),
        addTerms: z.array(phrase).max(200).optional(),
        addExceptions: z.array(phrase).max(200).optional(),
      }),
    )
    .min(1)
    .max(50),
});

/** Compliance rule packs: everyone reads which rules judge scripts; admins publish new versions. */
export function registerComplianceRoutes(routes: ApiRoutes, { db }: { db: Db }) {
  routes.add(
    {
      method: 'get',
      path: '/api/compliance/packs',
      tag: 'compliance',
      summary: 'Rule pack versions, newest first (the first is in force; the built-in one is always last)',
      access: 'authenticated',
      success: { status: 200, description: 'Versions' },
    },
    async () => ({ packs: await listRulePacks(db) }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/compliance/packs/current',
      tag: 'compliance',
      summary: 'The rule pack in force: every rule with its terms, exceptions, basis and suggestion',
      access: 'authenticated',
      success: { status: 200, description: 'The pack' },
    },
    () => currentRulePack(db),
  );

  routes.add(
    {
      method: 'post',
      path: '/api/compliance/packs',
      tag: 'compliance',
      summary:
        'Publish a new rule pack version: terms and exceptions added to the one in force (never edited in place)',
      access: { roles: rolesFor('publishRulePacks') },
      body: ZPublishRulePackSchema,
      action: 'compliance.publish',
      success: { status: 201, description: 'The new pack' },
      refusals: {
        404: 'A change names a rule the pack does not have',
        409: 'The version exists, or basedOn is no longer the pack in force',
      },
    },
    async ({ body, actor, res }) => {
      res.locals.audit = { action: 'compliance.publish', target: body.version };
      return publishRulePack(db, actor, body);
    },
  );
}
