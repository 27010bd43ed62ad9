import { Router } from 'express';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import type { ScheduleService } from '../services/schedules';
import type { TemplateService } from '../services/templates';

export interface ScheduleWebRouterDeps {
  templates: TemplateService;
  schedules: ScheduleService;
  db: Db;
  config: Config;
  logger: Logger;
}

export function createScheduleWebRouter(_deps: ScheduleWebRouterDeps): Router {
  return Router();
}
