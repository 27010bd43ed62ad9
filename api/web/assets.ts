/**
 * The UI's only stylesheet and script, served from /assets so a strict Content-Security-Policy (script-src 'self')
 * needs no inline exceptions.
 */
export const WEB_CSS = `
:root { --fg:#111827; --muted:#6b7280; --line:#e5e7eb; --accent:#1d4ed8; --bad:#b91c1c; --ok:#15803d; --warn:#b45309; --bg:#f9fafb; }
* { box-sizing: border-box; }
body { margin:0; font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif; color:var(--fg); background:var(--bg); line-height:1.5; }
a { color:var(--accent); }
:focus-visible { outline:3px solid #f59e0b; outline-offset:2px; }
.skip { position:absolute; left:-9999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:10; }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
header.top { display:flex; flex-wrap:wrap; align-items:center; gap:16px; padding:8px 24px; background:#111827; color:#fff; }
header.top a { color:#fff; }
.brand { font-weight:700; text-decoration:none; } .brand span { font-weight:400; color:#d1d5db; margin-left:6px; font-size:.9em; }
nav ul { display:flex; flex-wrap:wrap; gap:4px; list-style:none; margin:0; padding:0; }
header.top nav { max-width:100%; }
nav a { display:block; padding:6px 10px; border-radius:6px; text-decoration:none; }
header.top nav a[aria-current="page"], header.top nav a:hover { background:#374151; }
.tools { margin-left:auto; display:flex; gap:16px; align-items:center; }
.user { display:flex; gap:8px; align-items:center; } .user .roles { color:#d1d5db; font-size:.85em; }
form.inline { display:inline; margin:0; }
button.link { background:none; border:1px solid #6b7280; color:#fff; padding:2px 8px; }
main { max-width:1100px; margin:0 auto; padding:16px 24px 48px; }
h1 { margin:8px 0 16px; font-size:1.6em; } h2 { font-size:1.2em; margin:28px 0 8px; } h3 { font-size:1.05em; margin:0 0 8px; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:4px 16px 16px; margin:12px 0; }
table { border-collapse:collapse; width:100%; margin:8px 0; background:#fff; }
caption { text-align:left; font-weight:600; padding:4px 0; color:var(--muted); }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
label { display:block; font-weight:600; margin:10px 0 4px; }
.check label { display:inline; font-weight:400; margin-left:6px; }
input, select, textarea { font:inherit; padding:6px 8px; border:1px solid #9ca3af; border-radius:6px; max-width:100%; }
textarea { width:100%; } textarea.code { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:.85em; }
fieldset { border:1px solid var(--line); border-radius:6px; margin:8px 0; }
.buttons { display:flex; flex-wrap:wrap; gap:8px; margin-top:12px; }
button { font:inherit; padding:6px 14px; border-radius:6px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; }
button.danger { background:#fff; color:var(--bad); border-color:var(--bad); }
form.action { border-top:1px dashed var(--line); padding-top:12px; margin-top:12px; }
.muted { color:var(--muted); } .ok { color:var(--ok); } .warn { color:var(--warn); } .bad { color:var(--bad); }
.error { background:#fef2f2; border:1px solid #fecaca; color:var(--bad); padding:8px 12px; border-radius:6px; margin:8px 0; }
.done { background:#f0fdf4; border:1px solid #bbf7d0; color:var(--ok); padding:8px 12px; border-radius:6px; margin:8px 0; }
.notice { background:#eff6ff; border:1px solid #bfdbfe; padding:8px 12px; border-radius:6px; }
.notice.simulated { background:#fffbeb; border-color:#fcd34d; color:#78350f; }
.empty { padding:24px; text-align:center; color:var(--muted); background:#fff; border:1px dashed var(--line); border-radius:8px; }
mark { background:#fde68a; padding:0 2px; border-radius:3px; } mark.sev-high { background:#fecaca; color:#7f1d1d; } mark.sev-medium { background:#fed7aa; }
.segments li { margin-bottom:8px; } .seg-kind { color:var(--muted); font-size:.85em; } .seg-text { margin:2px 0; }
tr.doc-bad td, tr.doc-bad th { background:#fef2f2; }
.phase { display:inline-block; padding:1px 8px; border-radius:999px; background:#e5e7eb; font-size:.85em; font-weight:600; }
.phase-burst { background:#fee2e2; color:#991b1b; } .phase-preheat { background:#fef3c7; color:#92400e; } .phase-compliance { background:#dbeafe; color:#1e40af; }
.phase-completed { background:#dcfce7; color:#166534; } .phase-blocked, .phase-cancelled { background:#f3f4f6; color:#374151; text-decoration:line-through; }
ol.phases { display:flex; flex-wrap:wrap; list-style:none; padding:0; gap:4px; }
ol.phases li { flex:1 1 120px; padding:8px; border-radius:6px; background:#f3f4f6; border-top:4px solid #d1d5db; }
ol.phases li.done { border-top-color:var(--ok); } ol.phases li.current { border-top-color:var(--accent); background:#dbeafe; font-weight:700; }
ol.phases .name { display:block; } ol.phases .when { display:block; font-size:.75em; color:var(--muted); font-weight:400; }
dl.summary { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; }
dl.summary dt { color:var(--muted); } dl.summary dd { margin:0; }
time.countdown { font-variant-numeric:tabular-nums; white-space:nowrap; } time.countdown.overdue { color:var(--bad); font-weight:600; }
.charts { display:flex; flex-wrap:wrap; gap:16px; } .charts figure { margin:0; flex:1 1 420px; } .charts svg { width:100%; height:auto; background:#fff; }
.count { color:var(--muted); font-weight:400; }
form.login { max-width:360px; background:#fff; padding:16px; border:1px solid var(--line); border-radius:8px; }
form.login input { width:100%; }
form.filter { display:flex; flex-wrap:wrap; align-items:end; gap:8px; } form.filter label { margin:0; }
pre { white-space:pre-wrap; font-size:.85em; }
article.report { background:#fff; border:1px solid var(--line); border-radius:8px; padding:8px 16px; }
article.report svg { max-width:100%; height:auto; }
.inbox-item { border-top:1px solid var(--line); padding-top:12px; margin-top:12px; }
details.action-card { border-top:1px dashed var(--line); padding:8px 0; } details.action-card summary { cursor:pointer; font-weight:600; color:var(--accent); }
details.action-card form.action { border-top:none; margin-top:4px; padding-top:4px; } details.action-card form.action h3 { display:none; }
.table-wrap { overflow-x:auto; } td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
a.button { display:inline-block; padding:6px 14px; border-radius:6px; background:var(--accent); color:#fff; text-decoration:none; }
.tag { display:inline-block; padding:0 6px; border-radius:4px; background:#f3f4f6; border:1px solid var(--line); font-size:.8em; }
.cphase-approval { background:#e0e7ff; color:#3730a3; } .cphase-scheduled { background:#f3f4f6; color:#374151; }
.cphase-preheat { background:#fef3c7; color:#92400e; } .cphase-burst { background:#fee2e2; color:#991b1b; }
.cphase-tail { background:#ede9fe; color:#5b21b6; } .cphase-review { background:#dbeafe; color:#1e40af; }
.cphase-completed { background:#dcfce7; color:#166534; } .cphase-blocked, .cphase-cancelled { background:#f3f4f6; color:#374151; }
.board { display:grid; grid-template-columns:repeat(auto-fill, minmax(240px, 1fr)); gap:12px; }
.board .column { margin:0; } ul.cards { list-style:none; padding:0; margin:0; }
li.card { border:1px solid var(--line); border-radius:8px; padding:8px 12px; margin:8px 0; background:#fff; }
li.card p { margin:4px 0; }
figure.campaign-windows { margin:0; } figure.campaign-windows svg { width:100%; height:auto; font-size:12px; }
svg.windows .w-preheat { fill:#fef3c7; } svg.windows .w-burst { fill:#fee2e2; } svg.windows .w-tail { fill:#ede9fe; }
svg.windows text { fill:#374151; } svg.windows .slot rect { fill:#6b7280; } svg.windows .s-started rect { fill:#1d4ed8; }
svg.windows .s-ended rect { fill:#15803d; } svg.windows .s-failed rect, svg.windows .s-dropped rect { fill:#b91c1c; }
svg.windows .s-held rect { fill:#b45309; } svg.windows line.now { stroke:#111827; stroke-dasharray:4 3; } svg.windows text.now { fill:#111827; }
progress { width:120px; vertical-align:middle; }
figure.bars ul { list-style:none; padding:0; } figure.bars li { display:grid; grid-template-columns:90px 1fr max-content; gap:8px; align-items:center; margin:4px 0; }
figure.bars .bar { display:block; height:14px; background:var(--accent); border-radius:3px; min-width:2px; }
.notice.paused, .notice.warn { background:#fffbeb; border-color:#fcd34d; color:#78350f; }
nav.pager { display:flex; flex-wrap:wrap; gap:12px; margin:8px 0; } nav.pager a[aria-current] { font-weight:700; text-decoration:none; }
ol.calendar { list-style:none; padding:0; display:grid; grid-template-columns:repeat(7, minmax(0, 1fr)); gap:6px; }
ol.calendar li.day { background:#fff; border:1px solid var(--line); border-radius:6px; padding:6px; min-height:90px; }
ol.calendar h3 { font-size:.85em; margin:0 0 4px; color:var(--muted); } ol.calendar ul { list-style:none; padding:0; margin:0; }
ol.calendar li.entry { font-size:.85em; border-left:3px solid #9ca3af; padding-left:4px; margin:4px 0; overflow-wrap:anywhere; }
ol.calendar li.gates-passed { border-left-color:var(--ok); } ol.calendar li.gates-waiting { border-left-color:var(--warn); }
ol.calendar li.gates-blocked { border-left-color:var(--bad); } ol.calendar small { display:block; }
@media (max-width: 720px) {
  ol.calendar { grid-template-columns:1fr; } ol.calendar li.day { min-height:0; }
  main { padding:12px; } header.top { padding:8px 12px; }
}
`;

