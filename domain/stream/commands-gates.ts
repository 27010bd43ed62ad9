import type { TActor } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/parse-input';
import { forbidSelfApproval } from './command-guards';
import { ACTION_PERMITS } from './action-permits';
import * as inputs from './commands.types';
import type { TStreamState } from './state.types';

/** Validators for the compliance gates and the pre-live checklist (see commands.ts). */
export function validateSubmitScript(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TSubmitScriptInput {
  const parsed = parseInput(inputs.ZSubmitScriptInputSchema, input, 'script submission');
  ACTION_PERMITS['submit-script'](state, actor);
  if (parsed.baseRevision !== state.script.currentRevision)
    throw new DomainError(
      'STALE_REVISION',
      `Edited r${parsed.baseRevision}, but the current script is r${state.script.currentRevision}`,
    );
  const ids = parsed.segments.map((segment) => segment.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) throw new DomainError('INVALID_INPUT', `Duplicate segment id ${duplicate}`);
  for (const segment of parsed.segments) {
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
  return parsed;
}

export function validateDecideScript(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TDecideScriptInput {
  const parsed = parseInput(inputs.ZDecideScriptInputSchema, input, 'script decision');
  ACTION_PERMITS['decide-script'](state, actor);
  const revision = state.script.revisions.find((r) => r.revision === parsed.revision);
  if (revision === undefined)
    throw new DomainError('NOT_FOUND', `Script revision r${parsed.revision} does not exist`);
  if (parsed.revision !== state.script.currentRevision)
    throw new DomainError(
      'STALE_REVISION',
      `r${parsed.revision} was superseded by r${state.script.currentRevision}`,
    );
  if (revision.decision !== undefined)
    throw new DomainError(
      'ALREADY_DECIDED',
      `r${parsed.revision} was already ${revision.decision.decision} by ${revision.decision.decidedBy}`,
    );
  forbidSelfApproval(actor, revision.submittedBy, `script r${parsed.revision}`);
  if (revision.findings === undefined)
    throw new DomainError('INVALID_STATE', `r${parsed.revision} has not been scanned yet`);

  const findingIds = revision.findings.map((finding) => finding.id);
  const unknown = parsed.acceptedFindingIds.filter((id) => !findingIds.includes(id));
  if (unknown.length > 0)
    throw new DomainError('INVALID_INPUT', `Unknown finding ids: ${unknown.join(', ')}`);
  if (parsed.decision === 'approved' && findingIds.length > 0)
    throw new DomainError(
      'INVALID_INPUT',
      `r${parsed.revision} has ${findingIds.length} findings: accept each (approved_with_findings) or reject`,
    );
  if (parsed.decision === 'approved_with_findings') {
    if (findingIds.length === 0)
      throw new DomainError('INVALID_INPUT', 'No findings to accept: use approved');
    const open = findingIds.filter((id) => !parsed.acceptedFindingIds.includes(id));
    // Approving with a finding nobody looked at would let a banned term through by omission.
    if (open.length > 0)
      throw new DomainError(
        'INVALID_INPUT',
        `Findings not accepted: ${open.join(', ')}; accept each or reject`,
      );
  }
  if (parsed.decision !== 'approved' && parsed.reasons.length === 0)
    throw new DomainError(
      'INVALID_INPUT',
      `A ${parsed.decision} decision needs at least one reason (it goes into the audit log)`,
    );
  return parsed;
}

export function validateDecideProduct(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TDecideProductInput {
  const parsed = parseInput(inputs.ZDecideProductInputSchema, input, 'product decision');
  ACTION_PERMITS['decide-product'](state, actor);
  const product = state.products[parsed.sku];
  if (product === undefined) throw new DomainError('NOT_FOUND', `Product ${parsed.sku} is not in the lineup`);
  if (product.dropped) throw new DomainError('INVALID_STATE', `Product ${parsed.sku} was dropped`);
  if (product.decision !== undefined)
    throw new DomainError(
      'ALREADY_DECIDED',
      `Product ${parsed.sku} was already ${product.decision.decision} by ${product.decision.decidedBy}`,
    );
  // The plan owner put the lineup together, so they are its submitter.
  forbidSelfApproval(actor, state.plan.owner, `the lineup (product ${parsed.sku})`);
  if (product.problems === undefined)
    throw new DomainError('INVALID_STATE', `Documents of ${parsed.sku} have not been checked yet`);
  if (parsed.decision === 'approved' && product.problems.length > 0)
    throw new DomainError(
      'INVALID_STATE',
      `Product ${parsed.sku} cannot be approved with document problems: ${product.problems.map((p) => p.detail).join('; ')}`,
    );
  if (parsed.decision === 'rejected' && parsed.reason === '')
    throw new DomainError('INVALID_INPUT', 'A rejection needs a reason');
  return parsed;
}

export function validateSignChecklist(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TSignChecklistInput {
  const parsed = parseInput(inputs.ZSignChecklistInputSchema, input, 'checklist');
  ACTION_PERMITS['sign-checklist'](state, actor);
  if (state.checklist.signedAt !== undefined)
    throw new DomainError(
      'ALREADY_DECIDED',
      `The checklist was signed by ${state.checklist.signedBy} at ${state.checklist.signedAt}`,
    );
  const required = state.plan.checklist.map((item) => item.id);
  const unknown = parsed.items.filter((id) => !required.includes(id));
  if (unknown.length > 0)
    throw new DomainError('INVALID_INPUT', `Unknown checklist items: ${unknown.join(', ')}`);
  const missing = required.filter((id) => !parsed.items.includes(id));
  if (missing.length > 0)
    throw new DomainError('INVALID_INPUT', `Every item must be confirmed; missing: ${missing.join(', ')}`);
  return parsed;
}
