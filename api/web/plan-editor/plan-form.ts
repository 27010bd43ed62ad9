import { PRODUCT_CATEGORIES } from '../../../domain/compliance/product-categories';
import type { TActor } from '../../../domain/shared/actor.types';
import { PLATFORMS, SEGMENT_KINDS, STREAM_ROLES } from '../../../domain/stream/plan.constants';
import type { TStreamPlan, TTeamMember, TTeamRoster } from '../../../domain/stream/plan.types';
import { DEMO_TIMING } from '../create-stream';
import { fromLocalInputValue, toLocalInputValue } from '../widgets/zoned-datetime';

/**
 * The plan editor's form as flat fields (product_0_sku, segment_2_text, team_reviewer, target_gmv...), so a plan can be
 * typed without JavaScript, re-shown with what was typed after a refusal, and its errors put next to the right field.
 */
export type TPlanFormValues = Record<string, string | string[]>;

export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'category',
  'price',
  'stock',
  'onReject',
  'qi_issuer',
  'qi_number',
  'qi_expires',
  'tr_issuer',
  'tr_number',
  'tr_expires',
] as const;
export const SEGMENT_FIELDS = ['id', 'kind', 'productSku', 'plannedMinutes', 'text'] as const;
export const TARGET_FIELDS = ['viewers', 'peakConcurrent', 'gmv', 'conversionPct', 'newFollowers'] as const;
/** Zones a team picks from; the plan accepts any IANA zone (the JSON form takes others). */
export const PLAN_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;
export { PLATFORMS, PRODUCT_CATEGORIES, SEGMENT_KINDS, STREAM_ROLES };

const ROW_MAX = 50;

export const text = (values: TPlanFormValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).trim();
};
const list = (values: TPlanFormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
};
/** A number field: empty is "not given"; anything else goes to the schema as typed (it says what is wrong). */
const number = (values: TPlanFormValues, name: string): number | undefined => {
  const raw = text(values, name);
  return raw === '' ? undefined : Number(raw);
};
const rows = (values: TPlanFormValues, name: string, fallback: number) =>
  Math.min(ROW_MAX, Math.max(1, Number(text(values, name)) || fallback));

export const productRows = (values: TPlanFormValues) => rows(values, 'productRows', 2);
export const segmentRows = (values: TPlanFormValues) => rows(values, 'segmentRows', 4);

/** "林小雅 <host@example.com>", or an email, or a name: one roster member per line. */
export function parseMemberLine(line: string): TTeamMember {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(line.trim());
  if (match) {
    const email = match[2]!.trim();
    return { id: email, name: match[1]!.trim() || email, email };
  }
  const single = line.trim();
  return single.includes('@') ? { id: single, name: single, email: single } : { id: single, name: single };
}

export const memberLine = (m: TTeamMember) => (m.email ? `${m.name} <${m.email}>` : m.name);

const isBlank = (values: TPlanFormValues, prefix: string, fields: readonly string[], except: string[] = []) =>
  fields.filter((f) => !except.includes(f)).every((f) => text(values, `${prefix}_${f}`) === '');

function document(values: TPlanFormValues, prefix: string, doc: 'qi' | 'tr') {
  const issuer = text(values, `${prefix}_${doc}_issuer`);
  const numberText = text(values, `${prefix}_${doc}_number`);
  const expiresOn = text(values, `${prefix}_${doc}_expires`);
  return issuer === '' && numberText === '' && expiresOn === ''
    ? undefined
    : { issuer, number: numberText, expiresOn };
}

/**
 * The typed form as a plan input for ZStreamPlanSchema (which judges it, as it does the API's). Blank rows are left
 * out; the start is read as a wall-clock time in the plan's own zone.
 */
export function planInputFromForm(values: TPlanFormValues, actor: TActor): Record<string, unknown> {
  const timeZone = text(values, 'timeZone') || 'Asia/Shanghai';
  const products = Array.from({ length: productRows(values) }, (_, i) => `product_${i}`)
    .filter((p) => !isBlank(values, p, PRODUCT_FIELDS, ['category', 'onReject']))
    .map((p) => {
      const qualityInspection = document(values, p, 'qi');
      const traceability = document(values, p, 'tr');
      return {
        sku: text(values, `${p}_sku`),
        name: text(values, `${p}_name`),
        category: text(values, `${p}_category`) || 'other',
        price: number(values, `${p}_price`),
        stock: number(values, `${p}_stock`),
        onReject: text(values, `${p}_onReject`) || 'drop',
        documents: {
          ...(qualityInspection ? { qualityInspection } : {}),
          ...(traceability ? { traceability } : {}),
        },
      };
    });
  const script = Array.from({ length: segmentRows(values) }, (_, i) => i)
    .filter((i) => !isBlank(values, `segment_${i}`, SEGMENT_FIELDS, ['kind']))
    .map((i) => {
      const s = `segment_${i}`;
      const productSku = text(values, `${s}_productSku`);
      return {
        id: text(values, `${s}_id`) || `s${i + 1}`,
        kind: text(values, `${s}_kind`),
        ...(productSku === '' ? {} : { productSku }),
        plannedMinutes: number(values, `${s}_plannedMinutes`),
        text: text(values, `${s}_text`),
      };
    });
  const team = Object.fromEntries(
    STREAM_ROLES.map((role) => [
      role,
      text(values, `team_${role}`)
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map(parseMemberLine),
    ]),
  );
  const targets = Object.fromEntries(
    TARGET_FIELDS.flatMap((name) => {
      const value = number(values, `target_${name}`);
      if (value === undefined) return [];
      // People think in percent; the plan keeps a ratio so KPI math needs no unit guessing.
      return name === 'conversionPct' ? [['conversionRate', value / 100]] : [[name, value]];
    }),
  );
  const start = text(values, 'start');
  const theme = text(values, 'theme');
  return {
    title: text(values, 'title'),
    ...(theme === '' ? {} : { theme }),
    platforms: list(values, 'platforms'),
    scheduledStart: start === '' ? '' : (fromLocalInputValue(start, timeZone) ?? start),
    timeZone,
    plannedDurationMinutes: number(values, 'durationMinutes'),
    owner: actor.id,
    team,
    products,
    script,
    targets,
    ...(text(values, 'timing') === 'demo' ? { timing: DEMO_TIMING } : {}),
  };
}

