import { alertRuleName, alertText } from '../../../api/web/alert-words';
import { translator } from '../../../api/web/i18n';

describe('alert words', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('names a known rule in the reader language', () => {
    expect(alertRuleName(zh, 'no_data')).toBe('数据中断');
    expect(alertRuleName(en, 'notification_failed')).toBe('Notification failed');
  });

  it('names the subject of a rule about one stream', () => {
    expect(alertRuleName(en, 'stream_blocked:day-2')).toBe('Stream blocked (day-2)');
  });

  it("shows a rule a plan named itself by its id instead of failing (a campaign's own KPI alerts)", () => {
    expect(alertText(en, { ruleId: 'gmv_low', message: 'gmv 10 is under 100' })).toBe(
      'gmv_low: gmv 10 is under 100',
    );
  });
});
