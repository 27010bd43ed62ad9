import { notificationKey, renderNotification, ZNotificationTemplateIdSchema } from '../../../domain/notify';
import type { TLocale, TNotificationParamsInput, TNotificationTemplateId } from '../../../domain/notify';

const HOSTILE = 'Brand Day <img src=x onerror=alert(1)> & "friends"\r\nBcc: victim@example.com';
const START = Date.parse('2024-11-11T12:00:00Z'); // 20:00 in Shanghai
const base = { streamTitle: HOSTILE, timeZone: 'Asia/Shanghai' };
const url = 'https://liveops.example.com/streams/s1?tab=a&b=<c>';

const SAMPLES: { [K in TNotificationTemplateId]: TNotificationParamsInput[K] } = {
  gate_waiting: { ...base, gate: 'script_compliance', dueAt: START, reviewUrl: url, submittedBy: 'Li <Lei>' },
  script_rejected: {
    ...base,
    revision: 2,
    decidedBy: 'Wang <reviewer>',
    reasons: ['absolute claim <Art. 9>'],
    dueAt: START,
    editUrl: url,
  },
  approval_reminder: { ...base, gate: 'product_compliance', dueAt: START, reviewUrl: url, reminderNumber: 2 },
  approval_escalation: {
    ...base,
    gate: 'plan_approval',
    dueAt: START,
    reviewUrl: url,
    originalApprover: 'Wang',
    waitingSince: START - 3_600_000,
  },
  fan_preview: { ...base, tier: 'core', liveStartAt: START, watchUrl: url, perk: '<b>free gift</b>' },
  team_reminder: {
    ...base,
    offset: 'T-1h',
    liveStartAt: START,
    items: [
      { id: 'equipment', label: '设备调试 devices', done: true },
      { id: 'network', label: '网络测试 network test', done: false },
      { id: 'bluehat', label: '蓝帽子证书核对 health-food approval check', done: false },
      { id: 'disclaimer', label: '口播“本品不能代替药物” disclaimer', done: false },
    ],
    checklistUrl: url,
  },
  checklist_escalation: {
    ...base,
    liveStartAt: START,
    pendingItems: [{ id: 'bluehat', label: '蓝帽子证书核对' }],
    responsible: 'Zhao',
    checklistUrl: url,
  },
  phase_changed: {
    ...base,
    from: 'preheat',
    to: 'burst',
    changedAt: START,
    reason: 'on <time>',
    streamUrl: url,
  },
  metric_alert: {
    ...base,
    ruleId: 'conversion_drop',
    severity: 'warning',
    message: { 'zh-CN': '转化率下降 30%', en: 'Conversion down 30%' },
    suggestedAction: { 'zh-CN': '发起限时秒杀', en: 'Propose a flash sale' },
    detectedAt: START,
    dashboardUrl: url,
  },
  incident_recorded: {
    ...base,
    kind: 'viewer_complaint',
    summary: 'Viewer said <script>alert(1)</script>',
    recordedBy: 'Chen',
    recordedAt: START,
    incidentUrl: url,
  },
  stream_blocked: { ...base, reasons: ['Quality report expired <QR-1>'], blockedAt: START, streamUrl: url },
  stream_cancelled: { ...base, reason: 'host ill', cancelledBy: 'Manager M', liveStartAt: START },
  review_ready: { ...base, reviewUrl: url, signOffDueAt: START, highlights: ['GMV 112% <wow>'] },
  review_failed: { ...base, reason: 'database <down>', failures: 2, streamUrl: url },
  review_signoff_reminder: { ...base, reviewUrl: url, dueAt: START, reminderNumber: 1 },
  campaign_phase_changed: {
    ...base,
    from: 'burst',
    to: 'tail',
    changedAt: START,
    reason: 'every goal met <gmv 5000000>',
    campaignUrl: url,
  },
  campaign_plan_decided: {
    ...base,
    decision: 'rejected',
    decidedBy: 'Zhao <mgr>',
    reason: 'budget <too high>',
    campaignUrl: url,
  },
  campaign_alert: { ...base, message: 'roi 1.20 is under 2 <b>', detectedAt: START, campaignUrl: url },
  campaign_cancelled: {
    ...base,
    reason: 'brand pulled out <now>',
    cancelledBy: 'Zhao',
    stoppedStreams: 3,
    campaignUrl: url,
  },
  campaign_confirmation: {
    ...base,
    roi: 1.2,
    floor: 2,
    dueAt: START,
    onNoAnswer: 'pause_remaining',
    campaignUrl: url,
  },
  campaign_stream_problem: {
    ...base,
    streamKey: 'day-1',
    problem: 'blocked: script <rejected>',
    campaignUrl: url,
  },
  periodic_report: {
    cadence: 'weekly',
    scheduleName: HOSTILE,
    timeZone: 'Asia/Shanghai',
    periodStart: Date.parse('2027-02-28T16:00:00Z'),
    periodEnd: Date.parse('2027-03-07T16:00:00Z'),
    streams: 3,
    kpis: { gmv: 12345.5, orders: 321, conversion_rate: 0.031 },
    reportUrl: url,
  },
  schedule_paused: {
    scheduleName: HOSTILE,
    timeZone: 'Asia/Shanghai',
    occurrence: START,
    reason: 'INVALID_INPUT: plannedDurationMinutes <too small>',
    scheduleUrl: url,
  },
  schedule_occurrence_missed: {
    scheduleName: HOSTILE,
    timeZone: 'Asia/Shanghai',
    occurrence: START,
    reason: 'the worker was down until the live began',
  },
};

