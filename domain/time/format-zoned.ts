import { zonedParts } from './zoned-time';

export type TDisplayLocale = 'zh-CN' | 'en';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A human date-time in the stream's zone, with the zone named: people in other zones read these messages too, and a bare
 * "20:00" is how teams end up live an hour late.
 */
export function formatZonedDateTime(epochMs: number, timeZone: string, locale: TDisplayLocale): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, formatter);
  }
  return `${formatter.format(epochMs)} (${timeZone}, UTC${formatOffset(zonedParts(epochMs, timeZone).offsetMinutes)})`;
}

/** 'HH:MM' local time, for compact labels such as chart axes. */
export function formatLocalClock(epochMs: number, timeZone: string): string {
  const { hour, minute } = zonedParts(epochMs, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
