import { spec } from '../../engine/input-spec';
import { sameActorId } from '../../shared/actor.types';
import { DomainError } from '../../shared/errors';
import { SCRIPT_DECISIONS } from '../events.types';
import { SCRIPT_BOUNDS, STREAM_ROLES } from '../plan.constants';
import {
  currentRevision,
  defineStreamAction,
  forbidSelfApproval,
  MANAGER,
  reasonSpec,
  segmentSpec,
} from './define';

/** Revisions a stream keeps; more means the script is being written in the approval queue, not before it. */
export const MAX_SCRIPT_REVISIONS = 50;

export const submitScript = defineStreamAction({
  name: 'submit-script',
  summary: 'Submit a script revision (scanned, then reviewed)',
  input: spec.object({
    /** The revision the author edited (0 for the first); a newer one in the meantime makes this one stale. */
    baseRevision: spec.int(0, MAX_SCRIPT_REVISIONS),
    segments: spec.list(segmentSpec, { min: 1, max: SCRIPT_BOUNDS.segmentsMax }),
  }),
  phases: ['draft', 'compliance', 'preheat', 'blocked'],
  who: [{ owner: true }, { roster: STREAM_ROLES, appRole: 'operator' }, MANAGER],
  check(state, input) {
    if (input.baseRevision !== state.script.currentRevision)
      throw new DomainError(
        'STALE_REVISION',
        `Edited r${input.baseRevision}, but the current script is r${state.script.currentRevision}`,
      );
    if (state.script.currentRevision >= MAX_SCRIPT_REVISIONS)
      throw new DomainError(
        'INVALID_STATE',
        `A stream keeps at most ${MAX_SCRIPT_REVISIONS} script revisions`,
      );
    const ids = input.segments.map((segment) => segment.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined) throw new DomainError('INVALID_INPUT', `Duplicate segment id ${duplicate}`);
    for (const segment of input.segments) {
      if (segment.productSku === undefined) continue;
      const product = state.products[segment.productSku];
      if (product === undefined)
        throw new DomainError(
          'INVALID_INPUT',
          `Segment ${segment.id} names unknown product ${segment.productSku}`,
        );
      if (product.dropped)
        throw new DomainError(
          'INVALID_INPUT',
          `Segment ${segment.id} pitches dropped product ${segment.productSku}`,
        );
    }
  },
  events: (state, input, actor) => [
    {
      type: 'ScriptSubmitted',
      revision: state.script.currentRevision + 1,
      segments: input.segments,
      submittedBy: actor.id,
    },
  ],
  form: 'script-editor',
  prefill: (state) => ({ baseRevision: state.script.currentRevision }),
  hiddenFields: ['baseRevision'],
  settles: ['script_revision'],
});

export const decideScript = defineStreamAction({
  name: 'decide-script',
  summary: 'Approve or reject a script revision (a reviewer on the stream, never on their own submission)',
  input: spec.object({
    /** Decisions name the revision they judge, so nobody approves text they have not seen. */
    revision: spec.int(1, 1000),
    decision: spec.oneOf(SCRIPT_DECISIONS),
    reasons: spec.withDefault(spec.list(spec.text({ max: 2000 }), { max: 50 }), []),
    acceptedFindingIds: spec.withDefault(spec.list(spec.text({ max: 300 }), { max: 1000 }), []),
  }),
  phases: ['compliance', 'blocked'],
  who: [{ roster: ['reviewer'], appRole: 'reviewer' }],
  check(state, input, actor) {
    const revision = state.script.revisions.find((r) => r.revision === input.revision);
    if (revision === undefined)
      throw new DomainError('NOT_FOUND', `Script revision r${input.revision} does not exist`);
    if (input.revision !== state.script.currentRevision)
      throw new DomainError(
        'STALE_REVISION',
        `r${input.revision} was superseded by r${state.script.currentRevision}`,
      );
    if (revision.decision !== undefined)
      throw new DomainError(
        'ALREADY_DECIDED',
        `r${input.revision} was already ${revision.decision.decision} by ${revision.decision.decidedBy}`,
      );
    forbidSelfApproval(actor, revision.submittedBy, `script r${input.revision}`);
    if (revision.findings === undefined)
      throw new DomainError('INVALID_STATE', `r${input.revision} has not been scanned yet`);
    const findingIds = revision.findings.map((finding) => finding.id);
    const unknown = input.acceptedFindingIds.filter((id) => !findingIds.includes(id));
    if (unknown.length > 0)
      throw new DomainError('INVALID_INPUT', `Unknown finding ids: ${unknown.join(', ')}`);
    if (input.decision === 'approved' && findingIds.length > 0)
      throw new DomainError(
        'INVALID_INPUT',
        `r${input.revision} has ${findingIds.length} findings: accept each (approved_with_findings) or reject`,
      );
    if (input.decision === 'approved_with_findings') {
      if (findingIds.length === 0)
        throw new DomainError('INVALID_INPUT', 'No findings to accept: use approved');
      if ((revision.findingsTruncated ?? 0) > 0)
        throw new DomainError('INVALID_INPUT', 'Too many findings to accept one by one: reject and revise');
      const open = findingIds.filter((id) => !input.acceptedFindingIds.includes(id));
      // Approving with a finding nobody looked at would let a banned term through by omission.
      if (open.length > 0)
        throw new DomainError(
          'INVALID_INPUT',
          `Findings not accepted: ${open.join(', ')}; accept each or reject`,
        );
    }
    if (input.decision !== 'approved' && input.reasons.length === 0)
      throw new DomainError(
        'INVALID_INPUT',
        `A ${input.decision} decision needs at least one reason (it goes into the audit log)`,
      );
  },
  available(state, actor) {
    const current = currentRevision(state);
    return (
      current !== undefined &&
      current.decision === undefined &&
      current.findings !== undefined &&
      !sameActorId(actor.id, current.submittedBy)
    );
  },
  // The rule pack version travels with the decision: an auditor knows which rules the reviewer judged against.
  events: (state, input) => {
    const packVersion = state.script.revisions.find((r) => r.revision === input.revision)?.packVersion;
    return [{ type: 'ScriptDecided', ...input, ...(packVersion === undefined ? {} : { packVersion }) }];
  },
  form: 'script-decision',
  prefill: (state) => ({ revision: state.script.currentRevision }),
  hiddenFields: ['revision'],
  settles: ['script'],
});

