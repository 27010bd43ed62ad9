import { toEpochMs, toIsoUtc } from '../shared/time';
import { fromWallMs, toWallMs } from '../time/wall-clock';

/**
 * Moves instants by the wall-clock distance between two anchors, read in one zone: a plan whose preheat starts at
 * 10:00 three days before a 20:00 live keeps 10:00 three days before the new 20:00, even when a DST change lies between
 * the old dates and the new (an instant-based shift would put it at 09:00 or 11:00). The anchor itself lands exactly
 * on `toIso`.
 */
export function wallClockShift(fromIso: string, toIso: string, timeZone: string): (iso: string) => string {
  const fromMs = toEpochMs(fromIso);
  const toMs = toEpochMs(toIso);
  const deltaWallMs = toWallMs(toMs, timeZone) - toWallMs(fromMs, timeZone);
  return (iso) => {
    const epochMs = toEpochMs(iso);
    // Also when `toIso` is the later reading of a repeated (fall-back) hour, which the wall clock cannot tell apart.
    if (epochMs === fromMs) return toIsoUtc(toMs);
    return toIsoUtc(fromWallMs(toWallMs(epochMs, timeZone) + deltaWallMs, timeZone));
  };
}
