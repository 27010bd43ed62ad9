/**
 * Validators for human actions, shared by Workflow Update validators (a refusal leaves no history) and the API.
 * Each parses its input (zod schemas in commands.types.ts), throws a DomainError when the action is not allowed in
 * the current state or for this actor, and returns the parsed input.
 */
export type { TCommandContext } from './command-context';
export * from './commands-gates';
export * from './commands-live';
