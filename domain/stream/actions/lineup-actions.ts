import { PRODUCT_CATEGORIES } from '../../compliance/product-categories';
import { spec } from '../../engine/input-spec';
import { DomainError } from '../../shared/errors';
import { isDateOnly } from '../../shared/time';
import { PRODUCT_DOCUMENT_KINDS, STREAM_ROLES } from '../plan.constants';
import { defineStreamAction, MANAGER, reasonSpec } from './define';

/** Who keeps a lineup right before the live: the plan's owner, the team's operators, a manager. */
const LINEUP_KEEPERS = [{ owner: true }, { roster: STREAM_ROLES, appRole: 'operator' }, MANAGER] as const;
const BEFORE_LIVE = ['draft', 'compliance', 'preheat', 'blocked'] as const;

const documentSpec = spec.object({
  issuer: spec.text({ min: 0, max: 200 }),
  number: spec.text({ min: 0, max: 200 }),
  /** Last valid day, YYYY-MM-DD in the stream's zone. */
  expiresOn: spec.text({ max: 10 }),
});

export const replaceDocument = defineStreamAction({
  name: 'replace-document',
  summary:
    "Replace a product's document (expired, missing or wrong): the product is checked and decided again",
  input: spec.object({
    sku: spec.text({ max: 64 }),
    document: spec.oneOf(PRODUCT_DOCUMENT_KINDS),
    issuer: spec.text({ max: 200 }),
    number: spec.text({ max: 200 }),
    expiresOn: spec.text({ max: 10 }),
  }),
  phases: BEFORE_LIVE,
  who: LINEUP_KEEPERS,
  check(state, input) {
    const product = state.products[input.sku];
    if (product === undefined)
      throw new DomainError('NOT_FOUND', `Product ${input.sku} is not in the lineup`);
    if (product.dropped) throw new DomainError('INVALID_STATE', `Product ${input.sku} was dropped`);
    if (!isDateOnly(input.expiresOn))
      throw new DomainError(
        'INVALID_INPUT',
        `expiresOn: expected a calendar date YYYY-MM-DD, got ${input.expiresOn}`,
        {
          issues: [
            { path: ['expiresOn'], message: 'Expected a calendar date YYYY-MM-DD', code: 'invalid_format' },
          ],
        },
      );
  },
  available: (state) =>
    Object.values(state.products).some((p) => !p.dropped && (p.problems?.length ?? 0) > 0),
  events: (_state, input) => [
    {
      type: 'DocumentReplaced',
      sku: input.sku,
      document: input.document,
      replacement: { issuer: input.issuer, number: input.number, expiresOn: input.expiresOn },
    },
  ],
  form: 'fields',
});

export const addProduct = defineStreamAction({
  name: 'add-product',
  summary: 'Add a product to the lineup before the live: its documents are checked, a reviewer decides it',
  input: spec.object({
    sku: spec.text({ max: 64 }),
    name: spec.text({ max: 200 }),
    category: spec.oneOf(PRODUCT_CATEGORIES),
    price: spec.number(0, 1e12),
    referencePrice: spec.optional(spec.number(0, 1e12)),
    stock: spec.int(0, 1e9),
    onReject: spec.withDefault(spec.oneOf(['drop', 'block']), 'drop'),
    documents: spec.withDefault(
      spec.object({
        qualityInspection: spec.optional(documentSpec),
        traceability: spec.optional(documentSpec),
        healthFoodApproval: spec.optional(documentSpec),
        registration: spec.optional(documentSpec),
      }),
      {},
    ),
  }),
  phases: BEFORE_LIVE,
  who: LINEUP_KEEPERS,
  check(state, input) {
    if (state.products[input.sku] !== undefined)
      throw new DomainError('ALREADY_DECIDED', `Product ${input.sku} is already in the lineup`);
    if (state.plan.products.length >= 200)
      throw new DomainError('INVALID_STATE', 'A lineup holds at most 200 products');
  },
  events: (_state, input) => [{ type: 'ProductAdded', product: input }],
  // A whole product (documents included) is entered through the API or a plan editor, not a button on the page.
  form: 'none',
});

export const dropProduct = defineStreamAction({
  name: 'drop-product',
  summary:
    'Take a product out of the lineup before the live (a script that still pitches it must be revised)',
  input: spec.object({ sku: spec.text({ max: 64 }), reason: reasonSpec }),
  phases: BEFORE_LIVE,
  who: LINEUP_KEEPERS,
  check(state, input) {
    const product = state.products[input.sku];
    if (product === undefined)
      throw new DomainError('NOT_FOUND', `Product ${input.sku} is not in the lineup`);
    if (product.dropped) throw new DomainError('ALREADY_DECIDED', `Product ${input.sku} was dropped already`);
  },
  available: (state) => Object.values(state.products).filter((p) => !p.dropped).length > 1,
  events: (_state, input) => [{ type: 'ProductDropped', sku: input.sku, reason: input.reason }],
  form: 'fields',
});
