import { DEFAULT_RULE_PACK } from '../../../domain/compliance/default-rules';
import { checkProductDocuments } from '../../../domain/compliance/product-documents';
import { scanScript } from '../../../domain/compliance/scan-script';
import { SYSTEM_ACTOR, type TActor } from '../../../domain/shared/actor.types';
import { isDomainError, type TDomainErrorCode } from '../../../domain/shared/errors';
import { addSeconds } from '../../../domain/shared/time';
import type { TStreamEvent, TStreamEventOf, TStreamEventType } from '../../../domain/stream/events.types';
import { streamAction, validateStreamAction } from '../../../domain/stream/actions';
import { replayStream } from '../../../domain/stream/reducer';
import { buildSamplePlan, SAMPLE_PRODUCT_SKU } from '../../../domain/stream/sample-plan';
import type { TStreamState } from '../../../domain/stream/state.types';

/** Shared test data: the sample plan starting 2026-12-01 20:00 Shanghai (12:00Z), and the people who work on it. */
export const START = '2026-12-01T20:00:00+08:00';
export const START_UTC = '2026-12-01T12:00:00.000Z';
export const CREATED_AT = '2026-11-25T10:00:00+08:00';
export const plan = buildSamplePlan({ scheduledStart: START });

export const planner: TActor = { id: 'planner@example.com', name: '策划', roles: ['operator'] };
export const reviewer: TActor = { id: 'reviewer@example.com', roles: ['reviewer'] };
export const manager: TActor = { id: 'manager@example.com', roles: ['manager'] };
export const ops: TActor = { id: 'OPS@example.com', roles: ['operator'] }; // on the roster; case differs on purpose
export const outsider: TActor = { id: 'someone@example.com', roles: ['operator'] };
export const auditor: TActor = { id: 'auditor@example.com', roles: ['auditor'] };
export const admin: TActor = { id: 'admin@example.com', roles: ['admin'] };

/** Seconds relative to the scheduled start, as an ISO instant. */
export const t = (seconds: number): string => addSeconds(START, seconds);
export const HOUR = 3600;

type Payload<K extends TStreamEventType> = Omit<TStreamEventOf<K>, 'type' | 'at' | 'actor'>;
export function ev<K extends TStreamEventType>(
  type: K,
  at: string,
  actor: TActor,
  payload: Payload<K>,
): TStreamEvent {
  return { type, at, actor, ...payload } as unknown as TStreamEvent;
}

const { findings } = scanScript(plan.script, DEFAULT_RULE_PACK, { products: plan.products });

/** The whole life of the sample stream, labelled so tests can stop at any point. */
export function happyPathEvents(): Array<{ label: string; event: TStreamEvent }> {
  return [
    { label: 'planned', event: ev('StreamPlanned', CREATED_AT, planner, { streamId: 'stream-1', plan }) },
    {
      label: 'submitted',
      event: ev('ScriptSubmitted', t(-100 * HOUR), planner, {
        revision: 1,
        segments: plan.script,
        submittedBy: planner.id,
      }),
    },
    {
      label: 'scanned',
      event: ev('ScriptScanned', t(-100 * HOUR + 5), SYSTEM_ACTOR, { revision: 1, findings }),
    },
    {
      label: 'scriptDecided',
      event: ev('ScriptDecided', t(-99 * HOUR), reviewer, {
        revision: 1,
        decision: 'approved_with_findings',
        reasons: ['全网最低价 已核实比价截图'],
        acceptedFindingIds: findings.map((f) => f.id),
      }),
    },
    {
      label: 'productsChecked',
      event: ev('ProductsChecked', t(-100 * HOUR + 10), SYSTEM_ACTOR, {
        results: checkProductDocuments(plan.products, t(2 * HOUR), { checkedAt: t(-100 * HOUR) }),
      }),
    },
    {
      label: 'productDecided',
      event: ev('ProductDecided', t(-98 * HOUR), reviewer, {
        sku: SAMPLE_PRODUCT_SKU,
        decision: 'approved',
        reason: '资质齐全',
      }),
    },
    { label: 'preheat', event: ev('PhaseEntered', t(-24 * HOUR), SYSTEM_ACTOR, { phase: 'preheat' }) },
    {
      label: 'checklist',
      event: ev('ChecklistSigned', t(-2 * HOUR), ops, { items: plan.checklist.map((i) => i.id) }),
    },
    { label: 'burst', event: ev('PhaseEntered', t(0), SYSTEM_ACTOR, { phase: 'burst' }) },
    {
      label: 'metrics',
      event: ev('MetricsReceived', t(60), SYSTEM_ACTOR, {
        count: 12,
        from: t(0),
        to: t(60),
        latest: { viewers: 1200, gmv: 3400 },
      }),
    },
    {
      label: 'alert',
      event: ev('AlertRaised', t(600), SYSTEM_ACTOR, {
        ruleId: 'conversion-drop',
        message: '转化率下降 20%',
        notified: ['ops@example.com'],
      }),
    },
    {
      label: 'incident',
      event: ev('IncidentRecorded', t(900), ops, {
        kind: 'interruption',
        description: '推流中断 40 秒',
        steps: ['切换备用网络'],
      }),
    },
    {
      label: 'extended',
      event: ev('StreamExtended', t(3600), manager, { minutes: 30, reason: '补货后加播' }),
    },
    { label: 'tail', event: ev('PhaseEntered', t(2.5 * HOUR), SYSTEM_ACTOR, { phase: 'tail' }) },
    { label: 'review', event: ev('PhaseEntered', t(26.5 * HOUR), SYSTEM_ACTOR, { phase: 'review' }) },
    {
      label: 'reported',
      event: ev('ReviewReported', t(27 * HOUR), SYSTEM_ACTOR, {
        reportId: 'report-1',
        summary: 'GMV 达成 85%',
      }),
    },
    { label: 'completed', event: ev('ReviewSignedOff', t(30 * HOUR), manager, { reportId: 'report-1' }) },
  ];
}

/** The state right after the labelled event of the happy path. */
export function stateAfter(label: string, extra: TStreamEvent[] = []): TStreamState {
  const steps = happyPathEvents();
  const index = steps.findIndex((step) => step.label === label);
  if (index < 0) throw new Error(`unknown label ${label}`);
  return replayStream([...steps.slice(0, index + 1).map((step) => step.event), ...extra]);
}

export function expectDomainError(run: () => unknown, code: TDomainErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isDomainError(thrown) ? thrown.code : thrown).toBe(code);
}

/** Runs one registry entry's validator (what the workflow's Update validator runs), by the action's name. */
export function validate(
  name: string,
  state: TStreamState,
  input: unknown,
  actor: TActor,
  ctx: { now: string } = { now: CREATED_AT },
): Record<string, unknown> {
  const def = streamAction(name);
  if (def === undefined) throw new Error(`no action ${name}`);
  return validateStreamAction(def, state, input, actor, ctx) as Record<string, unknown>;
}
