import { isBefore } from '../../../domain/shared/time';

export function earliestOf(instants: ReadonlyArray<string | undefined>): string | undefined {
  return instants
    .filter((i): i is string => i !== undefined)
    .reduce<string | undefined>((a, b) => (a === undefined || isBefore(b, a) ? b : a), undefined);
}
