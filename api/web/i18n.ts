import type { Request, Response } from 'express';
import { MESSAGES, type TMessageKey } from './messages';

export type TLocale = 'zh-CN' | 'en';
export const LANG_COOKIE = 'liveops_lang';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export type Translate = (key: TMessageKey, params?: Record<string, string | number>) => string;

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function toLocale(value: unknown): TLocale | undefined {
  if (value === 'en') return 'en';
  if (value === 'zh' || value === 'zh-CN') return 'zh-CN';
  return undefined;
}

/** zh-CN unless `?lang=en` (remembered in a cookie) or that cookie says otherwise. */
export function resolveLocale(req: Request, res: Response): TLocale {
  const fromQuery = toLocale(req.query.lang);
  if (fromQuery) {
    res.cookie(LANG_COOKIE, fromQuery, { sameSite: 'lax', httpOnly: true, maxAge: ONE_YEAR_MS, path: '/' });
    return fromQuery;
  }
  return toLocale(readCookie(req, LANG_COOKIE)) ?? 'zh-CN';
}

export function translator(locale: TLocale): Translate {
  return (key, params) => {
    const entry = MESSAGES[key];
    let text: string = locale === 'en' ? entry.en : entry.zh;
    if (params)
      for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/** Locale-aware date-time in the given zone, with the zone named (a bare "20:00" is how teams go live an hour late). */
export function formatInstant(iso: string | undefined, locale: TLocale, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text} (${timeZone})`;
}
