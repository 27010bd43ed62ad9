import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  planFromTemplate,
  saveTemplate,
} from '../../activities/templates/template-store';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/parse-input';
import type { TNewStart } from '../../domain/templates/new-start';
import type { TTemplateKindName } from '../../domain/templates/template-kinds';
import type { TStreamState } from '../../domain/stream/state.types';
import type { Db } from '../../runtime/db';
import type { StreamService } from './streams';
import type { CampaignService } from './campaigns';
import { ZSaveTemplateBodySchema } from '../routes/templates.types';

export interface TemplateServiceDeps {
  db: Db;
  streams: StreamService;
  /** Campaign templates: saved from a campaign as it stands, started as a new campaign. */
  campaigns?: CampaignService;
  /** Schedules that create from a template (a template in use is not deleted from under them). */
  schedulesUsingTemplate: (templateId: string) => Promise<string[]>;
}

/**
 * Templates (常态化 reuse): save a plan or a stream's plan, list, read, delete, and create a stream from one with a
 * new start, through the stream service: the same path as POST /api/streams (roles, plan checks, the start itself).
 */
export function createTemplateService({
  db,
  streams,
  campaigns,
  schedulesUsingTemplate,
}: TemplateServiceDeps) {
  const campaignService = (): CampaignService => {
    if (campaigns === undefined) throw new Error('campaign templates need the campaign service');
    return campaigns;
  };
  /** The live plan (the workflow answers), or the read model's copy when the workflow cannot be asked. */
  async function streamPlan(streamId: string): Promise<TStreamState['plan']> {
    try {
      return (await streams.getStream(streamId)).plan;
    } catch (error) {
      if (isDomainError(error)) throw error;
      const row = await db.streamRecord.findUnique({ where: { id: streamId }, select: { stateJson: true } });
      if (row === null) throw error;
      return (JSON.parse(row.stateJson) as TStreamState).plan;
    }
  }

  return {
    /** A template from a request body (ZSaveTemplateBodySchema), its plan stored as written. */
    save(actor: TActor, body: unknown) {
      const { kind, name } = parseInput(ZSaveTemplateBodySchema, body, 'body');
      return saveTemplate(db, actor, { kind, name, plan: (body as { plan: unknown }).plan });
    },

    async saveFromStream(actor: TActor, input: { streamId: string; name?: string }) {
      const plan = await streamPlan(input.streamId);
      return saveTemplate(db, actor, {
        kind: 'stream',
        name: input.name ?? plan.title,
        plan,
        source: input.streamId,
      });
    },

    list: (filter: { kind?: TTemplateKindName }) => listTemplates(db, filter),
    get: (id: string) => getTemplate(db, id),

    async delete(actor: TActor, id: string) {
      const users = await schedulesUsingTemplate(id);
      if (users.length > 0)
        throw new DomainError(
          'INVALID_STATE',
          `Template ${id} is used by schedule ${users.join(', ')}: delete the schedule first`,
          { schedules: users },
        );
      return deleteTemplate(db, actor, id);
    },

    async createStream(actor: TActor, templateId: string, start: TNewStart, streamId?: string) {
      const { plan } = await planFromTemplate(db, templateId, 'stream', start);
      return streams.createStream(actor, plan, streamId);
    },

    /** A campaign as it stands (dropped streams left out, added ones kept) saved for reuse (常态化). */
    async saveFromCampaign(actor: TActor, input: { campaignId: string; name?: string }) {
      const plan = await campaignService().planOf(input.campaignId);
      return saveTemplate(db, actor, {
        kind: 'campaign',
        name: input.name ?? String(plan.name),
        plan,
        source: input.campaignId,
      });
    },

    /** A new campaign from a campaign template, every window and stream moved with local times kept; it needs approval. */
    async createCampaign(actor: TActor, templateId: string, start: TNewStart, campaignId?: string) {
      const { plan } = await planFromTemplate(db, templateId, 'campaign', start);
      return campaignService().createCampaign(actor, { ...plan, owner: actor.id }, campaignId);
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;

/** The one new-start field a request carried (the route's schema lets exactly one through). */
export function newStartOf(body: { start?: string; localStart?: string; date?: string }): TNewStart {
  if (body.start !== undefined) return { start: body.start };
  if (body.localStart !== undefined) return { localStart: body.localStart };
  if (body.date !== undefined) return { date: body.date };
  throw new DomainError('INVALID_INPUT', 'Give exactly one of start, localStart or date');
}
