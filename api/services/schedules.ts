import { randomUUID } from 'node:crypto';
import {
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ServiceError,
  type Client,
  type ScheduleDescription,
  type ScheduleSummary,
} from '@temporalio/client';
import { getTemplate } from '../../activities/templates/template-store';
import type { TActor } from '../../domain/shared/actor.types';
import { DomainError } from '../../domain/shared/errors';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { TCreateScheduleBody } from '../routes/schedules.types';
import {
  recurringStreamSchedule,
  reportSchedule,
  SCHEDULE_MEMO_KEY,
  type TScheduleDefinition,
  type TScheduleMemo,
} from './schedule-specs';

export interface ScheduleSummaryView {
  id: string;
  kind: TScheduleDefinition['kind'];
  name: string;
  createdBy: string;
  paused: boolean;
  note: string | null;
  timeZone: string;
  nextActionTimes: string[];
  definition: TScheduleDefinition;
}

export interface ScheduleDetailView extends ScheduleSummaryView {
  calendars: Array<Record<string, unknown>>;
  policies: { overlap: string; catchupWindowMs: number; pauseOnFailure: boolean };
  recentActions: Array<{ scheduledAt: string; takenAt: string; workflowId: string }>;
  runningWorkflowIds: string[];
  numActionsTaken: number;
  numActionsMissedCatchupWindow: number;
  numActionsSkippedOverlap: number;
  createdAt: string;
}

const GRPC_INVALID_ARGUMENT = 3;
/** Schedules list at most this many; liveops has a handful per team. */
const MAX_LISTED = 500;

function memoOf(memo: Record<string, unknown> | undefined): TScheduleMemo | undefined {
  const value = memo?.[SCHEDULE_MEMO_KEY];
  return typeof value === 'object' && value !== null ? (value as TScheduleMemo) : undefined;
}

function summaryView(
  id: string,
  memo: TScheduleMemo,
  state: { paused: boolean; note?: string },
  spec: { timezone?: string } | undefined,
  nextActionTimes: Date[],
): ScheduleSummaryView {
  return {
    id,
    kind: memo.definition.kind,
    name: memo.name,
    createdBy: memo.createdBy,
    paused: state.paused,
    note: state.note || null,
    timeZone: spec?.timezone ?? memo.definition.timeZone,
    nextActionTimes: nextActionTimes.map((at) => at.toISOString()),
    definition: memo.definition,
  };
}

function detailView(description: ScheduleDescription, memo: TScheduleMemo): ScheduleDetailView {
  const { info, policies } = description;
  return {
    ...summaryView(description.scheduleId, memo, description.state, description.spec, info.nextActionTimes),
    calendars: (description.spec.calendars ?? []) as unknown as Array<Record<string, unknown>>,
    policies: {
      overlap: policies.overlap ?? 'SKIP',
      catchupWindowMs: policies.catchupWindow,
      pauseOnFailure: policies.pauseOnFailure,
    },
    recentActions: info.recentActions.map((action) => ({
      scheduledAt: action.scheduledAt.toISOString(),
      takenAt: action.takenAt.toISOString(),
      workflowId: action.action.workflow.workflowId,
    })),
    runningWorkflowIds: info.runningActions.map((action) => action.workflow.workflowId),
    numActionsTaken: info.numActionsTaken,
    numActionsMissedCatchupWindow: info.numActionsMissedCatchupWindow,
    numActionsSkippedOverlap: info.numActionsSkippedOverlap,
    createdAt: info.createdAt.toISOString(),
  };
}

/**
 * Recurring streams and reports on Temporal Schedules (client.schedule): Temporal keeps the calendar, fires in the
 * zone, catches up after downtime; liveops only says what to run (schedule-specs.ts). Only schedules liveops created
 * (its memo) are listed or touched.
 */
