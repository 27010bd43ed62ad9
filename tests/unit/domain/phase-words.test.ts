import { MESSAGES } from '../../../api/web/messages';
import { CAMPAIGN_PHASE_WORDS } from '../../../domain/campaign/phase-words';
import { CAMPAIGN_PHASES } from '../../../domain/campaign/phases';
import { SHARED_PHASE_WORDS } from '../../../domain/engine/phase-words';
import { STREAM_PHASE_WORDS } from '../../../domain/stream/phase-words';
import { STREAM_PHASES } from '../../../domain/stream/phases';

describe('one phase dictionary', () => {
  it('names a phase both kinds have the same way (a campaign tail and a stream tail are both 延续期)', () => {
    for (const phase of Object.keys(SHARED_PHASE_WORDS) as Array<keyof typeof SHARED_PHASE_WORDS>) {
      expect(STREAM_PHASE_WORDS[phase]).toEqual(CAMPAIGN_PHASE_WORDS[phase]);
    }
    expect(STREAM_PHASE_WORDS.tail['zh-CN']).toBe('延续期');
  });

  it('gives the web pages the words notifications use, for every phase of every kind', () => {
    for (const phase of STREAM_PHASES) {
      expect(MESSAGES[`phase.${phase}`].zh).toBe(STREAM_PHASE_WORDS[phase]['zh-CN']);
      expect(MESSAGES[`phase.${phase}`].en).toBe(STREAM_PHASE_WORDS[phase].en);
    }
    for (const phase of CAMPAIGN_PHASES) {
      expect(MESSAGES[`cphase.${phase}`].zh).toBe(CAMPAIGN_PHASE_WORDS[phase]['zh-CN']);
    }
  });
});