export const decideProduct = defineStreamAction({
  name: 'decide-product',
  summary:
    "Approve or reject a product's qualification documents (a reviewer on the stream, not the plan's owner)",
  input: spec.object({
    sku: spec.text({ max: 64 }),
    decision: spec.oneOf(['approved', 'rejected']),
    reason: spec.withDefault(spec.text({ min: 0, max: 2000, multiline: true }), ''),
  }),
  phases: ['compliance', 'blocked'],
  who: [{ roster: ['reviewer'], appRole: 'reviewer' }],
  check(state, input, actor) {
    const product = state.products[input.sku];
    if (product === undefined)
      throw new DomainError('NOT_FOUND', `Product ${input.sku} is not in the lineup`);
    if (product.dropped) throw new DomainError('INVALID_STATE', `Product ${input.sku} was dropped`);
    if (product.decision !== undefined)
      throw new DomainError(
        'ALREADY_DECIDED',
        `Product ${input.sku} was already ${product.decision.decision} by ${product.decision.decidedBy}`,
      );
    // The plan's owner answers for the lineup, and whoever put this product in it (or supplied its documents) is its
    // submitter: neither decides it.
    forbidSelfApproval(actor, state.plan.owner, `the lineup (product ${input.sku})`);
    forbidSelfApproval(actor, product.submittedBy, `product ${input.sku}`);
    if (product.problems === undefined)
      throw new DomainError('INVALID_STATE', `Documents of ${input.sku} have not been checked yet`);
    if (input.decision === 'approved' && product.problems.length > 0)
      throw new DomainError(
        'INVALID_STATE',
        `Product ${input.sku} cannot be approved with document problems: ${product.problems.map((p) => p.detail).join('; ')}`,
      );
    if (input.decision === 'rejected' && input.reason === '')
      throw new DomainError('INVALID_INPUT', 'A rejection needs a reason');
  },
  available: (state, actor) =>
    !sameActorId(actor.id, state.plan.owner) &&
    Object.values(state.products).some(
      (p) =>
        !p.dropped &&
        p.decision === undefined &&
        p.problems !== undefined &&
        (p.submittedBy === undefined || !sameActorId(actor.id, p.submittedBy)),
    ),
  events: (_state, input) => [{ type: 'ProductDecided', ...input }],
  form: 'product-decisions',
  settles: ['product'],
});

export const assignReviewer = defineStreamAction({
  name: 'assign-reviewer',
  summary:
    "Add a reviewer to this stream's gates (a manager: the roster's reviewers are away, or an escalation waits)",
  input: spec.object({
    /** The person's login (email): they decide with their own reviewer role. */
    id: spec.text({ max: 100 }),
    name: spec.text({ max: 100 }),
    reason: reasonSpec,
  }),
  phases: ['draft', 'compliance', 'preheat', 'blocked'],
  who: [MANAGER],
  check(state, input) {
    if (sameActorId(input.id, state.plan.owner))
      throw new DomainError('SELF_APPROVAL', `${input.id} owns the plan and cannot review its gates`);
  },
  events: (_state, input) => [
    {
      type: 'ReviewerAssigned',
      member: { id: input.id, name: input.name, ...(input.id.includes('@') ? { email: input.id } : {}) },
      reason: input.reason,
    },
  ],
  form: 'fields',
  settles: ['script', 'product'],
});
