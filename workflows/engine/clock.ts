// Inside the workflow sandbox Date is the deterministic workflow clock (it replays identically), so reading it here is
// safe; the lint rule against Date.now guards the rest of workflows/ and domain/ from reaching for it casually.
/* eslint-disable no-restricted-properties */

export function nowMs(): number {
  return Date.now();
}

export function nowIso(): string {
  return new Date(Date.now()).toISOString();
}
