import { usableSources } from '../../../domain/metrics/metric-sources';
import { kpiSources } from '../../../domain/review';

describe('usableSources', () => {
  it('uses the simulator for a stream only while nothing real reported for it', () => {
    expect(usableSources(['simulated', 'simulated'])).toEqual({ used: ['simulated'], ignored: [] });
    expect(usableSources(['simulated', 'pushed'])).toEqual({ used: ['pushed'], ignored: ['simulated'] });
    expect(usableSources(['platform', 'simulated'])).toEqual({ used: ['platform'], ignored: ['simulated'] });
  });

  it('keeps every real source, most trusted first', () => {
    expect(usableSources(['pushed', 'platform'])).toEqual({ used: ['platform', 'pushed'], ignored: [] });
    expect(usableSources([])).toEqual({ used: [], ignored: [] });
  });
});

describe('kpiSources', () => {
  it('names every source a KPI was computed from', () => {
    expect(kpiSources('peak_concurrent', { viewers: 'pushed', peak_concurrent: 'platform' })).toEqual([
      'platform',
      'pushed',
    ]);
    expect(kpiSources('avg_viewers', { viewers: 'pushed', peak_concurrent: 'platform' })).toEqual(['pushed']);
    expect(kpiSources('gmv', { viewers: 'pushed' })).toEqual([]);
  });

  it('names the fallback metrics only when the KPI was computed from them', () => {
    expect(kpiSources('interactions', { interactions: 'pushed', likes: 'platform' })).toEqual(['pushed']);
    expect(kpiSources('interactions', { likes: 'platform', comments: 'pushed' })).toEqual([
      'platform',
      'pushed',
    ]);
  });
});