/**
 * Countdowns tick every second; when one reaches zero (something happens in the workflow) or the page asks for it
 * (data-refresh on <body>), the page reloads, unless the person has started typing into a form.
 */
export const WEB_JS = `(function () {
  'use strict';
  var edited = false;
  var crossed = false;
  document.addEventListener('input', function () { edited = true; });
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function format(ms, day) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400); s %= 86400;
    var clock = pad(Math.floor(s / 3600)) + ':' + pad(Math.floor((s % 3600) / 60)) + ':' + pad(s % 60);
    return d > 0 ? d + day + ' ' + clock : clock;
  }
  function tick() {
    var now = Date.now();
    var items = document.querySelectorAll('time.countdown:not(.frozen)');
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var at = Date.parse(el.getAttribute('datetime') || '');
      if (isNaN(at)) continue;
      var diff = at - now;
      var wasOverdue = el.classList.contains('overdue');
      el.textContent = (diff >= 0 ? el.dataset.in : el.dataset.overdue) + ' ' + format(diff, el.dataset.day || 'd');
      el.classList.toggle('overdue', diff < 0);
      if (diff < 0 && !wasOverdue) crossed = true;
    }
    if (crossed && !edited) { crossed = false; setTimeout(function () { if (!edited) location.reload(); }, 3000); }
  }
  function start() {
    tick();
    setInterval(tick, 1000);
    var every = Number(document.body.dataset.refresh || 0);
    if (every > 0) setInterval(function () { if (!edited) location.reload(); }, every * 1000);
  }
  // Actions the registry marks disruptive (advance, end early, cancel) ask before they are sent.
  document.addEventListener('submit', function (event) {
    var message = event.target && event.target.dataset ? event.target.dataset.confirm : undefined;
    if (message && !window.confirm(message)) event.preventDefault();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;
