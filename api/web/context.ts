import type { Request, Response } from 'express';
import type { TActor } from '../../domain/shared/actor.types';
import { resolveLocale, translator, type TLocale, type Translate } from './i18n';

/** What every page needs about the request: who, the CSRF token for its forms, the language, where we are. */
export interface PageContext {
  actor: TActor;
  csrfToken: string;
  locale: TLocale;
  t: Translate;
  /** The request path with its query, for the language switch and `next` links. */
  url: string;
  /** True when the platform numbers come from the built-in simulator (ANALYTICS_BASE_URL unset). */
  simulated: boolean;
  /** Items waiting on this person (the nav badge); unset where not counted. */
  waiting?: number;
}

export interface AnonymousContext extends Omit<PageContext, 'actor'> {
  actor: TActor | undefined;
}

export function anonymousContext(req: Request, res: Response, simulated: boolean): AnonymousContext {
  const locale = resolveLocale(req, res);
  const locals = res.locals as { actor?: TActor; csrfToken?: string };
  return {
    actor: locals.actor,
    csrfToken: locals.csrfToken ?? '',
    locale,
    t: translator(locale),
    url: req.originalUrl,
    simulated,
  };
}

/** The same URL with `lang` set, for the language switch. */
export function withLang(url: string, lang: 'en' | 'zh'): string {
  const parsed = new URL(url, 'http://local');
  parsed.searchParams.set('lang', lang);
  return `${parsed.pathname}${parsed.search}`;
}
