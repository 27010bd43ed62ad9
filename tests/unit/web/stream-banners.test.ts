import { preheatWaitBanner } from '../../../api/web/pages/stream-banners';
import type { PageContext } from '../../../api/web/context';
import { formatInstant, translator, type TLocale } from '../../../api/web/i18n';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { manager, stateAfter } from '../domain/stream-fixtures';

const context = (locale: TLocale): PageContext => ({
  actor: manager,
  csrfToken: '',
  locale,
  t: translator(locale),
  url: '/',
  simulated: false,
});

describe('the stream page while a stream is through its gates but not yet in preheat', () => {
  it('says so, and when preheat starts, in the reader’s language', () => {
    const waiting = stateAfter('productDecided');
    const at = streamDeadlines(waiting).preheatStart;
    const en = String(preheatWaitBanner(context('en'), waiting));
    expect(en).toContain('Through the gates, waiting for preheat.');
    expect(en).toContain(formatInstant(at, 'en', waiting.plan.timeZone));
    expect(String(preheatWaitBanner(context('zh-CN'), waiting))).toContain('审核已通过，等待预热。');
  });

  it('says nothing while a gate is open, or once preheat began', () => {
    expect(preheatWaitBanner(context('en'), stateAfter('scanned'))).toBeUndefined();
    expect(preheatWaitBanner(context('en'), stateAfter('preheat'))).toBeUndefined();
  });
});
