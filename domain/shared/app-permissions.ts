import type { TAppRole } from './actor.types';

/**
 * Who may do what beyond a workflow's own actions (those are in each kind's action registry): the one table that API
 * routes, page guards and the navigation read. Admin passes every check (`hasAnyRole`), so `admin` is listed only
 * where it is the whole audience.
 */
export const APP_PERMISSIONS = {
  /** Read histories, reconstruct, export and replay workflows (the auditors' tools). */
  audit: ['auditor', 'manager'],
  /** Read the log of who did what through the API and the web UI. */
  readAuditLog: ['auditor', 'admin'],
  /** Create and change users and their roles. */
  administerUsers: ['admin'],
  /** Publish compliance rule packs. */
  publishRulePacks: ['admin'],
  /** Create a stream, and push its metric batches as an integration. */
  createStreams: ['operator'],
  /** Create campaigns (new, cloned, from a template). */
  createCampaigns: ['operator', 'manager'],
  /** Save and use templates (a manager may change anyone's; others their own). */
  writeTemplates: ['operator', 'manager'],
  /** Change or delete a template someone else saved. */
  changeAnyTemplate: ['manager'],
  /** Create, pause and change recurring schedules. */
  manageSchedules: ['manager'],
} as const satisfies Record<string, readonly TAppRole[]>;

export type TAppPermission = keyof typeof APP_PERMISSIONS;

/** The roles of a permission, for a route's access rule or a "needs role …" message. */
export const rolesFor = (permission: TAppPermission): readonly TAppRole[] => APP_PERMISSIONS[permission];