const CJK = /[\u4e00-\u9fff]/;
const cases = ZNotificationTemplateIdSchema.options.flatMap((id) =>
  (['zh-CN', 'en'] as TLocale[]).map((locale) => [id, locale] as const),
);

describe.each(cases)('%s (%s)', (id, locale) => {
  const rendered = renderNotification(id, locale, SAMPLES[id] as never);

  it('escapes every field in the HTML and keeps raw text in the text part', () => {
    expect(rendered.html).not.toMatch(/<(img|script|b)\b/);
    expect(rendered.html).toContain('Brand Day &lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;');
    expect(rendered.text).toContain('Brand Day <img src=x onerror=alert(1)>');
  });

  it('keeps the subject on one line', () => {
    expect(rendered.subject).not.toMatch(/[\r\n]/);
    expect(rendered.subject.length).toBeGreaterThan(0);
  });

  it('is written in the requested language', () => {
    // The title and samples are ASCII except the metric message and the plan's checklist labels (data, shown as the
    // plan wrote them); strip those before checking.
    const ownText = rendered.text.replace(
      /转化率下降 30%|发起限时秒杀|设备调试|网络测试|蓝帽子证书核对|口播“本品不能代替药物”/g,
      '',
    );
    expect(CJK.test(ownText)).toBe(locale === 'zh-CN');
  });
});

describe('renderNotification details', () => {
  it('formats times in the stream zone', () => {
    expect(renderNotification('fan_preview', 'en', SAMPLES.fan_preview).text).toContain('20:00');
    const ny = renderNotification('fan_preview', 'en', {
      ...SAMPLES.fan_preview,
      timeZone: 'America/New_York',
    });
    expect(ny.text).toContain('07:00');
  });

  it('names phases with the labels of the stream phases', () => {
    const { text } = renderNotification('phase_changed', 'en', SAMPLES.phase_changed);
    expect(text).toContain('moved from preheat to live (burst)');
    expect(text).toContain('Reason: on <time>');
  });

  it("lists the plan's own pre-live checklist with what is done", () => {
    const { text } = renderNotification('team_reminder', 'en', SAMPLES.team_reminder);
    expect(text).toContain('[x] 设备调试 devices');
    expect(text).toContain('[ ] 网络测试 network test');
    expect(text).toContain('[ ] 蓝帽子证书核对 health-food approval check');
    expect(text).toContain('[ ] 口播“本品不能代替药物” disclaimer');
    expect(text).toContain('3 checklist item(s) still open');
  });

  it('names the item a decision is about, so messages about two products differ', () => {
    const one = renderNotification('gate_waiting', 'zh-CN', {
      ...SAMPLES.gate_waiting,
      item: '玻尿酸面霜 (HF-001)',
    });
    const two = renderNotification('gate_waiting', 'zh-CN', {
      ...SAMPLES.gate_waiting,
      item: '维C精华 (VC-002)',
    });
    expect(one.subject).toContain('HF-001');
    expect(two.subject).toContain('VC-002');
    expect(one.text).not.toBe(two.text);
  });

  it('writes different copy per fan tier and shows the perk to core fans only', () => {
    const core = renderNotification('fan_preview', 'zh-CN', SAMPLES.fan_preview);
    const casual = renderNotification('fan_preview', 'zh-CN', { ...SAMPLES.fan_preview, tier: 'casual' });
    expect(core.text).toContain('专属福利');
    expect(casual.text).not.toContain('free gift');
    expect(casual.subject).toContain('今日直播预告');
  });

  it('rejects non-http links and unknown zones before rendering', () => {
    expect(() =>
      renderNotification('review_ready', 'en', { ...SAMPLES.review_ready, reviewUrl: 'javascript:alert(1)' }),
    ).toThrow();
    expect(() =>
      renderNotification('review_ready', 'en', { ...SAMPLES.review_ready, timeZone: 'Nowhere/City' }),
    ).toThrow();
  });

  it('escapes the link inside the href attribute', () => {
    expect(renderNotification('review_ready', 'en', SAMPLES.review_ready).html).toContain(
      'href="https://liveops.example.com/streams/s1?tab=a&amp;b=&lt;c&gt;"',
    );
  });
});

describe('notificationKey', () => {
  it('is deterministic and distinguishes components that contain the separator', () => {
    expect(notificationKey('stream-1', 'fan_preview.core.t-60m', 0)).toBe(
      'stream-1:fan_preview.core.t-60m:0',
    );
    expect(notificationKey('a:b', 'c', 1)).not.toBe(notificationKey('a', 'b:c', 1));
  });

  it('rejects empty parts and bad sequences', () => {
    expect(() => notificationKey('', 'p', 0)).toThrow(RangeError);
    expect(() => notificationKey('w', 'p', -1)).toThrow(RangeError);
    expect(() => notificationKey('w', 'p', 1.5)).toThrow(RangeError);
  });
});