export function createScheduleService(deps: { temporal: Client; db: Db; config: Config }) {
  const { temporal, db, config } = deps;

  async function describeRaw(id: string): Promise<{ description: ScheduleDescription; memo: TScheduleMemo }> {
    try {
      const description = await temporal.schedule.getHandle(id).describe();
      const memo = memoOf(description.memo);
      if (memo !== undefined) return { description, memo };
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
    throw new DomainError('NOT_FOUND', `No schedule ${id}`);
  }

  async function describe(id: string): Promise<ScheduleDetailView> {
    const { description, memo } = await describeRaw(id);
    return detailView(description, memo);
  }

  /** Runs one operation on a liveops schedule, then answers its state. */
  async function operate(
    id: string,
    run: (handle: ReturnType<Client['schedule']['getHandle']>) => Promise<void>,
  ) {
    await describeRaw(id);
    try {
      await run(temporal.schedule.getHandle(id));
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) throw new DomainError('NOT_FOUND', `No schedule ${id}`);
      throw error;
    }
  }

  async function list(): Promise<ScheduleSummaryView[]> {
    const out: ScheduleSummaryView[] = [];
    for await (const schedule of temporal.schedule.list({
      pageSize: 100,
    }) as AsyncIterable<ScheduleSummary>) {
      const memo = memoOf(schedule.memo);
      if (memo === undefined) continue;
      out.push(
        summaryView(schedule.scheduleId, memo, schedule.state, schedule.spec, schedule.info.nextActionTimes),
      );
      if (out.length >= MAX_LISTED) break;
    }
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  return {
    async create(actor: TActor, input: TCreateScheduleBody): Promise<ScheduleDetailView> {
      let options;
      if (input.kind === 'recurring-stream') {
        const template = await getTemplate(db, input.templateId);
        if (template.kind !== 'stream')
          throw new DomainError('INVALID_INPUT', `Template ${template.id} is not a stream template`, {
            issues: [{ path: ['templateId'], message: 'not a stream template', code: 'custom' }],
          });
        options = recurringStreamSchedule(
          input.id ?? `stream-${randomUUID().slice(0, 8)}`,
          input,
          actor,
          config,
        );
      } else {
        options = reportSchedule(
          input.id ?? `report-${input.cadence}-${randomUUID().slice(0, 8)}`,
          input,
          actor,
          config,
        );
      }
      try {
        await temporal.schedule.create(options);
      } catch (error) {
        if (error instanceof ScheduleAlreadyRunning)
          throw new DomainError('ALREADY_EXISTS', `A schedule with id ${options.scheduleId} exists`);
        // The server judges the spec too (e.g. a zone its own tz database lacks): that is bad input, not a fault.
        if (
          error instanceof ServiceError &&
          isGrpcServiceError(error.cause) &&
          error.cause.code === GRPC_INVALID_ARGUMENT
        )
          throw new DomainError('INVALID_INPUT', `Temporal refused the schedule: ${error.cause.details}`, {
            issues: [{ path: [], message: error.cause.details, code: 'custom' }],
          });
        throw error;
      }
      return describe(options.scheduleId);
    },

    list,
    describe,

    async pause(id: string, actor: TActor, note?: string) {
      await operate(id, (handle) => handle.pause(note ? `${note} (${actor.id})` : `paused by ${actor.id}`));
      return describe(id);
    },

    async resume(id: string, actor: TActor) {
      await operate(id, (handle) => handle.unpause(`resumed by ${actor.id}`));
      return describe(id);
    },

    /** One run now, as if the calendar had fired (under the schedule's own overlap policy). */
    async trigger(id: string) {
      await operate(id, (handle) => handle.trigger());
      return describe(id);
    },

    async delete(id: string) {
      const before = await describe(id);
      await operate(id, (handle) => handle.delete());
      return before;
    },

    /** Recurring schedules that create streams from a template (a template in use is not deleted). */
    async usingTemplate(templateId: string): Promise<string[]> {
      return (await list())
        .filter((s) => s.definition.kind === 'recurring-stream' && s.definition.templateId === templateId)
        .map((s) => s.id);
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
