import { checkInputSpec, type TInputIssue } from '../../../domain/engine/input-spec';
import { DOMAIN_ERROR_HTTP_STATUS, isDomainError, type DomainError } from '../../../domain/shared/errors';
import { submitScript } from '../../../domain/stream/actions/gate-actions';
import { parseStreamPlan } from '../../../domain/stream/parse-plan';
import type { TStreamPlanInput } from '../../../domain/stream/plan.types';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';
import { ZTimingPolicySchema } from '../../../domain/stream/timing-policy.types';
import { START } from './stream-fixtures';

/** The probe's values: one overflows a JS Date once multiplied into milliseconds, one floods, one fails the outbox. */
const MAX_SAFE_SECONDS = 9007199254740991;
const sample = (): TStreamPlanInput => buildSamplePlan({ scheduledStart: START });

function refusal(input: unknown): DomainError {
  try {
    parseStreamPlan(input);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

function expectRefused(input: unknown, field: string): void {
  const error = refusal(input);
  expect(error.code).toBe('INVALID_INPUT');
  expect(DOMAIN_ERROR_HTTP_STATUS[error.code]).toBe(400);
  expect(error.message).toContain(field);
  const paths = (error.details as { issues: Array<{ path: unknown[] }> }).issues.map((i) => i.path.join('.'));
  expect(paths).toContain(field);
}

const TIMING_FIELDS = Object.keys(ZTimingPolicySchema.shape).filter(
  (name) => name !== 'checklistReminderOffsetsSeconds',
);

describe('plan bounds: what the schema accepts, the workflow can run', () => {
  it.each(TIMING_FIELDS)('refuses timing.%s = 9007199254740991 (no Date can hold it)', (name) => {
    expectRefused({ ...sample(), timing: { [name]: MAX_SAFE_SECONDS } }, `timing.${name}`);
  });

  it.each([
    'approvalReminderIntervalSeconds',
    'reviewSignoffReminderIntervalSeconds',
    'approvalSlaSeconds',
    'reviewSignoffSlaSeconds',
    'alertCooldownSeconds',
  ])('refuses timing.%s = 0 (a reminder, SLA or cool-down of nothing floods the team)', (name) => {
    expectRefused({ ...sample(), timing: { [name]: 0 } }, `timing.${name}`);
  });

  it('refuses reminder intervals under a minute', () => {
    expectRefused(
      { ...sample(), timing: { approvalReminderIntervalSeconds: 59 } },
      'timing.approvalReminderIntervalSeconds',
    );
    expect(
      parseStreamPlan({ ...sample(), timing: { approvalReminderIntervalSeconds: 60 } }).timing,
    ).toMatchObject({
      approvalReminderIntervalSeconds: 60,
    });
  });

  it('refuses checklist reminder offsets that overflow, and more of them than anyone needs', () => {
    expectRefused(
      { ...sample(), timing: { checklistReminderOffsetsSeconds: [MAX_SAFE_SECONDS] } },
      'timing.checklistReminderOffsetsSeconds.0',
    );
    expectRefused(
      {
        ...sample(),
        timing: { checklistReminderOffsetsSeconds: Array.from({ length: 50 }, (_, i) => 60 + i) },
      },
      'timing.checklistReminderOffsetsSeconds',
    );
  });

  it('refuses a roster member whose id, name or email the notification outbox cannot carry', () => {
    const member = { id: 'ops@example.com', name: '陈静', email: 'ops@example.com' };
    const withMember = (m: Record<string, unknown>) => ({ ...sample(), team: { room_operator: [m] } });
    expectRefused(withMember({ ...member, id: 'x'.repeat(201) }), 'team.room_operator.0.id');
    expectRefused(withMember({ ...member, id: 'x'.repeat(101) }), 'team.room_operator.0.id');
    expectRefused(withMember({ ...member, name: '名'.repeat(101) }), 'team.room_operator.0.name');
    expectRefused(
      withMember({ ...member, email: `${'a'.repeat(250)}@example.com` }),
      'team.room_operator.0.email',
    );
    expect(
      parseStreamPlan(withMember({ ...member, id: 'x'.repeat(100) })).team.room_operator[0]?.id,
    ).toHaveLength(100);
  });

  it('refuses an owner longer than a person field of a notification', () => {
    expectRefused({ ...sample(), owner: 'o'.repeat(101) }, 'owner');
  });

  it('bounds list lengths: roster, products, script, interactions, checklist', () => {
    const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
    expectRefused(
      { ...sample(), team: { reviewer: many(51, (i) => ({ id: `r${i}@example.com`, name: `r${i}` })) } },
      'team.reviewer',
    );
    expectRefused(
      { ...sample(), checklist: many(51, (i) => ({ id: `c${i}`, label: `item ${i}` })) },
      'checklist',
    );
    expectRefused(
      {
        ...sample(),
        products: many(201, (i) => ({ sku: `S${i}`, name: `p${i}`, price: 1, stock: 1 })),
        script: [],
      },
      'products',
    );
  });

  it('bounds numbers and strings of products, script and interactions', () => {
    const plan = sample();
    const product = plan.products![0]!;
    expectRefused({ ...plan, products: [{ ...product, price: Number.MAX_VALUE }] }, 'products.0.price');
    expectRefused({ ...plan, products: [{ ...product, stock: MAX_SAFE_SECONDS }] }, 'products.0.stock');
    expectRefused({ ...plan, products: [{ ...product, sku: 'S'.repeat(65) }] }, 'products.0.sku');
    const segment = plan.script![0]!;
    expectRefused(
      { ...plan, script: [{ ...segment, plannedMinutes: MAX_SAFE_SECONDS }] },
      'script.0.plannedMinutes',
    );
    expectRefused(
      { ...plan, interactions: [{ kind: 'red_packet_rain', offsetMinutes: MAX_SAFE_SECONDS, budget: 1 }] },
      'interactions.0.offsetMinutes',
    );
    expectRefused({ ...plan, targets: { gmv: Number.MAX_VALUE } }, 'targets.gmv');
  });

  it('still accepts the sample plan and the defaults', () => {
    expect(parseStreamPlan(sample()).timing.approvalReminderIntervalSeconds).toBe(3600);
  });
});

describe("a script's bounds: the same for the plan's script and every revision submitted later", () => {
  /** Half a minute, a day, a hundred segments: what a run of show may plan (plan.constants.ts, SCRIPT_BOUNDS). */
  const MINUTES = { min: 0.5, max: 24 * 60 };
  const SEGMENTS_MAX = 100;
  const planWith = (plannedMinutes: number, segments = 1): TStreamPlanInput => ({
    ...sample(),
    script: Array.from({ length: segments }, (_, i) => ({
      id: `s${i}`,
      kind: 'qa' as const,
      text: '有问题评论区留言',
      plannedMinutes,
    })),
  });
  const resubmit = (plan: TStreamPlanInput) =>
    checkInputSpec(submitScript.input, { baseRevision: 1, segments: plan.script });
  const issueAt = (issues: readonly TInputIssue[], path: string) =>
    issues.find((issue) => issue.path.join('.') === path);

  it('a plan at the bounds is accepted, and its script resubmitted unchanged is too', () => {
    for (const plan of [planWith(MINUTES.min), planWith(MINUTES.max), planWith(5, SEGMENTS_MAX)]) {
      const parsed = parseStreamPlan(plan);
      expect(resubmit(parsed)).toMatchObject({ ok: true, value: { segments: parsed.script } });
    }
  });

  it.each([
    ['under', MINUTES.min - 0.1, `At least ${MINUTES.min}`],
    ['over', MINUTES.max + 1, `At most ${MINUTES.max}`],
  ])('a segment %s its minutes is refused by both, in the same words', (_, minutes, words) => {
    const plan = planWith(minutes);
    const planIssues = (refusal(plan).details as { issues: TInputIssue[] }).issues;
    expect(issueAt(planIssues, 'script.0.plannedMinutes')?.message).toBe(words);
    const action = resubmit(plan);
    expect(action.ok).toBe(false);
    expect(issueAt(action.ok ? [] : action.issues, 'segments.0.plannedMinutes')?.message).toBe(words);
  });

  it('a script of more segments than a revision holds is refused by both', () => {
    expectRefused(planWith(5, SEGMENTS_MAX + 1), 'script');
    expect(resubmit(planWith(5, SEGMENTS_MAX + 1)).ok).toBe(false);
  });
});
