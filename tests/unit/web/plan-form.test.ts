import { ZStreamPlanSchema } from '../../../domain/stream/plan.types';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';
import { fieldErrors, lineupIssues } from '../../../api/web/plan-editor/field-errors';
import { formFromPlan, parseMemberLine, planInputFromForm } from '../../../api/web/plan-editor/plan-form';
import { translator } from '../../../api/web/i18n';
import { fromLocalInputValue, toLocalInputValue } from '../../../api/web/widgets/zoned-datetime';

const actor = { id: 'planner@example.com', name: '策划', roles: ['operator' as const] };
const sample = buildSamplePlan({ scheduledStart: '2026-12-01T12:00:00Z', owner: actor.id });

describe('the plan editor form', () => {
  it('gives back the plan it was filled from (start in the zone, targets, lineup, script, team)', () => {
    const values = formFromPlan(sample, {}, 'standard');
    expect(values.start).toBe('2026-12-01T20:00');
    const parsed = ZStreamPlanSchema.parse(planInputFromForm(values, actor));
    expect(Date.parse(parsed.scheduledStart)).toBe(Date.parse(sample.scheduledStart));
    expect(parsed.products).toEqual(sample.products);
    expect(parsed.script).toEqual(sample.script);
    expect(parsed.team).toEqual(sample.team);
    expect(parsed.targets).toEqual(sample.targets);
    expect(parsed.platforms).toEqual(sample.platforms);
  });

  it('reads the start as a wall clock of the chosen zone', () => {
    const values = {
      ...formFromPlan(sample, {}, 'standard'),
      timeZone: 'America/New_York',
      start: '2026-07-04T09:30',
    };
    expect(planInputFromForm(values, actor).scheduledStart).toBe('2026-07-04T13:30:00.000Z');
    expect(toLocalInputValue('2026-07-04T13:30:00Z', 'America/New_York')).toBe('2026-07-04T09:30');
    expect(fromLocalInputValue('not a time', 'Asia/Shanghai')).toBeUndefined();
  });

  it('leaves blank rows out and names roster members from "Name <email>" lines', () => {
    const values = { ...formFromPlan(sample, {}, 'standard'), productRows: '3', segmentRows: '6' };
    const input = planInputFromForm(values, actor) as { products: unknown[]; script: unknown[] };
    expect(input.products).toHaveLength(1);
    expect(input.script).toHaveLength(4);
    expect(parseMemberLine('王审 <Reviewer@Example.com>')).toEqual({
      id: 'Reviewer@Example.com',
      name: '王审',
      email: 'Reviewer@Example.com',
    });
    expect(parseMemberLine('林小雅')).toEqual({ id: '林小雅', name: '林小雅' });
  });

  it("puts each error beside its field, in the reader's language", () => {
    const values = {
      ...formFromPlan(sample, {}, 'standard'),
      title: '',
      product_0_price: '-1',
      segment_1_productSku: 'NOPE',
      team_reviewer: '王审 <not-an-email>',
      segment_3_plannedMinutes: 'soon',
    };
    const result = ZStreamPlanSchema.safeParse(planInputFromForm(values, actor));
    expect(result.success).toBe(false);
    // zod leaves the lineup cross-check out while other fields fail; the editor adds it from the form's rows.
    const issues = [...result.error!.issues, ...lineupIssues(planInputFromForm(values, actor))];
    const zh = fieldErrors(translator('zh-CN'), issues, values);
    expect(Object.fromEntries(zh)).toEqual({
      title: '必填',
      product_0_price: '不能小于 0',
      segment_1_productSku: '货盘里没有这个 SKU',
      team_reviewer: '邮箱格式不正确',
      segment_3_plannedMinutes: '请填写数字',
    });
    const en = fieldErrors(translator('en'), issues, values);
    expect(en.get('title')).toBe('Required');
  });

  it('names a script line whose product is not in the lineup when it is the only mistake', () => {
    const values = { ...formFromPlan(sample, {}, 'standard'), segment_1_productSku: 'NOPE' };
    const result = ZStreamPlanSchema.safeParse(planInputFromForm(values, actor));
    expect(result.success).toBe(false);
    expect(Object.fromEntries(fieldErrors(translator('zh-CN'), result.error!.issues, values))).toEqual({
      segment_1_productSku: '货盘里没有这个 SKU',
    });
    expect(fieldErrors(translator('en'), result.error!.issues, values).get('segment_1_productSku')).toBe(
      'No product with this SKU in the lineup',
    );
  });
});
