import { parseConfig } from '../../../runtime/config';
import { temporalRunUrl, temporalUiBase } from '../../../api/web/temporal-ui';

describe("links to Temporal's web UI", () => {
  it('points at the embedded dev server on the host people reach liveops on', () => {
    const config = parseConfig({ PUBLIC_BASE_URL: 'https://ops.example.com/', TEMPORAL_UI_PORT: '9233' });
    expect(temporalUiBase(config)).toBe('https://ops.example.com:9233');
  });

  it("uses TEMPORAL_UI_URL for a remote cluster, and gives no link when a remote cluster's UI is not named", () => {
    const remote = { TEMPORAL_ADDRESS: 'temporal.internal:7233' };
    expect(temporalUiBase(parseConfig(remote))).toBeUndefined();
    const named = parseConfig({ ...remote, TEMPORAL_UI_URL: 'https://temporal-ui.internal/' });
    expect(temporalUiBase(named)).toBe('https://temporal-ui.internal');
    expect(temporalRunUrl('https://temporal-ui.internal', 'default', 'stream-1', 'run-1')).toBe(
      'https://temporal-ui.internal/namespaces/default/workflows/stream-1/run-1/history',
    );
  });

  it('refuses a TEMPORAL_UI_URL that is not an http(s) URL', () => {
    expect(() => parseConfig({ TEMPORAL_UI_URL: 'ftp://x' })).toThrow(/TEMPORAL_UI_URL/);
  });
});
