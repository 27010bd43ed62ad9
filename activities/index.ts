import type { Db } from '../runtime/db';
import type { Logger } from '../runtime/logger';
import { createProjectionActivities } from './projection/project-stream-state';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

/** Every activity the worker registers, built once from its clients. Workflows import the type only. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjectionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