/** A plan (the sample, or one typed before) as form values, for the editor's first showing. */
export function formFromPlan(
  plan: TStreamPlan,
  team: Partial<TTeamRoster>,
  timing: 'demo' | 'standard',
): TPlanFormValues {
  const values: TPlanFormValues = {
    title: plan.title,
    theme: plan.theme ?? '',
    platforms: [...plan.platforms],
    timeZone: plan.timeZone,
    start: toLocalInputValue(plan.scheduledStart, plan.timeZone),
    durationMinutes: String(plan.plannedDurationMinutes),
    timing,
    productRows: String(plan.products.length + 1),
    segmentRows: String(plan.script.length + 1),
  };
  for (const role of STREAM_ROLES)
    values[`team_${role}`] = (team[role] ?? plan.team[role]).map(memberLine).join('\n');
  plan.products.forEach((p, i) => {
    const q = p.documents.qualityInspection;
    const tr = p.documents.traceability;
    Object.assign(values, {
      [`product_${i}_sku`]: p.sku,
      [`product_${i}_name`]: p.name,
      [`product_${i}_category`]: p.category,
      [`product_${i}_price`]: String(p.price),
      [`product_${i}_stock`]: String(p.stock),
      [`product_${i}_onReject`]: p.onReject,
      [`product_${i}_qi_issuer`]: q?.issuer ?? '',
      [`product_${i}_qi_number`]: q?.number ?? '',
      [`product_${i}_qi_expires`]: q?.expiresOn ?? '',
      [`product_${i}_tr_issuer`]: tr?.issuer ?? '',
      [`product_${i}_tr_number`]: tr?.number ?? '',
      [`product_${i}_tr_expires`]: tr?.expiresOn ?? '',
    });
  });
  plan.script.forEach((s, i) => {
    Object.assign(values, {
      [`segment_${i}_id`]: s.id,
      [`segment_${i}_kind`]: s.kind,
      [`segment_${i}_productSku`]: s.productSku ?? '',
      [`segment_${i}_plannedMinutes`]: String(s.plannedMinutes),
      [`segment_${i}_text`]: s.text,
    });
  });
  const t = plan.targets;
  Object.assign(values, {
    target_viewers: t.viewers === undefined ? '' : String(t.viewers),
    target_peakConcurrent: t.peakConcurrent === undefined ? '' : String(t.peakConcurrent),
    target_gmv: t.gmv === undefined ? '' : String(t.gmv),
    target_conversionPct:
      t.conversionRate === undefined ? '' : String(Math.round(t.conversionRate * 10000) / 100),
    target_newFollowers: t.newFollowers === undefined ? '' : String(t.newFollowers),
  });
  return values;
}

/** The form field a plan issue belongs to (zod path -> field name), so its message sits next to that field. */
export function fieldOfPath(path: ReadonlyArray<string | number>, form: TPlanFormValues): string {
  const [head, index, field, sub] = path;
  if (head === 'scheduledStart') return 'start';
  if (head === 'plannedDurationMinutes') return 'durationMinutes';
  if (head === 'targets') return `target_${index === 'conversionRate' ? 'conversionPct' : String(index)}`;
  if (head === 'team') return `team_${String(index)}`;
  if (head === 'products' && typeof index === 'number') {
    const row = nonBlankRow(form, 'product', index, productRows(form), PRODUCT_FIELDS, [
      'category',
      'onReject',
    ]);
    if (field === 'documents' && typeof sub === 'string') {
      const doc = sub === 'traceability' ? 'tr' : 'qi';
      const part = path[4] === 'expiresOn' ? 'expires' : path[4] === 'number' ? 'number' : 'issuer';
      return `product_${row}_${doc}_${part}`;
    }
    return `product_${row}_${String(field ?? 'sku')}`;
  }
  if (head === 'script' && typeof index === 'number') {
    const row = nonBlankRow(form, 'segment', index, segmentRows(form), SEGMENT_FIELDS, ['kind']);
    return `segment_${row}_${String(field ?? 'text')}`;
  }
  return String(head ?? 'title');
}

/** The form row of the n-th plan entry: blank rows are skipped when the plan is built. */
function nonBlankRow(
  form: TPlanFormValues,
  prefix: string,
  n: number,
  count: number,
  fields: readonly string[],
  except: string[],
): number {
  const filled = Array.from({ length: count }, (_, i) => i).filter(
    (i) => !isBlank(form, `${prefix}_${i}`, fields, except),
  );
  return filled[n] ?? n;
}
