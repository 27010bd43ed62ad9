import { isValidTimeZone, toIsoUtc } from '../../../domain/shared/time';
import { zonedParts, zonedTimeToEpoch } from '../../../domain/time/zoned-time';
import { html, type SafeHtml } from '../html';
import type { Translate } from '../i18n';

/** Form field suffixes: the wall-clock value the picker sends, and the zone it is read in. */
export const LOCAL_SUFFIX = '__local';
export const ZONE_SUFFIX = '__zone';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the `datetime-local` value of that wall clock in the zone (minutes: what people schedule in). */
export function toLocalInputValue(iso: string | undefined, timeZone: string): string {
  if (iso === undefined || Number.isNaN(Date.parse(iso))) return '';
  const p = zonedParts(Date.parse(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * "2026-12-01T20:00" read in the zone, as an ISO instant; undefined when it is not a wall-clock time at all (the
 * spec then says what is wrong, in the same words as the API). Skipped and repeated wall times follow zonedTimeToEpoch.
 */
export function fromLocalInputValue(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match === null || !isValidTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return toIsoUtc(
    zonedTimeToEpoch(
      { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 },
      timeZone,
    ),
  );
}

/**
 * The browser's own date-time picker, in the stream's zone rather than UTC (a raw ISO field is how teams go live an
 * hour late). The zone travels with the form so the server reads the wall clock the person saw.
 */
export function zonedDateTimeInput(
  t: Translate,
  o: { id: string; name: string; value: string | undefined; timeZone: string; required: boolean },
): SafeHtml {
  return html`<input
      id="${o.id}"
      name="${o.name}${LOCAL_SUFFIX}"
      type="datetime-local"
      value="${toLocalInputValue(o.value, o.timeZone)}"
      aria-describedby="${o.id}-hint"
      ${o.required ? html` required` : ''}
    /><input type="hidden" name="${o.name}${ZONE_SUFFIX}" value="${o.timeZone}" /><small id="${o.id}-hint"
      >${t('field.zonedHint', { zone: o.timeZone })}</small
    >`;
}
