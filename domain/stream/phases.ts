/** The phases of one stream. Plain values (no schema library): workflows import this file. */
export const STREAM_PHASES = [
  'draft',
  'compliance',
  'preheat',
  'burst',
  'tail',
  'review',
  'completed',
  'blocked',
  'cancelled',
] as const;
export type TStreamPhase = (typeof STREAM_PHASES)[number];

/** The normal forward path; blocked and cancelled sit beside it. */
export const PHASE_ORDER: readonly TStreamPhase[] = [
  'draft',
  'compliance',
  'preheat',
  'burst',
  'tail',
  'review',
  'completed',
];

export const TERMINAL_PHASES: readonly TStreamPhase[] = ['completed', 'cancelled'];
/** Before going live: the script, lineup and start time may still change. */
export const PRE_LIVE_PHASES: readonly TStreamPhase[] = ['draft', 'compliance', 'preheat', 'blocked'];
/** Where the compliance gates are decided. */
export const GATE_PHASES: readonly TStreamPhase[] = ['compliance', 'blocked'];
/** Where a pause means something (see pause-policy.ts). */
export const PAUSABLE_PHASES: readonly TStreamPhase[] = ['compliance', 'preheat', 'burst', 'tail', 'review'];

export function nextPhase(phase: TStreamPhase): TStreamPhase | undefined {
  const index = PHASE_ORDER.indexOf(phase);
  return index < 0 ? undefined : PHASE_ORDER[index + 1];
}

export function isTerminalPhase(phase: TStreamPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}
